/**
 * Store calls that usually change nothing answer from a read, without
 * waiting for a group commit; memoized reads follow every change, whoever
 * made it.
 */
import { describe, expect, it } from 'vitest';
import { twoConnections } from './test-fixtures/two-connections.js';

const at = '2026-01-05T09:00:00.000Z';

describe('SqliteStore reads before writes', () => {
  const db = twoConnections();

  it('finds a known identity without a commit', async () => {
    const created = await db.a.ensurePerson({ id: 'p1', identity: 'console:p1', displayName: 'p1', email: null, role: 'user', createdAt: at });
    const before = db.a.writeStats();
    expect(await db.a.ensurePerson({ id: 'other', identity: 'console:p1', displayName: 'x', email: null, role: 'user', createdAt: at })).toEqual(created);
    expect(db.a.writeStats()).toEqual(before);
  });

  it('delivers an event nobody waits for without a commit, and still wakes a waiting job', async () => {
    await db.a.enqueueJob({ name: 'run:w', key: 'k', data: {}, runAt: at }, at);
    const job = await db.a.claimDueJob('me', at, '2026-01-05T10:00:00.000Z');
    if (!job) throw new Error('no job');
    await db.a.suspendJob(job.id, 'me', '2026-01-06T09:00:00.000Z', { stepId: 's', event: 'ticket/started', matchField: 'ticketId', matchValue: 't1', until: '2026-01-06T09:00:00.000Z' }, at);
    const before = db.a.writeStats();
    expect(await db.a.deliverEvent({ name: 'ticket/started', data: { ticketId: 't2' } }, at)).toBe(0);
    expect(await db.a.deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't1' } }, at)).toBe(0);
    expect(db.a.writeStats()).toEqual(before);
    // Delivered by the other connection: the wait is seen there too.
    expect(await db.b.deliverEvent({ name: 'ticket/started', data: { ticketId: 't1' } }, at)).toBe(1);
    expect((await db.a.getJob(job.id))?.steps['s']).toEqual({ name: 'ticket/started', data: { ticketId: 't1' } });
  });

  it('lists staff skills as they are now, after changes made here or by another connection', async () => {
    const m = await db.a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await db.a.updatePerson(m.id, { skills: ['vpn'] }, m.version, at);
    expect(await db.a.listStaffSkills()).toEqual(['vpn']);
    const withEmail = await db.a.updatePerson(m.id, { skills: ['vpn', 'email'] }, withVpn.version, at);
    expect(await db.a.listStaffSkills()).toEqual(['email', 'vpn']);
    await db.b.updatePerson(m.id, { role: 'user' }, withEmail.version, at);
    expect(await db.a.listStaffSkills()).toEqual([]);
    const copy = await db.a.listStaffSkills();
    copy.push('changed');
    expect(await db.a.listStaffSkills()).toEqual([]);
  });
});
