import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { JobPruner } from './job-pruner.js';

const DAY = 24 * 60 * 60_000;

async function finished(store: MemoryStore, key: string, at: string, how: 'done' | 'failed' = 'done') {
  const job = await store.enqueueJob({ key, name: 'run:test', data: {}, runAt: at }, at);
  const claimed = await store.claimDueJob('w', at, new Date(Date.parse(at) + 60_000).toISOString());
  if (claimed?.id !== job.id) throw new Error('claim failed');
  if (how === 'done') await store.completeJob(job.id, 'w', at);
  else await store.failJob(job.id, 'w', 'broken', at);
  return job;
}

describe('JobPruner', () => {
  it('deletes finished jobs older than the retention, in batches, and keeps failed and recent ones', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore();
    const start = clock.now().toISOString();
    for (let i = 0; i < 7; i++) await finished(store, `old-${i}`, start);
    const failed = await finished(store, 'failed', start, 'failed');
    clock.advance(6 * DAY);
    const recent = await finished(store, 'recent', clock.now().toISOString());
    clock.advance(2 * DAY);

    const pruner = new JobPruner({ jobs: store, clock, logger: silentLogger, retainMs: 7 * DAY, batch: 3 });
    expect(await pruner.prune()).toBe(7);
    expect(await pruner.prune()).toBe(0);
    expect((await store.listJobs({})).map((j) => j.key).sort()).toEqual(['failed', 'recent']);
    expect(await store.getJob(failed.id)).not.toBeNull();
    expect(await store.getJob(recent.id)).not.toBeNull();
  });

  it('does nothing with a retention of 0', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore();
    await finished(store, 'old', clock.now().toISOString());
    clock.advance(365 * DAY);
    const pruner = new JobPruner({ jobs: store, clock, logger: silentLogger, retainMs: 0, everyMs: 1_000 });
    pruner.start();
    await pruner.stop();
    expect(await pruner.prune()).toBe(0);
    expect(await store.listJobs({})).toHaveLength(1);
  });
});
