import { describe, expect, it } from 'vitest';
import { newTicketRecord, type HistoryEntry, type Ticket } from '../../core/index.js';
import { span } from '../../core/policies/business-hours.js';
import { checkSla, currentAssignment, DEFAULT_SLA, escalatedSince, formatSpan, formatWindow, remindedSince, slaIsOn, slaWindow } from '../../core/policies/sla.js';

const reason = { rule: 'skills' as const, matchedSkills: ['vpn'], load: 0, text: 'matches vpn' };

function ticketWith(history: HistoryEntry[], patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord({ id: 't1', title: 'VPN', description: 'VPN', requesterId: 'ann', origin: { platform: 'console' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 1);
  return { ...base, history: [...base.history, ...history], ...patch };
}

const assigned: HistoryEntry = { type: 'assigned', at: '2026-01-05T09:01:00.000Z', actorId: null, assigneeId: 'mo', reason };

describe('SLA policy', () => {
  it('uses the default windows per priority unless configured, and 0 turns a priority off', () => {
    expect(slaWindow(undefined, 'first-response', 'HIGH')).toEqual(span(30 * 60_000));
    expect(slaWindow(undefined, 'first-response', 'MEDIUM')).toEqual(span(4 * 3_600_000));
    expect(slaWindow(DEFAULT_SLA, 'first-response', 'LOW')).toEqual(span(24 * 3_600_000));
    expect(slaWindow(DEFAULT_SLA, 'resolution', 'MEDIUM')).toEqual(span(0, 3));
    const custom = { ...DEFAULT_SLA, firstResponse: { HIGH: span(60_000), MEDIUM: span(0), LOW: span(1) } };
    expect(slaWindow(custom, 'first-response', 'HIGH')).toEqual(span(60_000));
    expect(slaIsOn(custom, 'first-response', 'MEDIUM')).toBe(false);
  });

  it('counts a staff reply as the first response, but not the requester writing', () => {
    const t = ticketWith([assigned], { assigneeId: 'mo' });
    const watched = currentAssignment(t);
    if (!watched) throw new Error('no assignment');
    const fromAnn = { ...t, history: [...t.history, { type: 'message' as const, at: '2026-01-05T09:05:00.000Z', actorId: 'ann', text: 'any news?' }] };
    expect(checkSla(fromAnn, watched)).toBe('due');
    const fromMo = { ...t, history: [...t.history, { type: 'message' as const, at: '2026-01-05T09:05:00.000Z', actorId: 'mo', text: 'looking' }] };
    expect(checkSla(fromMo, watched)).toBe('responded');
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
    // Each service level keeps its own record.
    expect(remindedSince(t, watched, 'next-response')).toBe(false);
  });

  it('says windows the way people do', () => {
    expect(formatWindow(30 * 60_000)).toBe('30 minutes');
    expect(formatWindow(4 * 3_600_000)).toBe('4 hours');
    expect(formatWindow(24 * 3_600_000)).toBe('1 day');
    expect(formatWindow(90_000)).toBe('90 seconds');
    const cal = { timeZone: 'Europe/Berlin', week: {}, holidays: [] };
    expect(formatSpan(span(0, 2), cal)).toBe('2 business days');
    expect(formatSpan(span(4 * 3_600_000), cal)).toBe('4 business hours');
    expect(formatSpan(span(30 * 60_000), null)).toBe('30 minutes');
  });
});
