/**
 * Assignment candidates are served from an in-memory staff index; these
 * tests pin down that it never serves stale people, whoever wrote them.
 */
import { describe, expect, it } from 'vitest';
import { twoConnections } from './test-fixtures/two-connections.js';

const at = '2026-01-05T09:00:00.000Z';

describe('SqliteStore staff cache', () => {
  const db = twoConnections();

  it('sees changes committed by another connection', async () => {
    const p = await db.a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await db.a.updatePerson(p.id, { skills: ['vpn'] }, p.version, at);
    expect((await db.a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['m1']);
    await db.b.updatePerson(p.id, { availability: 'away' }, withVpn.version, at);
    expect(await db.a.listAssignmentCandidates(['vpn'])).toEqual([]);
    await db.b.ensurePerson({ id: 'a1', identity: 'console:a1', displayName: 'a1', email: null, role: 'admin', createdAt: at });
    expect((await db.a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['a1']);
  });

  it('forgets writes rolled back with an outer transaction', async () => {
    const p = await db.a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await db.a.updatePerson(p.id, { skills: ['vpn'] }, p.version, at);
    expect(await db.a.listAssignmentCandidates(['vpn'])).toHaveLength(1);
    db.a.db.exec('BEGIN IMMEDIATE');
    await db.a.updatePerson(p.id, { skills: ['email'] }, withVpn.version, at);
    db.a.db.exec('ROLLBACK');
    expect((await db.a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['m1']);
    expect(await db.a.listAssignmentCandidates(['email'])).toEqual([]);
  });

  it('sees people written through the connection round the store, without being told', async () => {
    const p = await db.a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    await db.a.updatePerson(p.id, { skills: ['vpn'] }, p.version, at);
    expect((await db.a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['m1']);
    // A bulk import writes rows directly (as store:copy does) and does not call forgetCachedPeople.
    db.a.db.prepare("UPDATE people SET availability = 'away' WHERE id = ?").run('m1');
    expect(await db.a.listAssignmentCandidates(['vpn'])).toEqual([]);
  });
});

