import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, DEFAULT_SLA, parseBusinessHours, type BusinessCalendar, type WorkflowEvent } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { ticketConversationFunction } from '../../inngest/functions/ticket-conversation.js';
import { ticketConversationRearmFunction } from '../../inngest/functions/ticket-conversation-rearm.js';
import { ticketRatedFunction } from '../../inngest/functions/ticket-rated.js';
import { ticketResolutionSlaFunction } from '../../inngest/functions/ticket-resolution-sla.js';
import { functions } from '../../inngest/index.js';
import { fixture, person, runFunction, runOutbox, testClient, type Fixture } from '../inngest/support.js';

const week = parseBusinessHours('Mon-Fri 09:00-17:30');
if (!week.ok) throw new Error(week.message);
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', week: week.value, holidays: [] };

/** Inngest's sleeps on the fixture's clock: each sleep moves the clock by its duration, and may act meanwhile. */
function sleeps(f: Fixture, during: Record<string, () => Promise<void>> = {}) {
  const slept: Record<string, number> = {};
  const mock = async (id: string, duration: unknown) => {
    // @inngest/test replays the function for every step; Inngest would sleep once per step id.
    if (id in slept) return;
    slept[id] = Number(duration);
    f.clock.advance(Number(duration));
    await during[id]?.();
  };
  return { mock, slept };
}

/** Monday 09:00 Berlin: ann's ticket is with mo (pipeline run on the Inngest functions, timers left out). */
async function assigned() {
  const f = fixture({ clock: new FakeClock('2026-01-12T08:00:00.000Z'), settings: { sla: { ...DEFAULT_SLA, calendar: berlin }, lifecycle: DEFAULT_LIFECYCLE } });
  const ann = await person(f.store, 'ann');
  const mo = await person(f.store, 'mo', 'moderator', ['vpn']);
  await person(f.store, 'root', 'admin');
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  const timers = new Set(['ticket-sla', 'ticket-resolution-sla', 'ticket-conversation']);
  await runOutbox(f.store, f.clock, functions(testClient(), f.deps).filter((fn) => !timers.has(fn.id())));
  return { f, ann, mo, ticketId: filed.value.ticket.id };
}

function messageEvent(ticketId: string, actorId: string, seq: number): WorkflowEvent {
  return { name: 'ticket/message', data: { ticketId, ref: 1, actorId, text: '…', seq } };
}

