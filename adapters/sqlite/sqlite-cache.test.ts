/**
 * Assignment candidates are served from an in-memory staff index; these
 * tests pin down that it never serves stale people, whoever wrote them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from './index.js';

const at = '2026-01-05T09:00:00.000Z';

describe('SqliteStore staff cache', () => {
  let dir: string;
  let a: SqliteStore;
  let b: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-cache-'));
    a = openSqliteStore({ dataDir: dir });
    b = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees changes committed by another connection', async () => {
    const p = await a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await a.updatePerson(p.id, { skills: ['vpn'] }, p.version, at);
    expect((await a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['m1']);
    await b.updatePerson(p.id, { availability: 'away' }, withVpn.version, at);
    expect(await a.listAssignmentCandidates(['vpn'])).toEqual([]);
    await b.ensurePerson({ id: 'a1', identity: 'console:a1', displayName: 'a1', email: null, role: 'admin', createdAt: at });
    expect((await a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['a1']);
  });

  it('forgets writes rolled back with an outer transaction', async () => {
    const p = await a.ensurePerson({ id: 'm1', identity: 'console:m1', displayName: 'm1', email: null, role: 'moderator', createdAt: at });
    const withVpn = await a.updatePerson(p.id, { skills: ['vpn'] }, p.version, at);
    expect(await a.listAssignmentCandidates(['vpn'])).toHaveLength(1);
    a.db.exec('BEGIN IMMEDIATE');
    await a.updatePerson(p.id, { skills: ['email'] }, withVpn.version, at);
    a.db.exec('ROLLBACK');
    expect((await a.listAssignmentCandidates(['vpn'])).map((x) => x.id)).toEqual(['m1']);
    expect(await a.listAssignmentCandidates(['email'])).toEqual([]);
  });
});
