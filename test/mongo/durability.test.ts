/**
 * What the MongoDB store asks of the server, checked on the wire: every
 * write carries `w: "majority"`, a call made while no server answers (an
 * election, a restart) waits and completes once one is back instead of
 * failing after the start-up check's few seconds, and indexes already on
 * the server that are in the way are reported with the command that fixes
 * them instead of failing start-up on the server's first refusal.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../core/index.js';
import { newTicket } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore, StoreOpenError } from '../../adapters/mongo/index.js';
import { startFakeMongo, type FakeMongo } from '../fakes/mongo/server.js';
import { withDatabase } from './target.js';

/** A logger that keeps its warnings. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (obj: object | string, msg?: string) => void warnings.push(typeof obj === 'string' ? obj : (msg ?? '')),
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}

const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

describe('MongoDB durability and failover, on the wire', () => {
  let server: FakeMongo;
  let n = 0;
  const fresh = (label: string) => withDatabase(server.uri, `durable_${label}_${++n}`);

  beforeAll(async () => {
    server = await startFakeMongo();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('asks for a majority acknowledgement on every write', async () => {
    const uri = fresh('wc');
    const store = await openMongoStore(uri);
    try {
      const from = server.commands.length;
      const input = newTicket();
      await store.createTicket(input, []);
      await store.enqueueJob({ name: 'ticket/filed', key: `k-${input.id}`, data: { ticketId: input.id }, runAt: new Date().toISOString() }, new Date().toISOString());
      const writes = server.commands.slice(from).filter((c) => WRITES.has(c.name));
      expect(writes.length).toBeGreaterThan(2);
      for (const w of writes) expect({ name: w.name, writeConcern: w.command.writeConcern }).toEqual({ name: w.name, writeConcern: { w: 'majority' } });
    } finally {
      await store.close();
    }
  });

  it('a call made while no server answers waits for one, well past the start-up check', async () => {
    const down = await startFakeMongo();
    const { port, engine } = down;
    const uri = withDatabase(down.uri, 'outage');
    // A short start-up check: the old behaviour failed every later call after it as well.
    const store = await openMongoStore(uri, { serverSelectionTimeoutMs: 300 });
    let back: FakeMongo | null = null;
    try {
      const input = newTicket();
      await store.createTicket(input, []);
      await down.close();
      const reading = store.getTicket(input.id);
      const writing = store.createTicket(newTicket(), []);
      const settled = { reading: false, writing: false };
      void reading.finally(() => (settled.reading = true)).catch(() => undefined);
      void writing.finally(() => (settled.writing = true)).catch(() => undefined);
      // Five start-up checks long; a slower machine only makes the outage longer.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(settled).toEqual({ reading: false, writing: false });
      back = await startFakeMongo({ port, engine });
      expect((await reading)?.id).toBe(input.id);
      expect((await writing).created).toBe(true);
    } finally {
      await store.close();
      await back?.close();
    }
  });

  describe('indexes already on the server', () => {
    async function withClient<T>(uri: string, work: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
      const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
      await client.connect();
      try {
        return await work(client.db());
      } finally {
        await client.close();
      }
    }

    it('stop start-up with every conflict and the exact command that fixes it', async () => {
      const uri = fresh('conflict');
      const db = uri.replace(/^.*\//, '');
      await withClient(uri, async (d) => {
        // Same keys as the store's unique identity index, but not unique.
        await d.collection('people').createIndex({ identities: 1 }, { name: 'by_identity' });
        // The store's name on other keys.
        await d.collection('jobs').createIndex({ name: 1 }, { name: 'key_1' });
      });
      const error = await openMongoStore(uri).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreOpenError);
      const message = (error as StoreOpenError).message;
      expect(message).toContain(`db.getSiblingDB("${db}").getCollection("people").dropIndex("by_identity")`);
      expect(message).toContain(`db.getSiblingDB("${db}").getCollection("jobs").dropIndex("key_1")`);
      expect(message).toMatch(/2 indexes the store cannot work with/);
      expect((error as StoreOpenError).hint).toMatch(/builds the indexes it needs itself/);
      // The fix works: after the commands, the store opens.
      await withClient(uri, async (d) => {
        await d.collection('people').dropIndex('by_identity');
        await d.collection('jobs').dropIndex('key_1');
      });
      const store = await openMongoStore(uri);
      await store.close();
    });

    it('use an equivalent index under another name as it is, with a warning', async () => {
      const uri = fresh('equivalent');
      await withClient(uri, (d) => d.collection('tickets').createIndex({ createdAt: -1 }, { name: 'newest_first' }));
      const logger = recordingLogger();
      const store = await openMongoStore(uri, { logger });
      try {
        expect(logger.warnings.join('\n')).toMatch(/"newest_first" on \{"createdAt":-1\} is the store's "createdAt_-1".*under another name.*dropIndex\("newest_first"\)/);
        await store.createTicket(newTicket(), []);
      } finally {
        await store.close();
      }
    });

    it('a build that outlasts its deadline stops start-up with a message, not a hang', async () => {
      const uri = fresh('slow');
      const release = server.hold('createIndexes');
      try {
        const error = await openMongoStore(uri, { indexBuildTimeoutMs: 200 }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoreOpenError);
        expect((error as StoreOpenError).message).toMatch(/^Building the MongoDB indexes of durable_slow_\d+ did not finish within 200 ms \((reading the existing indexes|building tickets\.ref_1)\)\.$/);
        expect((error as StoreOpenError).hint).toMatch(/db\.currentOp/);
      } finally {
        release();
      }
    });
  });
});
