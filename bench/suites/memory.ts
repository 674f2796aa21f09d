/**
 * Resident memory of the whole bot: right after start-up on an empty data
 * directory, and after start-up on a database holding 100,000 resolved
 * tickets (which the similar-ticket index loads).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { resolve as resolveTicket } from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';

const root = join(import.meta.dirname, '..', '..');

/** Runs the bot built the way `npm start` builds it (plain JavaScript), reporting its RSS. */
function measure(script: string, dataDir: string): { rss: number; similar: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as { rss: number; similar: number };
}

/** Realistic ticket text from the shared Stack Overflow titles, with varied details. */
function titles(): string[] {
  try {
    return readFileSync(join(root, '..', 'shared', 'data', 'skills', 'stackoverflow-titles-dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { title: string }).title);
  } catch {
    return ['VPN does not connect from home', 'Printer on floor 3 jams', 'Cannot log in to email', 'Laptop fan is loud'];
  }
}

async function seed(dataDir: string, count: number): Promise<void> {
  const store = openSqliteStore({ dataDir, synchronous: 'NORMAL' });
  const texts = titles();
  const person = await store.ensurePerson({ id: 'p-1', identity: 'console:seed', displayName: 'seed', email: null, role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' });
  const at = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < count; i++) {
    const title = texts[i % texts.length] ?? 'ticket';
    const created = await store.createTicket(
      { id: `t-${i}`, title: title.slice(0, 200), description: `${title}. Seen on machine ${i % 977} after update ${i % 31}; error ${i % 500}.`, requesterId: person.id, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: at },
      [],
    );
    const done = resolveTicket(created.ticket, person.id, `Fixed by step ${i % 53}: ${texts[(i * 7) % texts.length] ?? ''}`.slice(0, 300), at);
    if (done.ok) await store.updateTicket(done.value, { expectedVersion: created.ticket.version });
  }
  await store.close();
}

const suite: BenchSuite = {
  name: 'memory',
  async run(): Promise<Metric[]> {
    // Built inside the project so the bundle finds node_modules, as dist/ does.
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const outdir = mkdtempSync(join(cache, 'helpdesk-rss-build-'));
    // @ts-expect-error -- plain JavaScript build script without type declarations
    const { buildBundle } = (await import('../../scripts/build.mjs')) as { buildBundle: (entry: string, out: string) => Promise<void> };
    await buildBundle(join(root, 'bench', 'fixtures', 'rss-child.ts'), outdir);
    const script = join(outdir, 'rss-child.js');
    const idleDir = mkdtempSync(join(tmpdir(), 'helpdesk-rss-idle-'));
    const bigDir = mkdtempSync(join(tmpdir(), 'helpdesk-rss-100k-'));
    try {
      const idle = measure(script, idleDir);
      await seed(bigDir, 100_000);
      const big = measure(script, bigDir);
      if (big.similar !== 100_000) throw new Error(`expected 100000 indexed tickets, got ${big.similar}`);
      return [
        { metric: 'rss_idle_mb', value: idle.rss / 1048576, unit: 'MB', target: '< 120' },
        { metric: 'rss_100k_mb', value: big.rss / 1048576, unit: 'MB', target: '< 400' },
      ];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
      rmSync(idleDir, { recursive: true, force: true });
      rmSync(bigDir, { recursive: true, force: true });
    }
  },
};

export default suite;
