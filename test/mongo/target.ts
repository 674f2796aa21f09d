/**
 * Where the MongoDB tests run: against the real server named by
 * MONGODB_URI when it is set, otherwise against the wire-protocol test
 * server on 127.0.0.1. Each test gets its own database, dropped afterwards.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { startFakeMongo, type FakeMongo } from '../fakes/mongo/server.js';

export interface MongoTarget {
  readonly kind: 'real server' | 'test server';
  /** The URI of a fresh database for one test. */
  freshUri(label: string): string;
  /** Drops the databases handed out and stops the test server. */
  close(): Promise<void>;
  /** The test server, when that is the target (for assertions on the wire). */
  readonly fake: FakeMongo | null;
}

let counter = 0;

/** `mongodb://host/db?x` with the path replaced by `db`. */
export function withDatabase(uri: string, db: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/i.exec(uri);
  if (!m) throw new Error('MONGODB_URI is not a mongodb:// URI');
  return `${m[1]}/${db}${m[2] ?? ''}`;
}

export async function mongoTarget(): Promise<MongoTarget> {
  const realUri = process.env.MONGODB_URI?.trim();
  const fake = realUri ? null : await startFakeMongo();
  const base = realUri || (fake as FakeMongo).uri;
  const used: string[] = [];
  return {
    kind: realUri ? 'real server' : 'test server',
    fake,
    freshUri(label: string) {
      counter += 1;
      const db = `hd_test_${process.pid}_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${counter}`;
      used.push(db);
      return withDatabase(base, db);
    },
    async close() {
      if (fake) {
        await fake.close();
        return;
      }
      const client = new mongoose.mongo.MongoClient(base, { serverSelectionTimeoutMS: 5_000 });
      try {
        await client.connect();
        for (const db of used) await client.db(db).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

/**
 * The target for the tests of the enclosing describe: started before them,
 * and after them every store opened with `open` is closed, then the target.
 * Call `freshUri` and `open` inside tests, not at collection time.
 */
export function mongoStores(): { freshUri(label: string): string; open(uri: string): Promise<MongoStore> } {
  let target: MongoTarget | null = null;
  const opened: MongoStore[] = [];
  beforeAll(async () => {
    target = await mongoTarget();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await target?.close();
  });
  return {
    freshUri(label) {
      if (!target) throw new Error('the MongoDB target starts before the tests');
      return target.freshUri(label);
    },
    async open(uri) {
      const store = await openMongoStore(uri);
      opened.push(store);
      return store;
    },
  };
}
