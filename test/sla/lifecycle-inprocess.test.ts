import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, DEFAULT_SLA, parseBusinessHours, type BusinessCalendar } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { person, type Fixture } from '../inngest/support.js';
import { inProcessRunners, waitFor } from './inprocess-support.js';

const week = parseBusinessHours('Mon-Fri 09:00-17:30');
if (!week.ok) throw new Error(week.message);
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', week: week.value, holidays: [] };
// Friday 18:00 Berlin unless a test says otherwise.
const { setup, startRunner } = inProcessRunners({ settings: { sla: { ...DEFAULT_SLA, calendar: berlin }, lifecycle: DEFAULT_LIFECYCLE }, at: '2026-01-09T17:00:00.000Z' });

async function fileTicket(f: Fixture) {
  const ann = await person(f.store, 'ann');
  const mo = await person(f.store, 'mo', 'moderator', ['vpn']);
  await person(f.store, 'root', 'admin');
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  return { ticketId: filed.value.ticket.id, ann, mo };
}

const kinds = (f: Fixture, personId: string, kind: string) => f.chat.sent.filter((s) => s.person.id === personId && s.notification.kind === kind);
const firstResponseReminders = (f: Fixture, personId: string) => kinds(f, personId, 'sla.reminder').filter((s) => s.notification.kind === 'sla.reminder' && s.notification.sla === undefined);

