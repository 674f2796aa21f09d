/**
 * One in-process runner per MongoDB database: a second process that starts
 * the in-process runner on the same database is refused at start-up with a
 * message that says to configure Inngest. A stopped runner removes its
 * heartbeat record, a crashed one's expires, and the next start goes ahead.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { RunnerAlreadyActive, RunnerHeartbeatKeeper } from '../../adapters/inprocess/index.js';
import type { MongoStore } from '../../adapters/mongo/index.js';
import { buildApp, StartupError } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { mongoStores } from './target.js';

function errorsOf(): Logger & { errors: string[] } {
  const errors: string[] = [];
  const logger = { errors, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (_: object | string, msg?: string) => void errors.push(msg ?? ''), child: () => logger };
  return logger;
}

describe('one in-process runner per MongoDB database', () => {
  const target = mongoStores();
  const { open } = target;

  it('refuses a second runner while the first beats, and lets one start after a clean stop or an expired record', async () => {
    const uri = target.freshUri('single');
    const [a, b] = [await open(uri), await open(uri)];
    const clock = new FakeClock();
    const keeper = (store: MongoStore, owner: string, logger: Logger = silentLogger) => new RunnerHeartbeatKeeper({ jobs: store, owner, clock, logger, ttlMs: 30_000 });
    const first = keeper(a, 'host-a-1');
    await first.acquire();
    clock.advance(5_000);
    const refused = await keeper(b, 'host-b-2').acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RunnerAlreadyActive);
    expect((refused as Error).message).toBe('another process (host-a-1) runs the in-process job runner on this database: its last heartbeat was 5 s ago; if it has stopped, its record expires in 25 s');
    // A beat renews the record: 29 s later it is still alive.
    expect(await first.beat()).toBeNull();
    clock.advance(29_000);
    await expect(keeper(b, 'host-b-2').acquire()).rejects.toBeInstanceOf(RunnerAlreadyActive);
    // A clean stop removes it at once.
    await first.release();
    const second = keeper(b, 'host-b-2');
    await second.acquire();
    // The first process, had it not stopped but only paused, would learn it lost the record.
    expect((await keeper(a, 'host-a-1').beat())?.owner).toBe('host-b-2');
    // A crashed holder's record expires after its time to live.
    clock.advance(30_000);
    const third = keeper(a, 'host-a-3');
    await third.acquire();
    expect((await second.beat())?.owner).toBe('host-a-3');
    await third.release();
    await second.release();
  });

  it('of several processes starting at once, exactly one gets to run', async () => {
    const uri = target.freshUri('race');
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(uri)));
    const clock = new FakeClock();
    const results = await Promise.allSettled(stores.map((s, i) => new RunnerHeartbeatKeeper({ jobs: s, owner: `p${i}`, clock, logger: silentLogger }).acquire()));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RunnerAlreadyActive);
  });

  it('a second bot process with the in-process runner stops at start-up and says to configure Inngest', async () => {
    const uri = target.freshUri('bot');
    const first = await open(uri);
    const holder = new RunnerHeartbeatKeeper({ jobs: first, owner: 'other-host-123', clock: new FakeClock(Date.now()), logger: errorsOf() });
    await holder.acquire();
    const parsed = loadConfig({ MONGODB_URI: uri, CONSOLE: 'off', LOG_LEVEL: 'silent' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const error = await buildApp(parsed.config, silentLogger, { input: new PassThrough(), interactive: false, onConsoleEnd: () => undefined }).then(
      async (app) => {
        await app.stop();
        return null;
      },
      (e: unknown) => e,
    );
    await holder.release();
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^MONGODB_URI: another process \(other-host-123\) runs the in-process job runner on this database/);
    expect((error as Error).message).toMatch(/configure Inngest in every one of them \(INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY/);
  });
});
