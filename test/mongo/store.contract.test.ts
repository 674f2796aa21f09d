/**
 * The store contract (core/ports/store.contract.ts) against MongoStore:
 * on the real server named by MONGODB_URI when set, otherwise on the
 * wire-protocol test server.
 */
import { afterAll, beforeAll } from 'vitest';
import { storeContract } from '../../core/ports/store.contract.js';
import { openMongoStore } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

let target: MongoTarget | null = null;
beforeAll(async () => {
  target = await mongoTarget();
});
afterAll(async () => {
  await target?.close();
});

storeContract(`MongoStore (${process.env.MONGODB_URI ? 'real server' : 'test server'})`, async () => {
  if (!target) throw new Error('target not started');
  const store = await openMongoStore(target.freshUri('contract'), { serverSelectionTimeoutMs: 5_000 });
  return { store };
});
