/**
 * What docs/runner.md promises and no other test proves: its defaults
 * (attempts, lease, retention, heartbeat), a use case waking the runner
 * without waiting for a poll, the run-job key, idle() rejecting when the
 * runner stops, an event Inngest never got being run here after a switch
 * of engines, and the heartbeat that keeps the in-process runner to one
 * process: renewed every 10 s, and an error logged once another process
 * took it over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobStore, RunnerHeartbeat, WorkflowDefinition } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { InProcessRunner, JobPruner, RunnerHeartbeatKeeper } from '../../adapters/inprocess/index.js';
import { DEFAULT_CONCURRENCY, DEFAULT_SLICE_MS, DEFAULT_TARGET_TURN_MS } from '../../adapters/inprocess/options.js';
import { flushTasks, Gate, helpdeskOn, person, RecordingLogger, runnerOn } from '../../adapters/inprocess/test-support.js';
import { loadConfig } from '../../bot/config.js';

const started: InProcessRunner[] = [];
function start(runner: InProcessRunner): InProcessRunner {
  started.push(runner);
  runner.start();
  return runner;
}
/**
 * With timers faked, lets promise callbacks and immediates run until `condition` holds
 * (vi.waitFor would advance the faked timers itself).
 */
async function settled(condition: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 200 && !condition(); round++) await flushTasks(5);
  if (!condition()) throw new Error(`never settled: ${what}`);
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(started.splice(0).map((r) => r.stop()));
});

describe('the in-process runner, as docs/runner.md describes it', () => {
  it('gives a failing run 8 attempts by default, then fails it, logged at error level with its last error', async () => {
    let tries = 0;
    const failing: WorkflowDefinition = {
      id: 'always-failing',
      trigger: 'test/go',
      async run(_event, step) {
        await step.run('send', async () => {
          tries++;
          throw new Error('mail server down');
        });
      },
    };
    const { runner, emit, clock, jobsNamed, logger } = runnerOn([failing]);
    await emit('test/go', { ticketId: 't1' });
    for (let round = 0; round < 20; round++) {
      await runner.runDueJobsOnce();
      clock.advance(1_000);
    }
    expect(tries).toBe(8);
    const [run] = await jobsNamed('run:');
    expect(run?.state).toBe('failed');
    expect(run?.lastError).toContain('mail server down');
    expect(logger.at('error').map((e) => [e.msg, e.bindings['attempt']])).toEqual([['job failed for good after its last attempt', 8]]);
  });

  it('holds a claimed job for 60 s by default, and keys each run job "<event job key>><workflow id>"', async () => {
    const gate = new Gate();
    const slow: WorkflowDefinition = { id: 'slow', trigger: 'test/go', run: async (_e, step) => void (await step.run('wait', () => gate.wait())) };
    const { runner, emit, clock, jobsNamed } = runnerOn([slow]);
    await emit('test/go', { ticketId: 't1' }, 'test/go:t1');
    start(runner);
    await vi.waitFor(() => expect(gate.entered).toBe(1), { timeout: 30_000, interval: 5 });
    const [run] = await jobsNamed('run:');
    expect(run?.key).toBe('test/go:t1>slow');
    expect(Date.parse(run?.leaseUntil ?? '') - clock.now().getTime()).toBe(60_000);
    gate.open();
    await runner.idle();
  });

  it('starts work a use case saved at once, woken by it, without waiting for a poll', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    let ran: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const receipt: WorkflowDefinition = { id: 'receipt', trigger: 'ticket/filed', run: async (_e, step) => void (await step.run('note', async () => ran())) };
    // A poll an hour apart: only the use case's wake-up can start the run within the test's time.
    const runner = new InProcessRunner({ jobs: store, workflows: [receipt], clock, logger: new RecordingLogger(), pollMs: 3_600_000 });
    const { helpdesk } = helpdeskOn(store, clock, runner);
    const ann = await person(store, 'ann');
    start(runner);
    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops every hour', origin: { platform: 'console' } });
    expect(filed.ok).toBe(true);
    await done;
  });

  it('rejects a pending idle() when the runner is stopped', async () => {
    const gate = new Gate();
    const slow: WorkflowDefinition = { id: 'slow', trigger: 'test/go', run: async (_e, step) => void (await step.run('wait', () => gate.wait())) };
    const { runner, emit } = runnerOn([slow]);
    await emit('test/go', { ticketId: 't1' });
    start(runner);
    await vi.waitFor(() => expect(gate.entered).toBe(1), { timeout: 30_000, interval: 5 });
    const idle = runner.idle();
    const stopping = runner.stop();
    await expect(idle).rejects.toThrow('the job runner stopped before the work settled');
    gate.open();
    await stopping;
  });

  it('runs the events a stopped Inngest relay left in the outbox, after a switch of engines', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { helpdesk, channel } = helpdeskOn(store, clock, { workAvailable: () => undefined });
    const ann = await person(store, 'ann');
    await person(store, 'mo', 'moderator', ['vpn']);
    // Filed while Inngest was the engine and its relay had not sent the event yet.
    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops every hour', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    expect((await store.getJobByKey(`ticket/filed:${filed.value.ticket.id}`))?.state).toBe('pending');
    const runner = start(new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock, logger: new RecordingLogger() }));
    await runner.idle();
    expect((await store.getTicket(filed.value.ticket.id))?.assigneeId).toBe('p-mo');
    expect(channel.kindsFor(ann.id)).toContain('ticket.assigned');
  });

  it('keeps the documented defaults: 256 jobs at once, 8 ms slices, 10 ms turns, finished jobs kept 7 days', () => {
    expect([DEFAULT_CONCURRENCY, DEFAULT_SLICE_MS, DEFAULT_TARGET_TURN_MS]).toEqual([256, 8, 10]);
    const parsed = loadConfig({ CONSOLE: 'off' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.config.jobsRetentionMs).toBe(7 * 24 * 3_600_000);
  });
});

