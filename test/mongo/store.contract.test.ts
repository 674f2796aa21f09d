/**
 * The store contract (core/ports/store.contract.ts) and the history
 * contract (core/ports/store-history.contract.ts) against MongoStore: on
 * the real server named by MONGODB_URI when set, otherwise on the
 * wire-protocol test server.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { historyContract } from '../../core/ports/store-history.contract.js';
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

const kind = process.env.MONGODB_URI ? 'real server' : 'test server';

storeContract(`MongoStore (${kind})`, async () => {
  if (!target) throw new Error('target not started');
  const store = await openMongoStore(target.freshUri('contract'), { serverSelectionTimeoutMs: 5_000 });
  return { store };
});

historyContract(`MongoStore (${kind})`, async () => {
  if (!target) throw new Error('target not started');
  const uri = target.freshUri('history');
  const store = await openMongoStore(uri, { serverSelectionTimeoutMs: 5_000 });
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  return {
    store,
    copy: store,
    // The BSON size of the ticket document as stored: what every save rewrites.
    storedTicketBytes: async (id: string) => {
      const doc = await client.db().collection<{ _id: string }>('tickets').findOne({ _id: id });
      if (!doc) throw new Error(`ticket ${id} is not stored`);
      return mongoose.mongo.BSON.calculateObjectSize(doc);
    },
    close: () => client.close(),
  };
});