describe('ticket lifecycle on the in-process runner, with business hours (Mon–Fri 09:00–17:30 Berlin)', () => {
  it('Friday evening → reminded Monday morning; a question unanswered → nudge, auto-close three business days later; a reply reopens it; the requester rates it', async () => {
    const { f, signal, clock } = setup();
    const runner = startRunner(f, signal, 'runner-a');
    const { ticketId, ann, mo } = await fileTicket(f);
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.assigneeId).toBe(mo.id);

    // The 30-minute window opens Monday 09:00 Berlin (08:00Z): nothing over the weekend, nothing at 3 a.m.
    clock.set('2026-01-12T02:00:00.000Z');
    await runner.idle();
    clock.set('2026-01-12T08:29:00.000Z');
    await runner.idle();
    expect(firstResponseReminders(f, mo.id)).toHaveLength(0);
    clock.set('2026-01-12T08:30:00.000Z');
    await waitFor(() => firstResponseReminders(f, mo.id).length === 1, 'the first-response reminder on Monday 09:30');
    await runner.idle();

    // The moderator asks a question (a first response: no escalation follows).
    clock.set('2026-01-12T08:45:00.000Z');
    expect((await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which VPN client version do you use?' })).ok).toBe(true);
    await runner.idle();
    clock.set('2026-01-12T09:30:00.000Z');
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.history.map((h) => h.type)).not.toContain('escalated');

    // Two business days later (Wednesday 09:45 Berlin) ann is nudged, once.
    clock.set('2026-01-14T08:44:00.000Z');
    await runner.idle();
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(0);
    clock.set('2026-01-14T08:45:00.000Z');
    await waitFor(() => kinds(f, ann.id, 'ticket.nudge').length === 1, 'the nudge');
    await runner.idle();

    // Three more business days (Monday 19th, 09:45 Berlin): resolved, with a note that says why.
    clock.set('2026-01-19T08:44:00.000Z');
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.status).not.toBe('DONE');
    clock.set('2026-01-19T08:45:00.000Z');
    await waitFor(async () => (await f.store.getTicket(ticketId))?.status === 'DONE', 'the auto-close');
    await runner.idle();
    const closed = await f.store.getTicket(ticketId);
    const resolved = closed?.history.findLast((h) => h.type === 'resolved');
    expect(resolved?.type === 'resolved' && resolved.auto).toBe('no-reply');
    expect(closed?.resolution).toMatch(/Closed automatically: mo asked you something and there was no answer for 5 business days/);
    expect(kinds(f, ann.id, 'ticket.resolved')).toHaveLength(1);
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(1);

    // Ann answers in her thread a day later: the ticket reopens with her message, and the moderator hears of both.
    clock.set('2026-01-20T09:00:00.000Z');
    expect((await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'Sorry, version 5.1' })).ok).toBe(true);
    await runner.idle();
    const reopened = await f.store.getTicket(ticketId);
    expect(reopened?.status).toBe('TODO');
    expect(reopened?.history.map((h) => h.type).slice(-2)).toEqual(['reopened', 'message']);
    expect(kinds(f, mo.id, 'ticket.message')).toHaveLength(1);

    // Resolved for real; ann rates it 👎, then changes her mind: one rating per resolution.
    expect((await f.helpdesk.resolveTicket({ ticketId, actorId: mo.id, note: 'Updated the client to 5.2' })).ok).toBe(true);
    expect((await f.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'bad', comment: 'still slow' })).ok).toBe(true);
    await runner.idle();
    expect(kinds(f, mo.id, 'ticket.rated')).toHaveLength(1);
    expect((await f.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'good' })).ok).toBe(true);
    await runner.idle();
    const rated = await f.store.getTicket(ticketId);
    expect(rated?.history.filter((h) => h.type === 'rated').map((h) => (h.type === 'rated' ? h.rating : null))).toEqual(['bad', 'good']);
    expect(kinds(f, mo.id, 'ticket.rated')).toHaveLength(1);
    expect((await f.store.listJobs({ states: ['failed'] })).map((j) => j.lastError)).toEqual([]);
  });

  it('survives a restart while waiting on the requester, and nudges once', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock('2026-01-12T08:00:00.000Z');
    const { f, signal } = setup(store, clock);
    const before = startRunner(f, signal, 'runner-a');
    const { ticketId, ann, mo } = await fileTicket(f);
    await before.idle();
    expect((await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Can you send a screenshot?' })).ok).toBe(true);
    await before.idle();
    await before.stop();

    const after = startRunner(f, signal, 'runner-b');
    clock.set('2026-01-14T08:00:00.000Z');
    after.workAvailable();
    await waitFor(() => kinds(f, ann.id, 'ticket.nudge').length === 1, 'the nudge after the restart');
    await after.idle();
    clock.set('2026-01-14T09:00:00.000Z');
    await after.idle();
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(1);
    expect((await store.getTicket(ticketId))?.history.filter((h) => h.type === 'nudged')).toHaveLength(1);
  });

  it('a requester message stops the timers, and a ticket on hold is never nudged or closed', async () => {
    const { f, signal, clock } = setup(new MemoryStore(), new FakeClock('2026-01-12T08:00:00.000Z'));
    const runner = startRunner(f, signal, 'runner-a');
    const { ticketId, ann, mo } = await fileTicket(f);
    await runner.idle();
    expect((await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which office?' })).ok).toBe(true);
    await runner.idle();
    clock.set('2026-01-13T08:00:00.000Z');
    expect((await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'Berlin' })).ok).toBe(true);
    await runner.idle();
    clock.set('2026-01-20T08:00:00.000Z');
    await runner.idle();
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(0);

    expect((await f.helpdesk.postMessage({ ticketId, actorId: mo.id, text: 'Which floor?' })).ok).toBe(true);
    expect((await f.helpdesk.holdTicket({ ticketId, actorId: mo.id, on: true })).ok).toBe(true);
    await runner.idle();
    clock.set('2026-02-20T08:00:00.000Z');
    await runner.idle();
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(0);
    expect((await f.store.getTicket(ticketId))?.status).not.toBe('DONE');

    // Lifting the hold counts two business days from now, not from the question.
    expect((await f.helpdesk.holdTicket({ ticketId, actorId: mo.id, on: false })).ok).toBe(true);
    await runner.idle();
    expect(kinds(f, ann.id, 'ticket.nudge')).toHaveLength(0);
    clock.set('2026-02-24T08:01:00.000Z');
    await waitFor(() => kinds(f, ann.id, 'ticket.nudge').length === 1, 'the nudge two business days after the hold was lifted');
  });

  it('refuses what does not apply: rating someone else’s or an open ticket, holding a resolved one, reopening after the window', async () => {
    const { f, signal, clock } = setup(new MemoryStore(), new FakeClock('2026-01-12T08:00:00.000Z'));
    const runner = startRunner(f, signal, 'runner-a');
    const { ticketId, ann, mo } = await fileTicket(f);
    await runner.idle();
    const open = await f.helpdesk.rateTicket({ ticketId, actorId: ann.id, rating: 'good' });
    expect(!open.ok && open.error.code).toBe('TICKET.NOT_RESOLVED');
    expect((await f.helpdesk.resolveTicket({ ticketId, actorId: mo.id, note: 'Fixed' })).ok).toBe(true);
    const notTheirs = await f.helpdesk.rateTicket({ ticketId, actorId: mo.id, rating: 'good' });
    expect(!notTheirs.ok && notTheirs.error.message).toMatch(/Only the person who filed #1 can rate it/);
    const hold = await f.helpdesk.holdTicket({ ticketId, actorId: mo.id, on: true });
    expect(!hold.ok && hold.error.code).toBe('TICKET.ALREADY_RESOLVED');
    clock.advance(8 * 86_400_000);
    const late = await f.helpdesk.reopenTicket({ ticketId, actorId: ann.id });
    expect(!late.ok && late.error.code).toBe('TICKET.REOPEN_WINDOW_PASSED');
    // A manual resolution does not reopen on a reply; staff may still reopen at any time.
    expect((await f.helpdesk.postMessage({ ticketId, actorId: ann.id, text: 'thanks!' })).ok).toBe(true);
    expect((await f.store.getTicket(ticketId))?.status).toBe('DONE');
    expect((await f.helpdesk.reopenTicket({ ticketId, actorId: mo.id })).ok).toBe(true);
  });

  it('after a switch of engines the open tickets’ timers are set again, and a window already reminded is not reminded twice', async () => {
    const { f, signal, clock } = setup(new MemoryStore(), new FakeClock('2026-01-12T08:00:00.000Z'));
    expect(await f.helpdesk.rearmTimers('in-process')).toBe(0); // nothing open yet; the engine is recorded
    const runner = startRunner(f, signal, 'runner-a');
    const { ticketId, mo } = await fileTicket(f);
    await runner.idle();
    clock.set('2026-01-12T08:31:00.000Z');
    await waitFor(() => firstResponseReminders(f, mo.id).length === 1, 'the first-response reminder');
    await runner.idle();

    // Same engine again: nothing to do. Another engine: one rearm event per open ticket.
    expect(await f.helpdesk.rearmTimers('in-process')).toBe(0);
    expect(await f.helpdesk.rearmTimers('inngest (cloud)')).toBe(1);
    expect(await f.helpdesk.rearmTimers('inngest (dev server)')).toBe(0);
    await runner.idle();
    expect((await f.store.listJobs({ names: ['ticket/timers-rearm'] })).map((j) => j.data['ticketId'])).toEqual([ticketId]);
    expect(firstResponseReminders(f, mo.id)).toHaveLength(1);
    // The rearmed run escalates once, like the original one would have.
    clock.set('2026-01-12T09:10:00.000Z');
    await waitFor(async () => (await f.store.getTicket(ticketId))?.history.some((h) => h.type === 'escalated') ?? false, 'the escalation');
    await runner.idle();
    expect((await f.store.getTicket(ticketId))?.history.filter((h) => h.type === 'escalated')).toHaveLength(1);
    expect(firstResponseReminders(f, mo.id)).toHaveLength(1);
  });
});
