import { describe, expect, it } from 'vitest';
import { newTicketRecord, type HistoryEntry, type Ticket } from '../../core/index.js';
import { checkSla, currentAssignment, DEFAULT_SLA, escalatedSince, formatWindow, remindedSince, startWindowMs } from '../../core/policies/sla.js';

const reason = { rule: 'skills' as const, matchedSkills: ['vpn'], load: 0, text: 'matches vpn' };

function ticketWith(history: HistoryEntry[], patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord({ id: 't1', title: 'VPN', description: 'VPN', requesterId: 'ann', origin: { platform: 'console' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 1);
  return { ...base, history: [...base.history, ...history], ...patch };
}

const assigned: HistoryEntry = { type: 'assigned', at: '2026-01-05T09:01:00.000Z', actorId: null, assigneeId: 'mo', reason };

describe('SLA policy', () => {
  it('uses the default windows per priority unless configured, and 0 turns a priority off', () => {
    expect(startWindowMs(undefined, 'HIGH')).toBe(30 * 60_000);
    expect(startWindowMs(undefined, 'MEDIUM')).toBe(4 * 3_600_000);
    expect(startWindowMs(DEFAULT_SLA, 'LOW')).toBe(24 * 3_600_000);
    expect(startWindowMs({ startWithinMs: { HIGH: 60_000, MEDIUM: 0, LOW: 1 } }, 'HIGH')).toBe(60_000);
    expect(startWindowMs({ startWithinMs: { HIGH: 60_000, MEDIUM: 0, LOW: 1 } }, 'MEDIUM')).toBe(0);
  });

  it('finds the assignment behind the current assignee', () => {
    const t = ticketWith([assigned], { assigneeId: 'mo' });
    expect(currentAssignment(t)).toEqual({ index: 1, at: assigned.at, assigneeId: 'mo' });
    const moved = ticketWith([assigned, { type: 'reassigned', at: '2026-01-05T09:05:00.000Z', actorId: 'mo', fromId: 'mo', toId: 'max', reason }], { assigneeId: 'max' });
    expect(currentAssignment(moved)).toMatchObject({ index: 2, assigneeId: 'max' });
    const dropped = ticketWith([assigned, { type: 'reassigned', at: '2026-01-05T09:05:00.000Z', actorId: null, fromId: 'mo', toId: null, reason: null }], { assigneeId: null });
    expect(currentAssignment(dropped)).toBeNull();
    const reopened = ticketWith([assigned, { type: 'resolved', at: '2026-01-05T10:00:00.000Z', actorId: 'mo', note: 'done' }, { type: 'reopened', at: '2026-01-05T11:00:00.000Z', actorId: 'ann' }], { assigneeId: 'mo' });
    expect(currentAssignment(reopened)).toEqual({ index: 3, at: '2026-01-05T11:00:00.000Z', assigneeId: 'mo' });
  });

  it('is due only while the ticket is open, not started and held through the same assignment', () => {
    const t = ticketWith([assigned], { assigneeId: 'mo' });
    const watched = currentAssignment(t);
    if (!watched) throw new Error('no assignment');
    expect(checkSla(t, watched)).toBe('due');
    expect(checkSla({ ...t, status: 'IN_PROGRESS' }, watched)).toBe('started');
    expect(checkSla({ ...t, status: 'DONE' }, watched)).toBe('resolved');
    // Away and back to the same person is a new assignment with its own SLA run.
    const back = ticketWith(
      [
        assigned,
        { type: 'reassigned', at: '2026-01-05T09:02:00.000Z', actorId: 'mo', fromId: 'mo', toId: 'max', reason },
        { type: 'reassigned', at: '2026-01-05T09:03:00.000Z', actorId: 'max', fromId: 'max', toId: 'mo', reason },
      ],
      { assigneeId: 'mo' },
    );
    expect(checkSla(back, watched)).toBe('reassigned');
  });

  it('remembers reminders and escalations made for the watched assignment', () => {
    const t = ticketWith([assigned, { type: 'reminded', at: '2026-01-05T09:31:00.000Z', assigneeId: 'mo' }], { assigneeId: 'mo' });
    const watched = { index: 1, at: assigned.at, assigneeId: 'mo' };
    expect(remindedSince(t, watched)).toBe(true);
    expect(escalatedSince(t, watched)).toBe(false);
    expect(remindedSince(t, { ...watched, index: 2 })).toBe(false);
  });

  it('says windows the way people do', () => {
    expect(formatWindow(30 * 60_000)).toBe('30 minutes');
    expect(formatWindow(4 * 3_600_000)).toBe('4 hours');
    expect(formatWindow(24 * 3_600_000)).toBe('1 day');
    expect(formatWindow(90_000)).toBe('90 seconds');
  });
});
