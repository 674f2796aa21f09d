import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../core/index.js';
import { ticketSlaAfterReopenFunction } from '../../inngest/functions/ticket-sla-reopened.js';
import { ticketSlaFunction } from '../../inngest/functions/ticket-sla.js';
import { functions } from '../../inngest/index.js';
import { span } from '../../core/policies/business-hours.js';
import { DEFAULT_SLA } from '../../core/policies/sla.js';
import { fixture, person, runFunction, runOutbox, testClient, type Fixture, type WaitMock } from '../inngest/support.js';

const MINUTE = 60_000;

/**
 * waitForEvent as Inngest would answer it, on the fixture's clock: a wait
 * listed in `answers` gets that answer (an event, or whatever a function
 * does meanwhile); any other wait times out after its timeout. Answers are
 * remembered per step id, as Inngest memoizes them across replays.
 */
function waits(f: Fixture, answers: Record<string, () => Promise<WorkflowEvent | null>> = {}) {
  const seen = new Map<string, WorkflowEvent | null>();
  const timeouts: Record<string, number> = {};
  const mock: WaitMock = async (id, options) => {
    if (seen.has(id)) return seen.get(id) ?? null;
    timeouts[id] = Number(options.timeout);
    const answer = answers[id];
    let result: WorkflowEvent | null = null;
    if (answer) result = await answer();
    else f.clock.advance(Number(options.timeout));
    seen.set(id, result);
    return result;
  };
  return { mock, timeouts };
}

/** A HIGH ticket filed by ann, triaged and assigned (pipeline run on the Inngest functions). */
async function assignedTicket(f: Fixture, staff: 'two-moderators' | 'one-moderator' = 'two-moderators') {
  const ann = await person(f.store, 'ann');
  const mo = await person(f.store, 'mo', 'moderator', ['vpn']);
  if (staff === 'two-moderators') await person(f.store, 'max', 'moderator', ['vpn']);
  // The only admin is away, so nobody but the moderators can take tickets.
  const root = await person(f.store, 'root', 'admin');
  await f.store.updatePerson(root.id, { availability: 'away' }, root.version, f.clock.now().toISOString());
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  const ticketId = filed.value.ticket.id;
  const withoutSla = functions(testClient(), f.deps).filter((fn) => fn.id() !== 'ticket-sla');
  // Keep the ticket/assigned event for the SLA function below.
  await runOutbox(f.store, f.clock, withoutSla);
  const ticket = await f.store.getTicket(ticketId);
  if (!ticket?.assigneeId) throw new Error('the pipeline did not assign the ticket');
  const assignedEvent: WorkflowEvent = {
    name: 'ticket/assigned',
    data: { ticketId, ref: ticket.ref, assigneeId: ticket.assigneeId, previousAssigneeId: null, priority: ticket.priority, initial: true, actorId: null },
  };
  return { ticket, assigneeId: ticket.assigneeId, assignedEvent, mo, root, ann };
}

function runSla(f: Fixture, event: WorkflowEvent, mock: WaitMock) {
  return runFunction(ticketSlaFunction(testClient(), f.deps), event, { waitForEvent: mock });
}

const startedEvent = (ticketId: string, actorId: string): WorkflowEvent => ({ name: 'ticket/started', data: { ticketId, ref: 1, actorId } });

