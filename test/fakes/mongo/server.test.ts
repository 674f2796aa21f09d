/**
 * The wire-protocol test server, driven by the real `mongodb` driver (the
 * one mongoose ships), so the store tests can trust what it answers.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMongo, type FakeMongo } from './server.js';

const { MongoClient, MongoServerError } = mongoose.mongo;

describe('MongoDB test server', () => {
  let server: FakeMongo;
  let client: InstanceType<typeof MongoClient>;
  const db = () => client.db('unit');

  beforeAll(async () => {
    server = await startFakeMongo();
    client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('answers the handshake, ping and buildInfo like a standalone server', async () => {
    expect(await db().command({ ping: 1 })).toMatchObject({ ok: 1 });
    expect(await db().admin().command({ buildInfo: 1 })).toMatchObject({ version: '7.0.0' });
    expect(await db().admin().command({ hello: 1 })).toMatchObject({ isWritablePrimary: true, maxWireVersion: 21 });
    expect(server.commands.some((c) => c.name === 'ismaster' || c.name === 'hello')).toBe(true);
    await expect(db().command({ noSuchCommand: 1 })).rejects.toMatchObject({ code: 59, codeName: 'CommandNotFound' });
  });

  it('finds with filter, sort, skip, limit and projection, in batches', async () => {
    const c = db().collection<{ _id: number; n: number; tag: string }>('numbers');
    await c.insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: i, n: i % 10, tag: i % 2 ? 'odd' : 'even' })));
    const page = await c.find({ tag: 'odd' }, { projection: { tag: 0 } }).sort({ n: -1, _id: 1 }).skip(2).limit(3).toArray();
    expect(page).toEqual([{ _id: 29, n: 9 }, { _id: 39, n: 9 }, { _id: 49, n: 9 }]);
    const all = await c.find({}, { batchSize: 40 }).toArray();
    expect(all).toHaveLength(250);
    expect(server.commands.filter((x) => x.name === 'getMore').length).toBeGreaterThan(0);
    expect(await c.countDocuments({ n: { $gte: 5 } })).toBe(125);
    expect(await c.estimatedDocumentCount()).toBe(250);
    expect((await c.distinct('tag')).sort()).toEqual(['even', 'odd']);
    const grouped = await c.aggregate([{ $match: { n: { $lt: 2 } } }, { $group: { _id: '$n', count: { $sum: 1 } } }, { $sort: { _id: 1 } }]).toArray();
    expect(grouped).toEqual([{ _id: 0, count: 25 }, { _id: 1, count: 25 }]);
  });

  it('rejects unique-index violations with error 11000, keyPattern and keyValue', async () => {
    const c = db().collection<{ _id: string; identities: string[]; code?: number; active?: boolean }>('people');
    await c.createIndex({ identities: 1 }, { unique: true });
    await c.createIndex({ email: 1 }, { unique: true, sparse: true });
    await c.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertOne({ _id: 'a', identities: ['slack:U1', 'console:a'] });
    const dup = await c.insertOne({ _id: 'b', identities: ['console:a'] }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(MongoServerError);
    expect(dup).toMatchObject({
      code: 11000,
      keyPattern: { identities: 1 },
      keyValue: { identities: 'console:a' },
      message: 'E11000 duplicate key error collection: unit.people index: identities_1 dup key: { identities: "console:a" }',
    });
    await c.insertOne({ _id: 'b', identities: ['console:b'] });
    await c.insertOne({ _id: 'c', identities: ['console:c'] });
    await expect(c.updateOne({ _id: 'c' }, { $push: { identities: 'slack:U1' } })).rejects.toMatchObject({ code: 11000 });
    await expect(c.insertOne({ _id: 'a', identities: [] })).rejects.toMatchObject({ code: 11000, keyPattern: { _id: 1 } });
    await c.insertMany([{ _id: 'd', identities: ['x:d'], code: 1, active: false }, { _id: 'e', identities: ['x:e'], code: 1, active: true }]);
    await expect(c.insertOne({ _id: 'f', identities: ['x:f'], code: 1, active: true })).rejects.toMatchObject({ code: 11000, keyPattern: { code: 1 } });
    await expect(c.createIndex({ code: 1 }, { unique: true, name: 'code_all' })).rejects.toMatchObject({ code: 11000 });
    const indexes = await c.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toEqual(['_id_', 'identities_1', 'email_1', 'code_1']);
    await c.dropIndex('email_1');
    expect((await c.listIndexes().toArray()).map((i) => i.name)).not.toContain('email_1');
  });

  it('refuses a document over 16 MiB, on insert and when an update would grow it past the limit', async () => {
    const c = db().collection<{ _id: string; blob?: string; more?: string }>('big');
    const nine = 'x'.repeat(9 * 1024 * 1024);
    const inserted = await c.insertOne({ _id: 'too-big', blob: 'y'.repeat(16 * 1024 * 1024 + 1024) }).catch((e: unknown) => e);
    expect(inserted).toBeInstanceOf(MongoServerError);
    expect(inserted).toMatchObject({ code: 10334, codeName: 'BSONObjectTooLarge' });
    expect((inserted as Error).message).toMatch(/^object to insert too large\. size in bytes: \d+, max size: 16777216$/);
    await c.insertOne({ _id: 'grows', blob: nine });
    await expect(c.updateOne({ _id: 'grows' }, { $set: { more: nine } })).rejects.toMatchObject({
      code: 10334,
      message: 'Resulting document after update is larger than 16777216',
    });
    await expect(c.findOneAndUpdate({ _id: 'grows' }, { $set: { more: nine } })).rejects.toMatchObject({ code: 10334 });
    const kept = await c.findOne({ _id: 'grows' }, { projection: { more: 1 } });
    expect(kept).toEqual({ _id: 'grows' });
    expect(await c.countDocuments({ _id: 'too-big' })).toBe(0);
  });

  it('refuses a second index on the same keys under another name or with other options, and a reused name', async () => {
    const c = db().collection('indexed');
    await c.createIndex({ a: 1 });
    await c.createIndex({ a: 1 });
    await expect(c.createIndex({ a: 1 }, { name: 'a_again' })).rejects.toMatchObject({ code: 85, codeName: 'IndexOptionsConflict', message: 'Index already exists with a different name: a_1' });
    await expect(c.createIndex({ a: 1 }, { unique: true, name: 'a_unique' })).rejects.toMatchObject({ code: 85, message: expect.stringMatching(/^An equivalent index already exists with a different name and options/) });
    await expect(c.createIndex({ a: 1 }, { sparse: true })).rejects.toMatchObject({ code: 85, message: expect.stringMatching(/^An equivalent index already exists with the same name but different options/) });
    await expect(c.createIndex({ b: 1 }, { name: 'a_1' })).rejects.toMatchObject({ code: 86, codeName: 'IndexKeySpecsConflict', message: expect.stringMatching(/^An existing index has the same name as the requested index/) });
    // A different partial filter is a different index, as on a real server.
    await c.createIndex({ a: 1 }, { name: 'a_active', partialFilterExpression: { active: true } });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'a_1', 'a_active']);
  });

  it('refuses a $regex with a NUL byte and a pattern that does not compile, in reads and writes', async () => {
    const c = db().collection<{ _id: string; t: string }>('texts');
    await c.insertOne({ _id: 'a', t: 'abc' });
    const nul = { t: { $regex: 'a\u0000b' } };
    await expect(c.find(nul).toArray()).rejects.toMatchObject({ code: 2, codeName: 'BadValue', message: 'Regular expression cannot contain an embedded null byte' });
    await expect(c.updateMany(nul, { $set: { t: 'x' } })).rejects.toMatchObject({ code: 2 });
    await expect(db().collection('missing').find(nul).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(c.find({ t: { $regex: '[)' } }).toArray()).rejects.toMatchObject({ code: 51091 });
    // The escape sequence is fine: only a literal NUL byte is refused.
    expect(await c.find({ t: { $regex: 'a\\x00?b' } }).toArray()).toEqual([{ _id: 'a', t: 'abc' }]);
  });

  it('updates with operators, upserts, multi and arrayFilters', async () => {
    const c = db().collection<{ _id: string; n?: number; kind?: string; tags?: string[]; items?: { k: string; v: number }[]; created?: boolean; seen?: boolean }>('things');
    await c.insertOne({ _id: 't', n: 1, tags: ['a'], items: [{ k: 'x', v: 1 }, { k: 'y', v: 2 }] });
    await c.updateOne({ _id: 't' }, { $inc: { n: 2 }, $addToSet: { tags: 'a' }, $set: { 'items.$[it].v': 9 } }, { arrayFilters: [{ 'it.k': 'y' }] });
    await c.updateOne({ _id: 't' }, { $push: { tags: { $each: ['b', 'c'], $slice: -2 } }, $pull: { items: { k: 'x' } } });
    expect(await c.findOne({ _id: 't' })).toEqual({ _id: 't', n: 3, tags: ['b', 'c'], items: [{ k: 'y', v: 9 }] });
    const up = await c.updateOne({ _id: 'u', kind: 'new' }, { $set: { n: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(up).toMatchObject({ upsertedId: 'u', upsertedCount: 1 });
    await c.updateOne({ _id: 'u' }, { $set: { n: 2 }, $setOnInsert: { created: false } }, { upsert: true });
    expect(await c.findOne({ _id: 'u' })).toEqual({ _id: 'u', kind: 'new', n: 2, created: true });
    expect(await c.updateMany({ n: { $gte: 2 } }, { $set: { seen: true } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    await expect(c.updateOne({ _id: 'u' }, { $set: { _id: 'other' } })).rejects.toBeInstanceOf(MongoServerError);
  });

  it('finds and modifies atomically: new, sort, upsert and remove', async () => {
    const c = db().collection<{ _id: string; due: number; state: string; owner?: string }>('jobs');
    await c.insertMany([{ _id: 'j2', due: 2, state: 'pending' }, { _id: 'j1', due: 1, state: 'pending' }]);
    const claimed = await c.findOneAndUpdate({ state: 'pending' }, { $set: { state: 'running', owner: 'w1' } }, { sort: { due: 1 }, returnDocument: 'after' });
    expect(claimed).toEqual({ _id: 'j1', due: 1, state: 'running', owner: 'w1' });
    const before = await c.findOneAndUpdate({ _id: 'j2' }, { $set: { state: 'done' } }, { returnDocument: 'before' });
    expect(before?.state).toBe('pending');
    const counter = db().collection<{ _id: string; seq: number }>('counters');
    const seqs = await Promise.all(Array.from({ length: 20 }, () => counter.findOneAndUpdate({ _id: 'ref' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' })));
    expect(seqs.map((s) => s?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await c.findOneAndDelete({ _id: 'j1' })).toMatchObject({ _id: 'j1' });
    expect(await c.deleteMany({})).toMatchObject({ deletedCount: 1 });
  });

  it('lists and drops collections and databases', async () => {
    const other = client.db('scratch');
    await other.collection('a').insertOne({ x: 1 });
    await other.createCollection('b');
    await expect(other.createCollection('b')).rejects.toMatchObject({ code: 48 });
    expect((await other.listCollections().toArray()).map((c) => c.name).sort()).toEqual(['a', 'b']);
    expect(await other.collection('a').drop()).toBe(true);
    await other.dropDatabase();
    expect(await other.listCollections().toArray()).toEqual([]);
  });

  it('refuses multi-document transactions, as a standalone server does', async () => {
    const session = client.startSession();
    try {
      const attempt = session.withTransaction(async () => {
        await db().collection('tx').insertOne({ x: 1 }, { session });
      });
      // The driver words the server's code 20 as its retryable-writes message.
      await expect(attempt).rejects.toThrow(/retryable writes|transaction numbers/i);
    } finally {
      await session.endSession();
    }
  });
});
