/**
 * `store:copy` moves a helpdesk SQLite → MongoDB → SQLite without losing or
 * changing anything, and running each copy twice changes nothing the
 * second time. The CLI runs once as a real process for its exit codes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage, type AuditEntry, type StoreCopy, type StoreRecord } from '../../core/index.js';
import { at, filedJob, HOUR, MINUTE, newJob, newPerson, newTicket, save, staff } from '../../core/ports/store-fixtures.contract.js';
import type { Store } from '../../core/ports/store.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { sqliteStoreCopy } from '../../adapters/sqlite/copy.js';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite/index.js';
import { copyStore } from '../../bot/store-copy.js';
import { mongoTarget, type MongoTarget } from './target.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A small but complete helpdesk: staff, tickets in every state with history, jobs in flight, key-values. */
async function populate(store: Store): Promise<void> {
  const mod = await staff(store, 'slack:T1:U1', 'moderator', ['vpn', 'networking']);
  await store.addIdentity(mod.id, 'discord:42', at(MINUTE));
  await staff(store, 'console:admin', 'admin', ['c#']);
  const user = await store.ensurePerson(newPerson('console:pat', { email: 'Pat@Example.com' }));
  for (let i = 0; i < 12; i++) {
    const input = newTicket({ requesterId: user.id, createdAt: at(i * MINUTE), title: `Ticket ${i} "quoted" % _`, ...(i % 3 === 0 ? { idempotencyKey: `slack:evt-${i}` } : {}) });
    const { ticket } = await store.createTicket(input, [filedJob(input.id, at(i * MINUTE))]);
    if (i % 2 === 0) {
      const assigned = await save(store, ticket, { assigneeId: mod.id, skills: ['vpn'], triage: { engine: 'fixed', model: 'm1' }, updatedAt: at(HOUR) }, {
        loadDeltas: [{ personId: mod.id, delta: 1 }],
        assignedAt: { personId: mod.id, at: at(HOUR) },
      });
      if (i % 4 === 0) await save(store, assigned, { status: 'DONE', resolution: `fixed ${i}`, resolvedAt: at(2 * HOUR), history: [...assigned.history, { type: 'resolved', at: at(2 * HOUR), actorId: mod.id, note: `fixed ${i}` }] });
    }
  }
  // Jobs in every unfinished state, with memoized steps and an event wait.
  const claim = async () => {
    const job = await store.claimDueJob('worker-1', at(HOUR), at(2 * HOUR));
    if (!job) throw new Error('no due job to claim');
    return job;
  };
  const running = await claim();
  await store.saveStepResult(running.id, 'worker-1', 'triage.v1', { skills: ['vpn'] }, at(HOUR));
  const waiting = await claim();
  await store.suspendJob(waiting.id, 'worker-1', at(3 * HOUR), { stepId: 'wait-resolved', event: 'ticket/resolved', matchField: 'ticketId', matchValue: 't1', until: at(3 * HOUR) }, at(HOUR));
  await store.completeJob((await claim()).id, 'worker-1', at(HOUR));
  await store.enqueueJob(newJob({ key: 'sla:later', runAt: at(5 * HOUR), data: { nested: { list: [1, 'two', null] } } }), at());
  await store.setValue('similar-embedding', 'ticket-1', JSON.stringify([0.1, -0.2, 0.3]));
  await store.setValue('slack-thread', '12', 'C1/1700000000.1');
  await store.setValue('odd', "it's \"quoted\" % _ \\", '');
  // Saved replies and the audit record (written with a person change, a ticket save and a reply).
  const audit = (id: string, minute: number, over: Partial<AuditEntry> = {}): AuditEntry => ({ id, at: at(minute * MINUTE), actorId: mod.id, action: 'note', ticketId: null, ref: null, subjectId: null, detail: `entry ${id}`, ...over });
  const pat = await store.getPerson(user.id);
  if (!pat) throw new Error('pat is missing');
  await store.updatePerson(pat.id, { role: 'moderator' }, pat.version, at(90 * MINUTE), [audit('a1', 90, { action: 'role', subjectId: pat.id, detail: 'pat: role user → moderator' })]);
  const first = await store.getTicketByRef(1);
  if (!first) throw new Error('ticket 1 is missing');
  await save(store, first, { updatedAt: at(91 * MINUTE) }, { audit: [audit('a2', 91, { action: 'note', ticketId: first.id, ref: 1 })] });
  await store.putSavedReply({ name: 'vpn-reset', text: 'Hi {requester}, restart the "VPN" client %', createdBy: mod.id, createdAt: at(92 * MINUTE), updatedAt: at(92 * MINUTE) }, [audit('a3', 92, { action: 'reply-added' })]);
  await store.putSavedReply({ name: 'thanks', text: 'Thanks!', createdBy: mod.id, createdAt: at(93 * MINUTE), updatedAt: at(93 * MINUTE) }, []);
  // A long conversation: its history is many entries, written in several saves (and several batches of a copy).
  let long = await store.getTicketByRef(3);
  for (let round = 0; round < 3; round++) {
    if (!long) throw new Error('ticket 3 is missing');
    let next = long;
    for (let i = 0; i < 400; i++) next = addMessage(next, i % 2 === 0 ? user.id : mod.id, `round ${round} message ${i}: "quoted" % _ \\ é`, at((100 + round) * MINUTE));
    long = await store.updateTicket(next, { expectedVersion: long.version });
  }
}