describe('SLA escalation on Inngest', () => {
  it('reminds the assignee after the window, then moves the ticket to the next best match', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent } = await assignedTicket(f);
    const w = waits(f);

    const out = await runSla(f, assignedEvent, w.mock);

    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(out.result).toEqual({ outcome: 'reassigned' });
    expect(w.timeouts['wait-start']).toBe(30 * MINUTE);
    expect(w.timeouts['wait-start-after-reminder']).toBe(30 * MINUTE);
    expect(f.chat.kindsFor(assigneeId)).toContain('sla.reminder');
    const after = await f.store.getTicket(ticket.id);
    const next = after?.assigneeId;
    expect(next).not.toBeNull();
    expect(next).not.toBe(assigneeId);
    expect(after?.history.map((h) => h.type).slice(-3)).toEqual(['reminded', 'escalated', 'reassigned']);
    const moved = after?.history.at(-1);
    expect(moved?.type === 'reassigned' ? moved.reason?.rule : null).toBe('escalation');

    // The escalation's events: ticket/escalated, and a reassignment that tells both moderators and starts a new SLA.
    const pending = await f.store.listJobs({ states: ['pending'] });
    expect(pending.map((j) => j.name).sort()).toEqual(['ticket/assigned', 'ticket/escalated']);
    await runOutbox(f.store, f.clock, functions(testClient(), f.deps).filter((fn) => fn.id() !== 'ticket-sla'));
    expect(f.chat.kindsFor(next ?? '')).toContain('ticket.assignment');
    expect(f.chat.kindsFor(assigneeId).at(-1)).toBe('ticket.unassigned-from');
  });

  it('does nothing when the ticket is started within the window', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent } = await assignedTicket(f);
    const w = waits(f, {
      'wait-start': async () => {
        f.clock.advance(10 * MINUTE);
        await f.helpdesk.startTicket({ ticketId: ticket.id, actorId: assigneeId });
        return startedEvent(ticket.id, assigneeId);
      },
    });

    const out = await runSla(f, assignedEvent, w.mock);

    expect(out.result).toEqual({ outcome: 'started' });
    expect(f.chat.kindsFor(assigneeId)).not.toContain('sla.reminder');
    expect((await f.store.getTicket(ticket.id))?.history.map((h) => h.type)).not.toContain('reminded');
  });

  it('stops after the reminder when the ticket is started in the second window', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent } = await assignedTicket(f);
    const w = waits(f, {
      'wait-start-after-reminder': async () => {
        await f.helpdesk.startTicket({ ticketId: ticket.id, actorId: assigneeId });
        return startedEvent(ticket.id, assigneeId);
      },
    });

    const out = await runSla(f, assignedEvent, w.mock);

    expect(out.result).toEqual({ outcome: 'started' });
    expect(f.chat.kindsFor(assigneeId).filter((k) => k === 'sla.reminder')).toHaveLength(1);
    const after = await f.store.getTicket(ticket.id);
    expect(after?.assigneeId).toBe(assigneeId);
    expect(after?.history.map((h) => h.type)).not.toContain('escalated');
  });

  it('tells the admins when nobody else can take the ticket, and leaves it with its assignee', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent, root } = await assignedTicket(f, 'one-moderator');
    const w = waits(f);

    const out = await runSla(f, assignedEvent, w.mock);

    expect(out.result).toEqual({ outcome: 'admins' });
    expect(f.chat.kindsFor(root.id)).toEqual(['sla.escalated']);
    const told = f.chat.sent.find((s) => s.notification.kind === 'sla.escalated')?.notification;
    expect(told?.kind === 'sla.escalated' ? told.reason : '').toMatch(/reminded after 30 minutes.*nobody else can take it/);
    const after = await f.store.getTicket(ticket.id);
    expect(after?.assigneeId).toBe(assigneeId);
    expect(after?.history.map((h) => h.type).slice(-2)).toEqual(['reminded', 'escalated']);
    expect((await f.store.listJobs({ states: ['pending'] })).map((j) => j.name)).toEqual(['ticket/escalated']);
  });

  it('ends without a reminder when the ticket was resolved during the window', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent } = await assignedTicket(f);
    const w = waits(f, {
      // In Inngest cancelOn stops the run; without it the state check does.
      'wait-start': async () => {
        await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: assigneeId, note: 'Fixed without starting' });
        f.clock.advance(30 * MINUTE);
        return null;
      },
    });

    const out = await runSla(f, assignedEvent, w.mock);

    expect(out.result).toEqual({ outcome: 'resolved' });
    expect(f.chat.kindsFor(assigneeId)).not.toContain('sla.reminder');
  });

  it('leaves a ticket reassigned during the window to the new assignment’s own SLA run', async () => {
    const f = fixture();
    const { ticket, assigneeId, assignedEvent } = await assignedTicket(f);
    const w = waits(f, {
      'wait-start': async () => {
        await f.helpdesk.reassignTicket({ ticketId: ticket.id, actorId: assigneeId, to: null });
        f.clock.advance(30 * MINUTE);
        return null;
      },
    });

    const out = await runSla(f, assignedEvent, w.mock);

    expect(out.result).toEqual({ outcome: 'reassigned' });
    expect(f.chat.sent.filter((s) => s.notification.kind === 'sla.reminder')).toHaveLength(0);
  });

  it('takes the windows from the settings', async () => {
    const f = fixture({ settings: { sla: { ...DEFAULT_SLA, firstResponse: { HIGH: span(10 * MINUTE), MEDIUM: span(60 * MINUTE), LOW: span(0) } } } });
    const { assignedEvent } = await assignedTicket(f);
    const w = waits(f);

    await runSla(f, assignedEvent, w.mock);
    expect(w.timeouts['wait-start']).toBe(10 * MINUTE);

    const off = await runSla(f, { ...assignedEvent, data: { ...assignedEvent.data, priority: 'LOW' } }, waits(f).mock);
    expect(off.result).toEqual({ outcome: 'off' });
  });
  it('watches a ticket reopened with its assignee: reminder, then the next best match', async () => {
    const f = fixture();
    const { ticket, assigneeId, ann } = await assignedTicket(f);
    expect((await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: assigneeId, note: 'Restarted the gateway' })).ok).toBe(true);
    f.clock.advance(60 * MINUTE);
    expect((await f.helpdesk.reopenTicket({ ticketId: ticket.id, actorId: ann.id })).ok).toBe(true);
    const reopenedEvent: WorkflowEvent = { name: 'ticket/reopened', data: { ticketId: ticket.id, ref: ticket.ref, actorId: ann.id } };
    const w = waits(f);

    const out = await runFunction(ticketSlaAfterReopenFunction(testClient(), f.deps), reopenedEvent, { waitForEvent: w.mock });

    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(out.result).toEqual({ outcome: 'reassigned' });
    expect(w.timeouts['wait-start']).toBe(30 * MINUTE);
    expect(f.chat.kindsFor(assigneeId)).toContain('sla.reminder');
    expect((await f.store.getTicket(ticket.id))?.history.map((h) => h.type).slice(-4)).toEqual(['reopened', 'reminded', 'escalated', 'reassigned']);
  });
});
