/**
 * discord_ack_p99_ms: Discord interactions dispatched by the fake gateway at
 * 200 per second for 10 seconds (open loop, 500 requesters filing with
 * `/ticket text:`), time from the gateway dispatch to the interaction
 * callback arriving at the fake REST API. On the production path: the real
 * discord.js client, the SQLite store (WAL, synchronous=FULL) in a temporary
 * directory, and the in-process runner delivering each ticket's DMs to the
 * fake Discord meanwhile. The callback carries the "filed" answer, which
 * comes only after the ticket is stored (a deferral, if any, is counted as
 * the acknowledgement it is). The fake Discord and the load run in a worker
 * thread so their CPU does not count against the bot (this file doubles as
 * the worker's code). discord_ack_bare_p99_ms repeats the load on the
 * in-memory store with no background work: the cost of the adapter,
 * discord.js and the filing use case alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createDiscordChannel, createDiscordSurface } from '../../adapters/discord/index.js';
import { LexicalSimilarIndex } from '../../adapters/local-ai/index.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { silentLogger, type Store } from '../../core/index.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { FakeDiscord, opt, type FakeGuild, type FakeUser, type InteractionRecord } from '../../test/discord/fake-discord/index.js';
import { chatBenchHelpdesk, percentile, startWorker } from '../support.js';
import type { BenchSuite, Metric } from '../types.js';

const RATE = 200;
const SECONDS = 10;
const WARMUP = 200;
const REQUESTERS = 500;

type Load = { latencies: number[]; deferred: number; failures: number; resumes: number; samples: string[] };

const suite: BenchSuite = {
  name: 'discord',
  async run(): Promise<Metric[]> {
    const load = startWorker(import.meta.url, 'discordBenchWorker');
    try {
      const fake = (await load.ask({ kind: 'start' })) as FakeInfo;
      const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-discord-'));
      let sqlite: Load;
      try {
        sqlite = await measure(load, fake, openSqliteStore({ dataDir: dir }), 0, true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // The same load with no disk and no background work: what the adapter, discord.js and the use case cost.
      const bare = await measure(load, fake, new MemoryStore(), 2 * REQUESTERS, false);
      return [
        { metric: 'discord_ack_p99_ms', value: percentile(sqlite.latencies, 0.99), unit: 'ms', target: '< 50' },
        { metric: 'discord_ack_p50_ms', value: percentile(sqlite.latencies, 0.5), unit: 'ms' },
        { metric: 'discord_ack_deferred', value: sqlite.deferred, unit: 'interactions' },
        { metric: 'discord_ack_bare_p99_ms', value: percentile(bare.latencies, 0.99), unit: 'ms' },
      ];
    } finally {
      await load.ask({ kind: 'stop' });
      await load.worker.terminate();
    }
  },
};

type FakeInfo = { apiUrl: string; token: string; applicationId: string; guildId: string };

/** One bot on `store` (with the in-process runner when `pipeline`), a warm-up, then the measured open-loop load. */
async function measure(load: ReturnType<typeof startWorker>, fake: FakeInfo, store: Store, userOffset: number, pipeline: boolean): Promise<Load> {
  const config = { token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, guildIds: [fake.guildId] };
  const channel = createDiscordChannel({ store, logger: silentLogger, config });
  const { helpdesk, runner } = chatBenchHelpdesk(store, channel, new LexicalSimilarIndex());
  if (pipeline) runner.start();
  const surface = createDiscordSurface({ helpdesk, store, logger: silentLogger, config, channel });
  await surface.start();
  try {
    await load.ask({ kind: 'load', rate: RATE / 2, count: WARMUP, offset: userOffset + REQUESTERS });
    const measured = (await load.ask({ kind: 'load', rate: RATE, count: RATE * SECONDS, offset: userOffset })) as Load;
    if (measured.failures > 0) throw new Error(`discord bench: ${measured.failures} interactions were not answered with a filed ticket (gateway resumes: ${measured.resumes}; e.g. ${measured.samples.join(' | ')})`);
    return measured;
  } finally {
    await surface.stop();
    if (pipeline) await runner.stop();
    await store.close();
  }
}

export default suite;

// ── Worker side: the fake Discord and the load generator ────────────────────

if (!isMainThread && (workerData as { discordBenchWorker?: boolean } | null)?.discordBenchWorker) {
  const fake = new FakeDiscord();
  let guild: FakeGuild | null = null;
  const users: FakeUser[] = [];
  parentPort?.on('message', (m: { id: number; kind: string; rate?: number; count?: number; offset?: number }) => {
    const reply = (value: unknown) => parentPort?.postMessage({ id: m.id, value });
    if (m.kind === 'start') {
      void fake.start().then(() => {
        guild = fake.addGuild('Bench');
        for (let i = 0; i < REQUESTERS * 4; i++) users.push(fake.addUser(`user${i}`));
        reply({ apiUrl: fake.apiUrl, token: fake.token, applicationId: fake.applicationId, guildId: guild.id });
      });
    } else if (m.kind === 'stop') {
      void fake.stop().then(() => reply(null));
    } else if (guild) {
      void runLoad(fake, guild, users.slice(m.offset ?? 0, (m.offset ?? 0) + REQUESTERS), m.rate ?? RATE, m.count ?? 0).then(reply);
    }
  });
}

async function runLoad(fake: FakeDiscord, guild: FakeGuild, users: readonly FakeUser[], rate: number, count: number): Promise<Load> {
  const records: InteractionRecord[] = [];
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const user = users[i % users.length] as FakeUser;
    records.push(fake.slash(user, 'ticket', [opt.string('text', `VPN drops every few minutes (${i}) | Since this morning the client disconnects; other sites work.`)], { guild }));
  }
  // A machine that cannot keep up shows it in the figures; only a bot that stopped answering fails the run.
  await fake.waitFor(() => records.every((r) => r.callbacks.length > 0), 'every interaction callback', 600_000).catch(() => undefined);
  const latencies: number[] = [];
  let deferred = 0;
  let failures = 0;
  const samples: string[] = [];
  for (const r of records) {
    const first = r.callbacks[0];
    if (!first) {
      failures++;
      if (samples.length < 5) samples.push('no answer');
      continue;
    }
    latencies.push(first.at - r.dispatchedAt);
    if (first.type === 5) deferred++;
    else if (first.type !== 4 || !String(first.data?.['content'] ?? '').includes('filed')) {
      failures++;
      if (samples.length < 5) samples.push(`${first.type}: ${String(first.data?.['content'] ?? '').slice(0, 120)}`);
    }
  }
  return { latencies, deferred, failures, resumes: fake.gateway.resumes, samples };
}
