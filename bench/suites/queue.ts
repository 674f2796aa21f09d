/**
 * The whole queue on SQLite: `/tickets` for an admin (count + first page in
 * queue order: priority, then age) over 100,000 stored tickets, a third of
 * them open, and a moderator's view (theirs plus the unassigned queue).
 * - list_p95_ms: the admin's first page, through the core use case.
 * - list_moderator_p95_ms: a moderator's first page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { Helpdesk, type Person } from '../../core/index.js';
import { benchDeps, percentile, seedTicketTable, timeCalls } from '../support.js';
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
      seedTicketTable(store.db, { count: TICKETS, t0: T0, moderators: MODERATORS, seed: 7, title: (i) => `Ticket ${i} about the VPN` });
      const deps = benchDeps(store, { clock: { now: () => new Date(T0 + TICKETS * 60_000) } });
      const helpdesk = new Helpdesk(deps);
      const admins = await timeCalls(async () => {
        const r = await helpdesk.listTickets(admin, {});
        if (!r.ok || r.value.tickets.length !== 20) throw new Error('the admin should see a full first page');
      }, SAMPLES, WARMUP);
      const mods = await timeCalls(async () => {
        const r = await helpdesk.listTickets(moderator as Person, {});
        if (!r.ok || r.value.tickets.length !== 20) throw new Error('the moderator should see a full first page');
      }, SAMPLES, WARMUP);
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