/** The heartbeat part of a job store, as MongoDB keeps it: one record, mine or expired. */
class HeartbeatStore {
  record: RunnerHeartbeat | null = null;
  beats: { owner: string; now: string; expiresAt: string }[] = [];
  async beatRunnerHeartbeat(owner: string, now: string, expiresAt: string): Promise<RunnerHeartbeat | null> {
    this.beats.push({ owner, now, expiresAt });
    if (this.record && this.record.owner !== owner && this.record.expiresAt > now) return this.record;
    this.record = { owner, beatAt: now, expiresAt };
    return null;
  }
  async releaseRunnerHeartbeat(owner: string): Promise<void> {
    if (this.record?.owner === owner) this.record = null;
  }
}

describe('the heartbeat of the one in-process runner', () => {
  it('lives 30 s, is renewed every 10 s, and logs an error once another process took it over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const store = new HeartbeatStore();
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    const keeper = new RunnerHeartbeatKeeper({ jobs: store as unknown as JobStore, owner: 'host-a-1', clock, logger });
    await keeper.acquire();
    expect(store.beats).toHaveLength(1);
    expect(Date.parse(store.beats[0]?.expiresAt ?? '') - Date.parse(store.beats[0]?.now ?? '')).toBe(30_000);

    clock.advance(9_999);
    vi.advanceTimersByTime(9_999);
    expect(store.beats).toHaveLength(1);
    clock.advance(1);
    vi.advanceTimersByTime(1);
    await settled(() => store.beats.length === 2, 'the renewal');
    expect(store.record).toMatchObject({ owner: 'host-a-1', beatAt: clock.now().toISOString() });

    // The process pauses past the record's life; another one starts and takes it.
    clock.advance(31_000);
    expect(await new RunnerHeartbeatKeeper({ jobs: store as unknown as JobStore, owner: 'host-b-2', clock, logger: new RecordingLogger() }).beat()).toBeNull();
    vi.advanceTimersByTime(10_000);
    await settled(() => logger.at('error').length === 1, 'the error about the lost record');
    expect(logger.at('error')[0]).toMatchObject({ obj: { holder: 'host-b-2' }, msg: expect.stringContaining('configure Inngest for several') });
    // Releasing leaves the other process's record alone.
    await keeper.release();
    expect(store.record?.owner).toBe('host-b-2');
  });
});

describe('pruning finished jobs', () => {
  it('runs soon after start-up and then once an hour, deleting a few hundred jobs per call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: { before: string; limit: number }[] = [];
    let passDone: () => void = () => undefined;
    const jobs = {
      deleteFinishedJobs: async (before: string, limit: number) => {
        calls.push({ before, limit });
        passDone();
        return 0;
      },
    };
    const nextPass = () => new Promise<void>((resolve) => (passDone = resolve));
    const clock = new FakeClock();
    const pruner = new JobPruner({ jobs: jobs as unknown as JobStore, clock, logger: new RecordingLogger(), retainMs: 7 * 24 * 3_600_000 });
    pruner.start();
    try {
      let pass = nextPass();
      vi.advanceTimersByTime(60_000);
      await pass;
      expect(calls).toEqual([{ before: new Date(clock.now().getTime() - 7 * 24 * 3_600_000).toISOString(), limit: 500 }]);
      // The next pass is scheduled once this one settled: an hour later, not sooner.
      await settled(() => vi.getTimerCount() === 1, 'the next pass scheduled');
      vi.advanceTimersByTime(3_600_000 - 1);
      expect(calls).toHaveLength(1);
      pass = nextPass();
      vi.advanceTimersByTime(1);
      await pass;
      expect(calls).toHaveLength(2);
    } finally {
      await pruner.stop();
    }
  });
});