describe('ticket lifecycle on Inngest (@inngest/test, business hours)', () => {
  it('nudges after two business days, closes three later with a note, and a reply reopens the ticket', async () => {
    const { f, ann, mo, ticketId } = await assigned();
    const asked = await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which client version?' });
    if (!asked.ok) throw new Error(asked.error.message);
    const s = sleeps(f);

    const out = await runFunction(ticketConversationFunction(testClient(), f.deps), messageEvent(ticketId, mo.id, asked.value.history.length), { sleep: s.mock });

    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(out.result).toEqual({ outcome: 'closed' });
    // Monday 09:00 → Wednesday 09:00 → Monday 09:00: each wait is real time including nights and the weekend.
    expect(s.slept['wait-reply']).toBe(2 * 86_400_000);
    expect(s.slept['wait-reply-after-nudge']).toBe(5 * 86_400_000);
    expect(f.chat.kindsFor(ann.id)).toContain('ticket.nudge');
    const closed = await f.store.getTicket(ticketId);
    expect(closed?.status).toBe('DONE');
    expect(closed?.resolution).toMatch(/no answer for 5 business days/);

    f.clock.advance(3_600_000);
    expect((await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'here it is: 5.1' })).ok).toBe(true);
    expect((await f.store.getTicket(ticketId))?.status).toBe('TODO');
  });

  it('ends when the requester answers before the nudge', async () => {
    const { f, ann, mo, ticketId } = await assigned();
    const asked = await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which office?' });
    if (!asked.ok) throw new Error(asked.error.message);
    const s = sleeps(f, {
      'wait-reply': async () => {
        await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'Berlin' });
      },
    });

    const out = await runFunction(ticketConversationFunction(testClient(), f.deps), messageEvent(ticketId, mo.id, asked.value.history.length), { sleep: s.mock });

    expect(out.result).toEqual({ outcome: 'answered' });
    expect(f.chat.kindsFor(ann.id)).not.toContain('ticket.nudge');
  });

  it('reminds the assignee when the requester waits past the next-response window (1 business hour for HIGH)', async () => {
    const { f, ann, mo, ticketId } = await assigned();
    await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Try a restart' });
    // Friday 17:00 Berlin: the window runs 30 minutes on Friday and the rest on Monday.
    f.clock.set('2026-01-16T16:00:00.000Z');
    const wrote = await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'did not help' });
    if (!wrote.ok) throw new Error(wrote.error.message);
    const s = sleeps(f, { 'wait-answer-after-reminder': async () => void (await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'on it' })) });
    const priority = (await f.store.getTicket(ticketId))?.priority;
    expect(priority).toBe('HIGH');

    const out = await runFunction(ticketConversationFunction(testClient(), f.deps), messageEvent(ticketId, ann.id, wrote.value.history.length), { sleep: s.mock });

    expect(out.result).toEqual({ outcome: 'responded' });
    // HIGH: 1 business hour → 30 minutes Friday, 30 minutes Monday: due Monday 09:30 Berlin.
    expect(s.slept['wait-answer']).toBe(Date.parse('2026-01-19T08:30:00.000Z') - Date.parse('2026-01-16T16:00:00.000Z'));
    expect(f.chat.sent.filter((m) => m.person.id === mo.id && m.notification.kind === 'sla.reminder').map((m) => (m.notification.kind === 'sla.reminder' ? m.notification.sla : null))).toEqual(['next-response']);
  });

  it('reminds about resolution on the business clock, then tells the admins', async () => {
    const { f, mo, ticketId } = await assigned();
    const s = sleeps(f);
    const out = await runFunction(ticketResolutionSlaFunction(testClient(), f.deps), { name: 'ticket/triaged', data: { ticketId, ref: 1, engine: 'fixed' } }, { sleep: s.mock, waitForEvent: async (_id, options) => (f.clock.advance(Number(options.timeout)), null) });
    expect(out.result).toEqual({ outcome: 'admins' });
    expect(f.chat.kindsFor(mo.id)).toContain('sla.reminder');
    expect((await f.store.getTicket(ticketId))?.history.filter((h) => h.type === 'escalated').map((h) => (h.type === 'escalated' ? h.sla : null))).toEqual(['resolution']);
  });

  it('a rearm after switching engines picks the waiting up again without nudging twice', async () => {
    const { f, ann, mo, ticketId } = await assigned();
    await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which office?' });
    const rearm: WorkflowEvent = { name: 'ticket/timers-rearm', data: { ticketId, ref: 1, reason: 'engine in-process → inngest' } };
    const first = await runFunction(ticketConversationRearmFunction(testClient(), f.deps), rearm, { sleep: sleeps(f, { 'wait-reply-after-nudge': async () => void (await f.helpdesk.holdTicket({ ticketId, actorId: mo.id, on: true })) }).mock });
    expect(first.result).toEqual({ outcome: 'on-hold' });
    expect(f.chat.kindsFor(ann.id).filter((k) => k === 'ticket.nudge')).toHaveLength(1);
    // The old engine's timer fires too, later: the history says the nudge happened.
    await f.helpdesk.holdTicket({ ticketId, actorId: mo.id, on: false });
    const again = await runFunction(ticketConversationRearmFunction(testClient(), f.deps), rearm, { sleep: sleeps(f).mock });
    expect(again.result).toEqual({ outcome: 'closed' });
    expect(f.chat.kindsFor(ann.id).filter((k) => k === 'ticket.nudge')).toHaveLength(1);
  });

  it('a 👎 tells the assignee and offers reopening; a 👍 only refreshes the card', async () => {
    const { f, ann, mo, ticketId } = await assigned();
    await f.helpdesk.resolveTicket({ ticketId, actorId: mo.id, note: 'Restarted the gateway' });
    await f.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'bad', comment: 'still drops' });
    const fn = ticketRatedFunction(testClient(), f.deps);
    await runFunction(fn, { name: 'ticket/rated', data: { ticketId, ref: 1, actorId: ann.id, rating: 'bad', changed: false } });
    const told = f.chat.sent.find((m) => m.notification.kind === 'ticket.rated');
    expect(told?.person.id).toBe(mo.id);
    expect(told?.notification.kind === 'ticket.rated' ? told.notification.comment : null).toBe('still drops');
    await f.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'good' });
    await runFunction(fn, { name: 'ticket/rated', data: { ticketId, ref: 1, actorId: ann.id, rating: 'good', changed: true } });
    expect(f.chat.kindsFor(mo.id).filter((k) => k === 'ticket.rated')).toHaveLength(1);
  });
});
