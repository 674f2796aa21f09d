/**
 * Storage figures, on the SQLite store with its production settings (WAL,
 * synchronous=FULL) in temporary directories:
 * - intake_per_s: tickets filed through core `fileTicket` (validation, the
 *   per-person filing limit query, ticket + pipeline job in one transaction);
 * - sqlite_raw_insert_per_s: bare better-sqlite3 inserts of the same ticket
 *   row into the same table, one commit each, same pragmas;
 * - assign_p99_ms: `listAssignmentCandidates` + `chooseAssignee` for random
 *   skill sets, with 10,000 moderators and 100,000 open tickets stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../adapters/sqlite/migrate.js';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite/index.js';
import { chooseAssignee, fileTicket, newTicketRecord, SkillCatalog, type Ticket } from '../../core/index.js';
import { benchDeps, mulberry32, percentile } from '../support.js';
import type { BenchSuite, Metric } from '../types.js';

const INTAKE_TICKETS = 3_000;
const RAW_INSERTS = 3_000;
const ROUNDS = 3;
const RATE_BUDGET_MS = 3_000;
const MODERATORS = 10_000;
const ADMINS = 5;
const OPEN_TICKETS = 100_000;
const ASSIGN_SAMPLES = 5_000;
/** Enough requesters that the default filing limit (5 a minute) never trips, while its query still runs. */
const REQUESTERS = 2_000;

const TITLE = 'VPN disconnects every few minutes when working from home';
const DESCRIPTION =
  'Since this morning the VPN client drops the connection every few minutes. I am on the home Wi-Fi, other sites work. ' +
  'Reconnecting works for a while, then it drops again. Error shown: "tunnel closed by peer". Laptop model X1, Windows 11.';

const suite: BenchSuite = {
  name: 'store',
  async run(): Promise<Metric[]> {
    const intake: number[] = [];
    const raw: number[] = [];
    // Alternate the two so disk hiccups hit both alike; keep the best round of each.
    for (let round = 0; round < ROUNDS; round++) {
      raw.push(await inTempDir((dir) => rawInsertsPerSecond(dir)));
      intake.push(await inTempDir((dir) => intakePerSecond(dir)));
    }
    const intakeBest = Math.max(...intake);
    const rawBest = Math.max(...raw);
    const assign = await inTempDir((dir) => assignLatency(dir));
    return [
      { metric: 'intake_per_s', value: intakeBest, unit: 'tickets/s' },
      { metric: 'sqlite_raw_insert_per_s', value: rawBest, unit: 'rows/s' },
      { metric: 'intake_to_raw_ratio', value: intakeBest / rawBest, unit: 'ratio', target: '>= 0.5' },
      { metric: 'assign_p99_ms', value: assign.p99, unit: 'ms', target: '< 1' },
      { metric: 'assign_p50_ms', value: assign.p50, unit: 'ms' },
      { metric: 'assign_candidates_mean', value: assign.meanCandidates, unit: 'people' },
    ];
  },
};

export default suite;

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-store-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function intakePerSecond(dir: string): Promise<number> {
  const store = openSqliteStore({ dataDir: dir });
  try {
    const deps = benchDeps(store);
    const at = new Date().toISOString();
    const requesters: string[] = [];
    await inOneTransaction(store, async () => {
      for (let i = 0; i < REQUESTERS; i++) {
        const p = await store.ensurePerson({ id: `r${i}`, identity: `console:r${i}`, displayName: `r${i}`, email: null, role: 'user', createdAt: at });
        requesters.push(p.id);
      }
    });
    const file = async (i: number) => {
      const r = await fileTicket(deps, { requesterId: requesters[i % REQUESTERS] ?? 'r0', title: `${TITLE} ${i}`, description: DESCRIPTION, origin: { platform: 'console' } });
      if (!r.ok) throw new Error(`filing failed: ${r.error.message}`);
    };
    for (let i = 0; i < 100; i++) await file(i);
    return await rate(INTAKE_TICKETS, (i) => file(100 + i));
  } finally {
    await store.close();
  }
}

