/**
 * What docs/mongodb.md promises about turning MongoDB on and about its
 * collections, beyond the tickets layout and failover (tested beside
 * them): the database a URI without a path uses, the indexes the table
 * lists, the queue-order field filled in for tickets an older version
 * stored, and an index an older version built left in place.
 */
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { newTicket } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore } from '../../adapters/mongo/index.js';
import { mongoStores } from './target.js';

async function withClient<T>(uri: string, work: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  try {
    return await work(client.db());
  } finally {
    await client.close();
  }
}

/** The key lists of a collection's indexes besides `_id`, as `a+b` strings, each with its options. */
async function indexesOf(db: mongoose.mongo.Db, collection: string): Promise<Record<string, { unique?: boolean; sparse?: boolean; expireAfterSeconds?: number }>> {
  const list = await db.collection(collection).indexes();
  return Object.fromEntries(
    list
      .filter((ix) => ix.name !== '_id_')
      .map((ix) => [
        Object.keys(ix.key).join('+'),
        { ...(ix.unique ? { unique: true } : {}), ...(ix.sparse ? { sparse: true } : {}), ...(ix.expireAfterSeconds !== undefined ? { expireAfterSeconds: ix.expireAfterSeconds } : {}) },
      ]),
  );
}

describe('MongoDB, as docs/mongodb.md describes it', () => {
  const target = mongoStores();

  // Only on the test server: on a real one this would write to its `helpdesk` database.
  it.skipIf(Boolean(process.env.MONGODB_URI?.trim()))('uses the database named helpdesk when the URI names none', async () => {
    const base = target.freshUri('unused').replace(/\/[^/?]*(\?|$)/, '$1');
    expect(base).toMatch(/^mongodb:\/\/[^/]+$/);
    const store = await target.open(base);
    expect(store.description).toMatch(/\/helpdesk$/);
    await store.createTicket(newTicket(), []);
    expect(await withClient(`${base}/helpdesk`, (db) => db.collection('tickets').countDocuments({}))).toBe(1);
  });

  it('builds the indexes the collections table lists', async () => {
    const uri = target.freshUri('indexes');
    await target.open(uri);
    const found = await withClient(uri, async (db) => ({
      people: await indexesOf(db, 'people'),
      jobs: await indexesOf(db, 'jobs'),
      dedupe: await indexesOf(db, 'dedupe'),
      kv: await indexesOf(db, 'kv'),
      audit: await indexesOf(db, 'audit'),
    }));
    expect(found.people).toMatchObject({ identities: { unique: true }, emailLower: { sparse: true }, 'skills+role+availability': {}, 'role+availability': {}, createdAt: {} });
    expect(found.jobs).toMatchObject({ key: { unique: true }, 'dueAt+_id': {}, 'name+dueAt+_id': {}, 'wait.event+wait.matchValue': { sparse: true }, 'state+name': {} });
    expect(found.dedupe).toMatchObject({ expiresAt: { expireAfterSeconds: 0 } });
    expect(found.kv).toMatchObject({ 'namespace+key': { unique: true } });
    expect(found.audit).toMatchObject({ 'at+_id': {}, 'actorId+at+_id': {}, 'subjectId+at+_id': { sparse: true } });
  });

  it('gives tickets an older version stored their queue-order rank at start-up, and leaves an index it no longer uses alone', async () => {
    const uri = target.freshUri('upgrade');
    const first = await openMongoStore(uri);
    const { ticket } = await first.createTicket(newTicket({ priority: 'LOW' }), []);
    await first.close();
    await withClient(uri, async (db) => {
      // As an older version left them: no priorityRank, and its waiter index.
      await db.collection('tickets').updateMany({}, { $unset: { priorityRank: '' } });
      expect(await db.collection('tickets').findOne({ ref: ticket.ref })).not.toHaveProperty('priorityRank');
      await db.collection('jobs').createIndex({ 'wait.event': 1, state: 1 }, { name: 'wait.event_1_state_1' });
    });
    await target.open(uri);
    await withClient(uri, async (db) => {
      expect(await db.collection('tickets').findOne({ ref: ticket.ref })).toMatchObject({ priorityRank: 2 });
      expect((await db.collection('jobs').indexes()).map((ix) => ix.name)).toContain('wait.event_1_state_1');
    });
  });
});