/** Everything a store exports, comparable across stores (job ids and job order are each store's own). */
async function snapshot(copy: StoreCopy): Promise<StoreRecord[]> {
  const out: StoreRecord[] = [];
  const jobs: StoreRecord[] = [];
  for await (const r of copy.exportRecords()) {
    if (r.kind === 'job') jobs.push({ kind: 'job', job: { ...r.job, id: '' } });
    else out.push(r);
  }
  const key = (r: StoreRecord) => (r.kind === 'job' ? r.job.key : '');
  return [...out, ...jobs.sort((a, b) => key(a).localeCompare(key(b)))];
}

describe('store:copy', () => {
  let target: MongoTarget;
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-copy-'));
  let source: SqliteStore;
  let mongo: MongoStore;
  let back: SqliteStore;
  let mongoUri: string;

  beforeAll(async () => {
    target = await mongoTarget();
    // Not holding the one-process lock: the command-line case below opens the same file as a second process.
    source = openSqliteStore({ dataDir: dir, fileName: 'source.db', exclusive: false });
    await populate(source);
    mongoUri = target.freshUri('copy');
    mongo = await openMongoStore(mongoUri);
    back = openSqliteStore({ dataDir: dir, fileName: 'back.db' });
  });
  afterAll(async () => {
    await Promise.allSettled([source?.close(), mongo?.close(), back?.close()]);
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies SQLite to MongoDB, and a second run changes nothing', async () => {
    const first = await copyStore(sqliteStoreCopy(source), mongo);
    expect(first.mismatched).toEqual([]);
    expect(first.source).toEqual({ person: 3, ticket: 12, job: 12, value: 3, reply: 2, audit: 3 });
    expect(first.tally.ticket).toEqual({ inserted: 12, updated: 0, unchanged: 0 });
    const second = await copyStore(sqliteStoreCopy(source), mongo);
    expect(second.mismatched).toEqual([]);
    for (const kind of ['person', 'ticket', 'job', 'value', 'reply', 'audit'] as const) expect(second.tally[kind]).toMatchObject({ inserted: 0, updated: 0 });
    expect(await snapshot(mongo)).toEqual(await snapshot(sqliteStoreCopy(source)));
  });

  it('keeps refs, versions, history, loads and search working in MongoDB, and numbers new tickets after the copied ones', async () => {
    for (const ref of [1, 3, 5, 12]) expect(await mongo.getTicketByRef(ref)).toEqual(await source.getTicketByRef(ref));
    expect((await mongo.getTicketByRef(3))?.history).toHaveLength(1 + 1200);
    expect(await mongo.countTickets({ text: '"QUOTED" %' })).toBe(12);
    expect(await mongo.listTickets({ statuses: ['DONE'], order: 'oldest' })).toEqual(await source.listTickets({ statuses: ['DONE'], order: 'oldest' }));
    const mod = await source.findPersonByIdentity('discord:42');
    expect(await mongo.findPersonByIdentity('discord:42')).toEqual(mod);
    expect(mod?.openTickets).toBe(6);
    expect((await mongo.listAssignmentCandidates(['vpn'])).map((p) => p.id).sort()).toEqual((await source.listAssignmentCandidates(['vpn'])).map((p) => p.id).sort());
    expect(await mongo.getValue('similar-embedding', 'ticket-1')).toBe('[0.1,-0.2,0.3]');
    const waiting = await mongo.listJobs({ states: ['waiting'] });
    expect(await mongo.deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't1' } }, at(HOUR))).toBe(waiting.length);
    expect((await mongo.createTicket(newTicket(), [])).ticket.ref).toBe(13);
  });

  it('copies MongoDB back to SQLite, twice, ending where it started', async () => {
    const check = await openMongoStore(target.freshUri('roundtrip'));
    const viaMongo = openSqliteStore({ dataDir: dir, fileName: 'via-mongo.db' });
    try {
      await copyStore(sqliteStoreCopy(source), check);
      const first = await copyStore(check, sqliteStoreCopy(viaMongo));
      expect(first.mismatched).toEqual([]);
      const second = await copyStore(check, sqliteStoreCopy(viaMongo));
      for (const kind of ['person', 'ticket', 'job', 'value', 'reply', 'audit'] as const) expect(second.tally[kind]).toMatchObject({ inserted: 0, updated: 0 });
      expect(await snapshot(sqliteStoreCopy(viaMongo))).toEqual(await snapshot(sqliteStoreCopy(source)));
      expect((await viaMongo.createTicket(newTicket(), [])).ticket.ref).toBe(13);
    } finally {
      await check.close();
      await viaMongo.close();
    }
    // The MongoDB store that gained ticket #13 and woke a job copies into an empty SQLite file.
    const report = await copyStore(mongo, sqliteStoreCopy(back));
    expect(report.mismatched).toEqual([]);
    expect(await back.getTicketByRef(13)).toEqual(await mongo.getTicketByRef(13));
    expect(await snapshot(sqliteStoreCopy(back))).toEqual(await snapshot(mongo));
    const again = await copyStore(mongo, sqliteStoreCopy(back));
    for (const kind of ['person', 'ticket', 'job', 'value', 'reply', 'audit'] as const) expect(again.tally[kind]).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('runs as a command: exit 0 with a count check, exit 1 when the target holds other data', async () => {
    const ok = await runCli(['--from', join(dir, 'source.db'), '--to', target.freshUri('cli')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/tickets\s+source\s+12\s+target\s+12\s+ok/);
    const extra = openSqliteStore({ dataDir: dir, fileName: 'extra.db' });
    await extra.setValue('other', 'k', 'v');
    await extra.close();
    const bad = await runCli(['--from', join(dir, 'source.db'), '--to', join(dir, 'extra.db')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/key-value pairs\s+source\s+3\s+target\s+4\s+MISMATCH/);
    const missing = await runCli(['--from', join(dir, 'nope.db'), '--to', join(dir, 'x.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no SQLite database');
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/store-copy.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}
