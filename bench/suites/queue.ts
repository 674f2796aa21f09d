/**
 * The whole queue on SQLite: `/tickets` for an admin (count + first page in
 * queue order: priority, then age) over 100,000 stored tickets, a third of
 * them open, and a moderator's view (theirs plus the unassigned queue).
 * - list_p95_ms: the admin's first page, through the core use case.
 * - list_moderator_p95_ms: a moderator's first page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { ticketRow } from '../../adapters/sqlite/tickets.js';
import { DEFAULT_SETTINGS, Helpdesk, newTicketRecord, Notifier, PRIORITIES, SkillCatalog, silentLogger, type Person, type Ticket } from '../../core/index.js';
import { CountingSignal, FixedTriage, MemorySimilarIndex } from '../../core/testing/fakes.js';
import { percentile } from '../support.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 100_000;
const MODERATORS = 200;
const WARMUP = 50;
const SAMPLES = 400;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const suite: BenchSuite = {
  name: 'queue',
  async run(): Promise<Metric[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-queue-'));
    // Loading is not what is measured, so it may skip the per-commit sync.
    const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    try {
      const at = new Date(T0).toISOString();
      const admin = await store.ensurePerson({ id: 'admin', identity: 'console:admin', displayName: 'admin', email: null, role: 'admin', createdAt: at });
      let moderator: Person | null = null;
      for (let i = 0; i < MODERATORS; i++) {
        const p = await store.ensurePerson({ id: `m${i}`, identity: `console:m${i}`, displayName: `m${i}`, email: null, role: 'moderator', createdAt: at });
        moderator ??= p;
      }
      load(store.db);
      const deps = {
        store,
        clock: { now: () => new Date(T0 + TICKETS * 60_000) },
        ids: { newId: () => 'bench' },
        catalog: new SkillCatalog(),
        triage: new FixedTriage(),
        similar: new MemorySimilarIndex(),
        notifier: new Notifier([], silentLogger),
        signal: new CountingSignal(),
        logger: silentLogger,
        settings: DEFAULT_SETTINGS,
      };
      const helpdesk = new Helpdesk(deps);
      const admins = await measure(async () => {
        const r = await helpdesk.listTickets(admin, {});
        if (!r.ok || r.value.tickets.length !== 20) throw new Error('the admin should see a full first page');
      });
      const mods = await measure(async () => {
        const r = await helpdesk.listTickets(moderator as Person, {});
        if (!r.ok || r.value.tickets.length !== 20) throw new Error('the moderator should see a full first page');
      });
      return [
        { metric: 'list_p95_ms', value: percentile(admins, 0.95), unit: 'ms', target: '< 50' },
        { metric: 'list_moderator_p95_ms', value: percentile(mods, 0.95), unit: 'ms' },
      ];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

/** 100,000 tickets written straight into the table in one transaction: a third open, priorities and assignees spread. */
function load(db: Database.Database): void {
  const rand = mulberry32(7);
  const insert = db.prepare(`INSERT INTO tickets (ref, id, status, priority, requester_id, assignee_id, created_ms, version, idempotency_key, title_lc, description_lc, doc)
    VALUES (@ref, @id, @status, @priority, @requester_id, @assignee_id, @created_ms, @version, NULL, @title_lc, @description_lc, @doc)`);
  db.transaction(() => {
    for (let i = 1; i <= TICKETS; i++) {
      const base = newTicketRecord(
        { id: `t${i}`, title: `Ticket ${i} about the VPN`, description: 'It stopped working this morning.', requesterId: `r${i % 5000}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date(T0 + i * 60_000).toISOString() },
        i,
      );
      const r = rand();
      const status: Ticket['status'] = r < 0.67 ? 'DONE' : r < 0.85 ? 'TODO' : 'IN_PROGRESS';
      const assigneeId = rand() < 0.1 ? null : `m${Math.floor(rand() * MODERATORS)}`;
      const t: Ticket = { ...base, status, priority: PRIORITIES[Math.floor(rand() * 3)] ?? 'MEDIUM', assigneeId };
      insert.run(ticketRow(t));
    }
  }).immediate();
}

async function measure(fn: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= WARMUP) out.push(performance.now() - t0);
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