/** The same ticket row, the same table, indexes and pragmas; nothing of the helpdesk around it. */
async function rawInsertsPerSecond(dir: string): Promise<number> {
  const db = new Database(join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const insert = db.prepare(`INSERT INTO tickets (ref, id, status, priority, requester_id, assignee_id, created_ms, version,
      idempotency_key, title_lc, description_lc, doc) VALUES (?, ?, 'TODO', 'MEDIUM', ?, NULL, ?, 1, NULL, ?, ?, ?)`);
    const rows = Array.from({ length: RAW_INSERTS + 100 }, (_, i) => {
      const t = newTicketRecord({ id: `raw-${i}`, title: `${TITLE} ${i}`, description: DESCRIPTION, requesterId: `r${i % REQUESTERS}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date().toISOString() }, i + 1);
      return [t.ref, t.id, t.requesterId, Date.parse(t.createdAt), t.title.toLowerCase(), t.description.toLowerCase(), JSON.stringify(t)] as const;
    });
    for (const row of rows.slice(0, 100)) insert.run(...row);
    return await rate(RAW_INSERTS, async (i) => {
      const row = rows[100 + i];
      if (row) insert.run(...row);
    });
  } finally {
    db.close();
  }
}

async function assignLatency(dir: string): Promise<{ p99: number; p50: number; meanCandidates: number }> {
  // Bulk loading is not what is measured, so it may skip the per-commit sync.
  const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
  try {
    const skills = new SkillCatalog().ids();
    const rand = mulberry32(42);
    const pick = (n: number) => {
      const set = new Set<string>();
      while (set.size < n) set.add(skills[Math.floor(rand() * skills.length)] ?? 'vpn');
      return [...set];
    };
    const at = new Date().toISOString();
    const staff: string[] = [];
    await inOneTransaction(store, async () => {
      for (let i = 0; i < MODERATORS + ADMINS; i++) {
        const role = i < ADMINS ? 'admin' : 'moderator';
        const p = await store.ensurePerson({ id: `m${i}`, identity: `console:m${i}`, displayName: `m${i}`, email: null, role, createdAt: at });
        await store.updatePerson(p.id, { skills: pick(2 + Math.floor(rand() * 3)) }, p.version, at);
        staff.push(p.id);
      }
    });
    for (let batch = 0; batch < OPEN_TICKETS; batch += 5_000) {
      await inOneTransaction(store, async () => {
        for (let i = batch; i < batch + 5_000; i++) {
          const { ticket } = await store.createTicket({ id: `t${i}`, title: `${TITLE} ${i}`, description: DESCRIPTION, requesterId: `r${i % REQUESTERS}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: at }, []);
          const assignee = staff[Math.floor(rand() * staff.length)] ?? 'm0';
          const next: Ticket = { ...ticket, skills: pick(1 + Math.floor(rand() * 2)), assigneeId: assignee, status: i % 3 === 0 ? 'IN_PROGRESS' : 'TODO' };
          await store.updateTicket(next, { expectedVersion: ticket.version, loadDeltas: [{ personId: assignee, delta: 1 }], assignedAt: { personId: assignee, at } });
        }
      });
    }
    const durations: number[] = [];
    let candidates = 0;
    for (let i = 0; i < ASSIGN_SAMPLES + 500; i++) {
      const required = pick(1 + Math.floor(rand() * 3));
      const t0 = performance.now();
      const found = await store.listAssignmentCandidates(required);
      const decision = chooseAssignee(required, found);
      const elapsed = performance.now() - t0;
      if (decision.kind !== 'assign') throw new Error('bench data should always yield an assignee');
      if (i >= 500) {
        durations.push(elapsed);
        candidates += found.length;
      }
    }
    return { p99: percentile(durations, 0.99), p50: percentile(durations, 0.5), meanCandidates: candidates / ASSIGN_SAMPLES };
  } finally {
    await store.close();
  }
}

/**
 * Operations per second over `max` operations, or fewer when the time
 * budget runs out first (a slow disk syncs a few hundred commits a second),
 * so the suite stays within its minute.
 */
async function rate(max: number, op: (i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  while (n < max && (n < 200 || performance.now() - t0 < RATE_BUDGET_MS)) await op(n++);
  return n / ((performance.now() - t0) / 1000);
}

/**
 * Bulk set-up: store calls inside one outer transaction become savepoints,
 * so loading does not pay a commit per row. The store's methods do their
 * work synchronously, so awaiting them inside the transaction is safe.
 */
async function inOneTransaction(store: SqliteStore, fn: () => Promise<void>): Promise<void> {
  store.db.exec('BEGIN IMMEDIATE');
  try {
    await fn();
    store.db.exec('COMMIT');
  } catch (error) {
    store.db.exec('ROLLBACK');
    throw error;
  }
}
