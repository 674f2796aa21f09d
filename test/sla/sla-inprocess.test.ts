import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { person, type Fixture } from '../inngest/support.js';
import { inProcessRunners, waitFor } from './inprocess-support.js';

const MINUTE = 60_000;
const { setup, startRunner } = inProcessRunners();

/** ann files a HIGH ticket; two vpn moderators, the only admin away. */
async function fileHigh(f: Fixture) {
  const ann = await person(f.store, 'ann');
  await person(f.store, 'mo', 'moderator', ['vpn']);
  await person(f.store, 'max', 'moderator', ['vpn']);
  const root = await person(f.store, 'root', 'admin');
  await f.store.updatePerson(root.id, { availability: 'away' }, root.version, f.clock.now().toISOString());
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  return filed.value.ticket.id;
}

/** A HIGH ticket assigned, then resolved by its assignee, with the runner idle. */
async function resolvedHigh() {
  const { f, signal } = setup();
  const runner = startRunner(f, signal, 'runner-a');
  const ticketId = await fileHigh(f);
  await runner.idle();
  const assignee = (await f.store.getTicket(ticketId))?.assigneeId ?? '';
  expect((await f.helpdesk.resolveTicket({ ticketId, actorId: assignee, note: 'Restarted the VPN gateway' })).ok).toBe(true);
  await runner.idle();
  return { f, runner, ticketId, assignee };
}

async function slaRuns(store: MemoryStore) {
  return store.listJobs({ names: ['run:ticket-sla'] });
}

const reminders = (f: Fixture, personId: string) => f.chat.kindsFor(personId).filter((k) => k === 'sla.reminder').length;

describe('SLA escalation on the in-process runner', () => {
  it('reminds after the window and reassigns after the second, on a controllable clock', async () => {
    const { f, signal } = setup();
    const runner = startRunner(f, signal, 'runner-a');
    const ticketId = await fileHigh(f);
    await runner.idle();
    const first = (await f.store.getTicket(ticketId))?.assigneeId ?? '';
    expect(first).not.toBe('');
    expect((await slaRuns(f.store)).map((j) => [j.state, j.wait?.event])).toEqual([['waiting', 'ticket/started']]);

    f.clock.advance(29 * MINUTE);
    await runner.idle();
    expect(reminders(f, first)).toBe(0);

    f.clock.advance(1 * MINUTE);
    await waitFor(() => reminders(f, first) === 1, 'the reminder');
    await runner.idle();

    f.clock.advance(30 * MINUTE);
    await waitFor(async () => (await f.store.getTicket(ticketId))?.assigneeId !== first, 'the escalation');
    await runner.idle();
    const after = await f.store.getTicket(ticketId);
    expect(after?.history.map((h) => h.type).slice(-3)).toEqual(['reminded', 'escalated', 'reassigned']);
    expect(f.chat.kindsFor(after?.assigneeId ?? '')).toContain('ticket.assignment');
    expect(reminders(f, first)).toBe(1);
    // One finished SLA run, and a new one watching the new assignee.
    expect((await slaRuns(f.store)).map((j) => j.state).sort()).toEqual(['done', 'waiting']);
    expect((await f.store.listJobs({ states: ['failed'] })).map((j) => j.lastError)).toEqual([]);
  });

  it('survives a restart of the runner while the SLA wait is pending, and reminds once', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { f, signal } = setup(store, clock);
    const before = startRunner(f, signal, 'runner-a');
    const ticketId = await fileHigh(f);
    await before.idle();
    const assignee = (await store.getTicket(ticketId))?.assigneeId ?? '';
    expect((await slaRuns(store))[0]?.state).toBe('waiting');
    await before.stop();

    // A new process: new runner, same store. Time passed while it was down.
    const after = startRunner(f, signal, 'runner-b');
    clock.advance(31 * MINUTE);
    after.workAvailable();
    await waitFor(() => reminders(f, assignee) === 1, 'the reminder after the restart');
    await after.idle();
    expect(reminders(f, assignee)).toBe(1);
    expect((await store.getTicket(ticketId))?.history.filter((h) => h.type === 'reminded')).toHaveLength(1);

    clock.advance(30 * MINUTE);
    await waitFor(async () => (await store.getTicket(ticketId))?.history.some((h) => h.type === 'escalated') ?? false, 'the escalation');
    await after.idle();
    expect(reminders(f, assignee)).toBe(1);
    expect((await store.getTicket(ticketId))?.history.filter((h) => h.type === 'escalated')).toHaveLength(1);
  });

  it('is cancelled by starting the ticket', async () => {
    const { f, signal } = setup();
    const runner = startRunner(f, signal, 'runner-a');
    const ticketId = await fileHigh(f);
    await runner.idle();
    const assignee = (await f.store.getTicket(ticketId))?.assigneeId ?? '';

    f.clock.advance(10 * MINUTE);
    expect((await f.helpdesk.startTicket({ ticketId, actorId: assignee })).ok).toBe(true);
    await waitFor(async () => (await slaRuns(f.store))[0]?.state === 'done', 'the SLA run to end');
    f.clock.advance(3 * 60 * MINUTE);
    await runner.idle();

    expect(reminders(f, assignee)).toBe(0);
    expect((await f.store.getTicket(ticketId))?.history.map((h) => h.type)).not.toContain('escalated');
  });

  it('ends at its check when the ticket was resolved', async () => {
    const { f, runner, assignee } = await resolvedHigh();
    f.clock.advance(31 * MINUTE);
    await waitFor(async () => (await slaRuns(f.store))[0]?.state === 'done', 'the SLA run to end');
    await runner.idle();

    expect(reminders(f, assignee)).toBe(0);
    expect(f.chat.sent.filter((s) => s.notification.kind.startsWith('sla.'))).toEqual([]);
  });

  it('watches a reopened ticket again: its assignee is reminded if it is not started within the window', async () => {
    const { f, runner, ticketId, assignee } = await resolvedHigh();
    const requester = (await f.store.getTicket(ticketId))?.requesterId ?? '';

    f.clock.advance(60 * MINUTE);
    expect((await f.helpdesk.reopenTicket({ ticketId, actorId: requester })).ok).toBe(true);
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.assigneeId).toBe(assignee);
    expect((await f.store.listJobs({ names: ['run:ticket-sla-reopened'] })).map((j) => [j.state, j.wait?.event])).toEqual([['waiting', 'ticket/started']]);

    f.clock.advance(29 * MINUTE);
    await runner.idle();
    expect(reminders(f, assignee)).toBe(0);
    f.clock.advance(1 * MINUTE);
    await waitFor(() => reminders(f, assignee) === 1, 'the reminder after reopening');
    await runner.idle();

    // Started now: the run ends without escalating.
    expect((await f.helpdesk.startTicket({ ticketId, actorId: assignee })).ok).toBe(true);
    await waitFor(async () => (await f.store.listJobs({ names: ['run:ticket-sla-reopened'] }))[0]?.state === 'done', 'the run to end');
    f.clock.advance(60 * MINUTE);
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.history.map((h) => h.type)).not.toContain('escalated');
    expect(reminders(f, assignee)).toBe(1);
  });
});
