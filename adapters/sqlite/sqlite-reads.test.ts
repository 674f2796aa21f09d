/**
 * Store calls that usually change nothing answer from a read, without
 * waiting for a group commit; memoized reads follow every change, whoever
 * made it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from './index.js';

const at = '2026-01-05T09:00:00.000Z';

describe('SqliteStore reads before writes', () => {
  let dir: string;
  let a: SqliteStore;
  let b: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-reads-'));
    a = openSqliteStore({ dataDir: dir });
    b = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a known identity without a commit', async () => {
    const created = await a.ensurePerson({ id: 'p1', identity: 'console:p1', displayName: 'p1', email: null, role: 'user', createdAt: at });
    const before = a.writeStats();
    expect(await a.ensurePerson({ id: 'other', identity: 'console:p1', displayName: 'x', email: null, role: 'user', createdAt: at })).toEqual(created);
    expect(a.writeStats()).toEqual(before);
  });

  it('delivers an event nobody waits for without a commit, and still wakes a waiting job', async () => {
    await a.enqueueJob({ name: 'run:w', key: 'k', data: {}, runAt: at }, at);
    const job = await a.claimDueJob('me', at, '2026-01-05T10:00:00.000Z');
    if (!job) throw new Error('no job');
    await a.suspendJob(job.id, 'me', '2026-01-06T09:00:00.000Z', { stepId: 's', event: 'ticket/started', matchField: 'ticketId', matchValue: 't1', until: '2026-01-06T09:00:00.000Z' }, at);
    const before = a.writeStats();
    expect(await a.deliverEvent({ name: 'ticket/started', data: { ticketId: 't2' } }, at)).toBe(0);
    expect(await a.deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't1' } }, at)).toBe(0);
    expect(a.writeStats()).toEqual(before);
    // Delivered by the other connection: the wait is seen there too.
    expect(await b.deliverEvent({ name: 'ticket/started', data: { ticketId: 't1' } }, at)).toBe(1);
    expect((await a.getJob(job.id))?.steps['s']).toEqual({ name: 'ticket/started', data: { ticketId: 't1' } });
  });

  it('lists staff skills as they are now, after changes made here or by another connection', async () => {
    const m = await a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await a.updatePerson(m.id, { skills: ['vpn'] }, m.version, at);
    expect(await a.listStaffSkills()).toEqual(['vpn']);
    const withEmail = await a.updatePerson(m.id, { skills: ['vpn', 'email'] }, withVpn.version, at);
    expect(await a.listStaffSkills()).toEqual(['email', 'vpn']);
    await b.updatePerson(m.id, { role: 'user' }, withEmail.version, at);
    expect(await a.listStaffSkills()).toEqual([]);
    const copy = await a.listStaffSkills();
    copy.push('changed');
    expect(await a.listStaffSkills()).toEqual([]);
  });
});
