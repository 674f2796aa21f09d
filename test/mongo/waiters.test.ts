/**
 * Waking waiters on MongoDB reads only the jobs waiting on the event's own
 * values, through the (event, match value) index, instead of every job
 * waiting for that event name: checked on the wire of the test server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, HOUR, MINUTE, newJob } from '../../core/ports/store-fixtures.contract.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { startFakeMongo, type FakeMongo } from '../fakes/mongo/server.js';
import { withDatabase } from './target.js';

describe('waking waiters on MongoDB', () => {
  let server: FakeMongo;
  let store: MongoStore;

  beforeAll(async () => {
    server = await startFakeMongo();
    store = await openMongoStore(withDatabase(server.uri, 'waiters'));
  });
  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  it('looks waiters up by (event, match value) with an index', async () => {
    for (let i = 0; i < 5; i++) {
      const job = await store.enqueueJob(newJob({ key: `w-${i}`, data: { ticketId: `t${i}` } }), at());
      await store.claimDueJob('w', at(), at(MINUTE));
      await store.suspendJob(job.id, 'w', at(HOUR), { stepId: 's', event: 'ticket/started', matchField: 'ticketId', matchValue: `t${i}`, until: at(HOUR) }, at());
    }
    const from = server.commands.length;
    expect(await store.deliverEvent({ name: 'ticket/started', data: { ticketId: 't3', actorId: 'm1' } }, at(MINUTE))).toBe(1);
    const reads = server.commands.slice(from).filter((c) => c.name === 'find' && c.command.find === 'jobs');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.command.filter).toEqual({ 'wait.event': 'ticket/started', 'wait.matchValue': { $in: ['t3', 'm1'] }, state: 'waiting' });
    const indexes = server.engine.collection('waiters', 'jobs')?.indexes.map((i) => i.key) ?? [];
    expect(indexes).toContainEqual({ 'wait.event': 1, 'wait.matchValue': 1 });
    // An event without any value to match on reads nothing at all.
    const before = server.commands.length;
    expect(await store.deliverEvent({ name: 'ticket/started', data: {} }, at(MINUTE))).toBe(0);
    expect(server.commands.slice(before).filter((c) => c.name === 'find')).toEqual([]);
  });
});
