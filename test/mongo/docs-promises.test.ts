/**
 * The scaling path as docs/mongodb.md, docs/inngest.md and docs/runner.md
 * tell it, on the MongoDB wire test server (or the real server named by
 * MONGODB_URI): several bot processes on one database start when Inngest
 * is configured; with the in-process runner the second is refused until
 * the first stops cleanly; two processes relaying one outbox send each
 * event once under its job key; the heartbeat record lives 30 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { newJob, at } from '../../core/ports/store-fixtures.contract.js';
import { RunnerHeartbeatKeeper } from '../../adapters/inprocess/index.js';
import { buildApp, StartupError, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { OutboxRelay } from '../../inngest/index.js';
import { mongoStores } from './target.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A bot process on `uri` with only the settings given (no chat platform, no console). */
async function bot(uri: string, env: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-scaling-'));
  dirs.push(dataDir);
  const parsed = loadConfig({ MONGODB_URI: uri, DATA_DIR: dataDir, CONSOLE: 'off', LOG_LEVEL: 'silent', ...env });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return buildApp(parsed.config, silentLogger, { input: new PassThrough(), interactive: false, onConsoleEnd: () => undefined });
}

describe('the scaling path on MongoDB', () => {
  const target = mongoStores();

  it('with Inngest configured, a second bot process on the same database starts and runs', async () => {
    const uri = target.freshUri('inngest2');
    const inngest = { INNGEST_DEV: '1', PORT: '0' };
    const a = await bot(uri, inngest);
    const b = await bot(uri, inngest);
    try {
      await a.start();
      await b.start();
    } finally {
      await b.stop();
      await a.stop();
    }
  });

  it('with the in-process runner, the second process is refused until the first stops cleanly, then starts at once', async () => {
    const uri = target.freshUri('handover');
    const a = await bot(uri);
    await a.start();
    const refused = await bot(uri).then(
      async (app) => {
        await app.stop();
        return null;
      },
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toMatch(/configure Inngest in every one of them/);
    await a.stop();
    const b = await bot(uri);
    await b.start();
    await b.stop();
  });

  it('refuses an Inngest process while an in-process runner is alive on the same database, since the two would split the work', async () => {
    const uri = target.freshUri('mixed');
    const a = await bot(uri);
    await a.start();
    try {
      const refused = await bot(uri, { INNGEST_DEV: '1', PORT: '0' }).then(
        async (app) => {
          await app.stop();
          return null;
        },
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(StartupError);
      expect((refused as Error).message).toMatch(/runs the in-process job runner on this database, and this one is configured for Inngest/);
    } finally {
      await a.stop();
    }
    const b = await bot(uri, { INNGEST_DEV: '1', PORT: '0' });
    await b.start();
    await b.stop();
  });

  it('a start that fails half-way (its port in use) gives the heartbeat back on stop, as `npm start` does before exiting, so a retry starts at once', async () => {
    const uri = target.freshUri('failed-start');
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', () => done()));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const a = await bot(uri, { PORT: port });
      const failed = await a.start().then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(Error);
      await a.stop();
      const b = await bot(uri);
      await b.start();
      await b.stop();
    } finally {
      await new Promise<void>((done) => taken.close(() => done()));
    }
  });

  it('keeps the heartbeat in the runners collection, expiring 30 s after its last beat', async () => {
    const uri = target.freshUri('runners');
    const store = await target.open(uri);
    const clock = new FakeClock();
    const keeper = new RunnerHeartbeatKeeper({ jobs: store, owner: 'host-a-1', clock, logger: silentLogger });
    await keeper.acquire();
    const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      const records = await client.db().collection('runners').find({}).toArray();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ owner: 'host-a-1' });
      expect((records[0]?.['expiresAt'] as Date).getTime() - (records[0]?.['beatAt'] as Date).getTime()).toBe(30_000);
      await keeper.release();
      expect(await client.db().collection('runners').countDocuments({})).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('two processes relaying one outbox send every event, with its job key as the event id, and mark each sent', async () => {
    const uri = target.freshUri('relays');
    const [a, b] = [await target.open(uri), await target.open(uri)];
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) keys.push((await a.enqueueJob(newJob({ name: 'ticket/filed', key: `ticket/filed:t${i}`, data: { ticketId: `t${i}` } }), at())).key);
    const sent: string[] = [];
    let allSent: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allSent = resolve));
    const inngest = {
      send: async (payload: { id: string }[]) => {
        sent.push(...payload.map((e) => e.id));
        if (keys.every((k) => sent.includes(k))) allSent();
        return { ids: payload.map((e) => e.id) };
      },
    } as unknown as ConstructorParameters<typeof OutboxRelay>[0]['inngest'];
    const clock = { now: () => new Date(at()) };
    const relays = [a, b].map((jobs, i) => new OutboxRelay({ jobs, inngest, clock, logger: silentLogger, owner: `relay-${i}`, batchSize: 5 }));
    for (const r of relays) r.start();
    try {
      await done;
      await Promise.all(relays.map((r) => r.idle()));
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    // Inngest runs one event per id: the ids are the job keys, so even a resend would run once.
    expect([...new Set(sent)].sort()).toEqual([...keys].sort());
    for (const key of keys) expect((await a.getJobByKey(key))?.state).toBe('done');
  });
});
