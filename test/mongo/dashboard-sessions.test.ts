/** The dashboard session contract against MongoDB (the real server with MONGODB_URI, otherwise the test server). */
import { afterAll, beforeAll } from 'vitest';
import { dashboardSessionContract } from '../../core/ports/dashboard.contract.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

let target: MongoTarget | null = null;
beforeAll(async () => {
  target = await mongoTarget();
});
afterAll(async () => {
  await target?.close();
});

dashboardSessionContract('MongoDB', async () => {
  if (!target) throw new Error('target not started');
  const store: MongoStore = await openMongoStore(target.freshUri('dash'), { serverSelectionTimeoutMs: 5_000 });
  return { sessions: store.dashboardSessions(), close: () => store.close() };
});
