import { describe, expect, it } from 'vitest';
import { openSqliteStore } from './index.js';

const T0 = '2026-01-05T09:00:00.000Z';
const LEASE = '2026-01-05T09:01:00.000Z';

/**
 * The optional job-store operations the in-process runner uses to save
 * writes (the contract skips them on stores without them, so this makes sure
 * SQLite keeps offering them): each is one write, so one savepoint in one
 * group transaction.
 */
describe('SQLite job operations of one write', () => {
  it('claims a batch, completes a fan-out with its runs and stores a parked run, one write each', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    try {
      for (let i = 0; i < 5; i++) await store.enqueueJob({ name: 'ticket/filed', key: `e${i}`, data: { ticketId: `t${i}` }, runAt: T0 }, T0);
      const writes = () => store.writeStats().writes;

      let before = writes();
      const claimed = (await store.claimDueJobs?.('w1', T0, LEASE, 10)) ?? [];
      expect(claimed.map((j) => j.key)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
      expect(writes() - before).toBe(1);

      before = writes();
      const run = { name: 'run:ticket-sla', key: 'e0>ticket-sla', data: { event: { name: 'ticket/filed', data: { ticketId: 't0' } } }, runAt: LEASE };
      const wait = { stepId: 'wait-start', event: 'ticket/started', matchField: 'ticketId', matchValue: 't0', until: LEASE };
      await store.completeJobEnqueuing?.(claimed[0]?.id ?? '', 'w1', { enqueue: [{ ...run, key: 'e0>ticket-pipeline', name: 'run:ticket-pipeline', runAt: T0 }], parked: [{ job: run, parked: { steps: { watch: { index: 1 } }, wait } }] }, T0);
      expect(writes() - before).toBe(1);
      expect(await store.getJobByKey('e0>ticket-sla')).toMatchObject({ state: 'waiting', steps: { watch: { index: 1 } }, wait });
      expect((await store.getJobByKey('e0'))?.state).toBe('done');

      before = writes();
      await store.enqueueParkedJob?.({ ...run, key: 'e1>ticket-sla' }, { steps: {}, wait: null }, T0);
      expect(writes() - before).toBe(1);
      expect((await store.getJobByKey('e1>ticket-sla'))?.state).toBe('waiting');
    } finally {
      await store.close();
    }
  });
});
