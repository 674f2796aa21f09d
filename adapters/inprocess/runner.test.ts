import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../core/index.js';
import { InProcessRunner } from './runner.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { flushTasks, Gate, RecordingLogger, runnerOn, waitFor } from './test-support.js';

const started: InProcessRunner[] = [];
function start(runner: InProcessRunner): InProcessRunner {
  started.push(runner);
  runner.start();
  return runner;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.stop()));
});

describe('InProcessRunner', () => {
  it('never runs two jobs of one ticket at once, while other tickets go ahead', async () => {
    const gates = { t1: new Gate(), t2: new Gate() };
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const guarded = (id: string): WorkflowDefinition => ({
      id,
      trigger: 'test/go',
      concurrencyKey: 'ticketId',
      async run(event, step) {
        const ticketId = event.data['ticketId'] as 't1' | 't2';
        await step.run('work', async () => {
          active.set(ticketId, (active.get(ticketId) ?? 0) + 1);
          peak.set(ticketId, Math.max(peak.get(ticketId) ?? 0, active.get(ticketId) ?? 0));
          await gates[ticketId].wait();
          active.set(ticketId, (active.get(ticketId) ?? 0) - 1);
        });
      },
    });
    const { runner, emit, jobsNamed } = runnerOn([guarded('first'), guarded('second')], { concurrency: 8 });
    await emit('test/go', { ticketId: 't1' });
    await emit('test/go', { ticketId: 't2' });
    start(runner);
    await waitFor(() => gates.t1.entered === 1 && gates.t2.entered === 1, 'one run per ticket to start');
    await flushTasks();
    expect(gates.t1.entered).toBe(1);
    expect(gates.t2.entered).toBe(1);

    gates.t1.open();
    await waitFor(() => gates.t1.entered === 2, 'the second t1 run');
    expect(gates.t2.entered).toBe(1);
    gates.t2.open();
    await runner.idle();
    expect(Object.fromEntries(peak)).toEqual({ t1: 1, t2: 1 });
    expect((await jobsNamed('run:')).map((j) => j.state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('starts no run for an event a workflow says it does not start for', async () => {
    const ran: string[] = [];
    const picky: WorkflowDefinition = {
      id: 'picky',
      trigger: 'test/go',
      startsFor: (data) => data['wanted'] === true,
      run: async (e) => void ran.push(String(e.data['n'])),
    };
    const { runner, emit, jobsNamed } = runnerOn([picky]);
    await emit('test/go', { n: 1, wanted: false });
    await emit('test/go', { n: 2, wanted: true });
    start(runner);
    await runner.idle();
    expect(ran).toEqual(['2']);
    expect(await jobsNamed('run:')).toHaveLength(1);
  });

  it('idle() waits for the work an event triggers, but not for jobs due later', async () => {
    const log: string[] = [];
    const chain: WorkflowDefinition[] = [
      { id: 'a', trigger: 'test/go', run: async (e, step) => step.sendEvent('next', { name: 'test/next', data: e.data }) },
      { id: 'b', trigger: 'test/next', run: async (_e, step) => step.run('b', async () => log.push('b')) },
      {
        id: 'later',
        trigger: 'test/go',
        async run(_e, step) {
          await step.sleep('nap', '1d');
          log.push('woke');
        },
      },
      { id: 'flaky', trigger: 'test/go', run: async () => Promise.reject(new Error('retry me tomorrow')) },
    ];
    const { runner, emit, jobsNamed } = runnerOn(chain, { backoff: () => 86_400_000 });
    start(runner);
    await runner.idle();
    await emit('test/go', { ticketId: 't1' });
    await runner.idle();
    expect(log).toEqual(['b']);
    const states = Object.fromEntries((await jobsNamed('run:')).map((j) => [j.name, j.state]));
    expect(states).toEqual({ 'run:a': 'done', 'run:b': 'done', 'run:later': 'waiting', 'run:flaky': 'pending' });
  });

  it('idle({ dueWithinMs }) also waits for a retry due within that horizon', async () => {
    let tries = 0;
    const wf: WorkflowDefinition = {
      id: 'flaky',
      trigger: 'test/go',
      run: async (_e, step) =>
        step.run('once', async () => {
          if (++tries === 1) throw new Error('transient');
        }),
    };
    const { runner, emit, clock, jobsNamed } = runnerOn([wf], { backoff: () => 2_000 });
    start(runner);
    await emit('test/go', {});
    let settled = false;
    const idle = runner.idle({ dueWithinMs: 5_000 }).then(() => (settled = true));
    await runner.idle();
    expect((await jobsNamed('run:'))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    await flushTasks();
    expect(settled).toBe(false);
    clock.advance(2_000);
    await idle;
    expect(tries).toBe(2);
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('fires durable timers from its poll when the clock reaches them', async () => {
    let woke = 0;
    const wf: WorkflowDefinition = {
      id: 'sleeper',
      trigger: 'test/go',
      async run(_e, step) {
        await step.sleep('nap', '30m');
        woke++;
      },
    };
    const { runner, emit, clock } = runnerOn([wf], { pollMs: 20 });
    start(runner);
    await emit('test/go', {});
    await runner.idle();
    expect(woke).toBe(0);
    clock.advance(30 * 60_000);
    await waitFor(() => woke === 1, 'the timer to fire');
  });

  it('finds work enqueued by another process through its safety poll', async () => {
    let ran = 0;
    const { runner, emit } = runnerOn([{ id: 'w', trigger: 'test/go', run: async () => ran++ }], { pollMs: 20 });
    start(runner);
    await runner.idle();
    await emit('test/go', {}); // no workAvailable(): nobody told this process
    await waitFor(() => ran === 1, 'the poll to find the job');
  });

  it('stop() waits for the running step, then releases the run to resume from there', async () => {
    const gate = new Gate();
    const calls = { one: 0, two: 0 };
    const wf: WorkflowDefinition = {
      id: 'long',
      trigger: 'test/go',
      async run(_e, step) {
        await step.run('one', async () => {
          calls.one++;
          await gate.wait();
          return 'one';
        });
        await step.run('two', async () => calls.two++);
      },
    };
    const { runner, emit, store, clock, logger, jobsNamed } = runnerOn([wf]);
    await emit('test/go', {});
    runner.start();
    await waitFor(() => gate.entered === 1, 'the step to start');
    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await flushTasks();
    expect(stopped).toBe(false);
    gate.open();
    await stopping;
    const [run] = await jobsNamed('run:');
    expect(run).toMatchObject({ state: 'waiting', leaseOwner: null, steps: { one: 'one' } });
    expect(calls).toEqual({ one: 1, two: 0 });

    const next = start(new InProcessRunner({ jobs: store, workflows: [wf], clock, logger, owner: 'runner-b' }));
    await next.idle();
    expect(calls).toEqual({ one: 1, two: 1 });
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('renews the lease while a long step runs, so no other process takes the job', async () => {
    const gate = new Gate();
    const wf: WorkflowDefinition = { id: 'long', trigger: 'test/go', run: async (_e, step) => step.run('slow', () => gate.wait()) };
    const { runner, emit, store, clock, jobsNamed } = runnerOn([wf], { leaseMs: 300 });
    await emit('test/go', {});
    start(runner);
    await waitFor(() => gate.entered === 1, 'the step to start');
    for (let i = 0; i < 3; i++) {
      const before = (await jobsNamed('run:'))[0]?.leaseUntil;
      clock.advance(200);
      await waitFor(async () => (await jobsNamed('run:'))[0]?.leaseUntil !== before, 'a lease renewal');
    }
    // Twice the lease has passed: without renewals another process could claim the job now.
    const now = clock.now().getTime();
    expect(await store.claimDueJob('other', new Date(now).toISOString(), new Date(now + 1_000).toISOString())).toBeNull();
    gate.open();
    await runner.idle();
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('takes over a job whose owner died once its lease expires, and runs it once', async () => {
    let ran = 0;
    const wf: WorkflowDefinition = { id: 'w', trigger: 'test/go', run: async (_e, step) => step.run('s', async () => ran++) };
    const { runner, store, clock } = runnerOn([wf], { leaseMs: 30_000 });
    const now = clock.now().toISOString();
    await store.enqueueJob({ name: 'run:w', key: 'e>w', data: { event: { name: 'test/go', data: {} } }, runAt: now }, now);
    await store.claimDueJob('dead-process', now, new Date(clock.now().getTime() + 60_000).toISOString());

    expect(await runner.runDueJobsOnce()).toBe(0);
    clock.advance(60_001);
    expect(await runner.runDueJobsOnce()).toBe(1);
    expect(ran).toBe(1);
    expect(await store.getJobByKey('e>w')).toMatchObject({ state: 'done' });
  });

  it('on a store only one process can open, resumes at start what an earlier process held, without waiting out its lease', async () => {
    const ran: string[] = [];
    const wf: WorkflowDefinition = { id: 'w', trigger: 'test/go', run: async (e, step) => step.run('s', async () => ran.push(String(e.data['n']))) };
    const store = new MemoryStore({ exclusive: true });
    const clock = new FakeClock();
    const now = clock.now().toISOString();
    const leaseUntil = new Date(clock.now().getTime() + 60_000).toISOString();
    for (const n of [1, 2, 3]) {
      await store.enqueueJob({ name: 'run:w', key: `e${n}>w`, data: { event: { name: 'test/go', data: { n } } }, runAt: now }, now);
      await store.claimDueJob('dead-process', now, leaseUntil);
    }
    const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
    await store.enqueueJob({ name: 'run:w', key: 'later>w', data: { event: { name: 'test/go', data: { n: 'later' } } }, runAt: later }, now);

    const runner = start(new InProcessRunner({ jobs: store, workflows: [wf], clock, logger: new RecordingLogger(), owner: 'restarted', pollMs: 50 }));
    // The clock never moves: only releasing the dead process's leases makes these jobs due.
    await runner.idle();
    expect(ran.sort()).toEqual(['1', '2', '3']);
    for (const n of [1, 2, 3]) expect(await store.getJobByKey(`e${n}>w`)).toMatchObject({ state: 'done' });
    expect(await store.getJobByKey('later>w')).toMatchObject({ state: 'pending', runAt: later });
  });

  it('on a store several processes share, leaves another process\'s lease alone until it expires', async () => {
    let ran = 0;
    const wf: WorkflowDefinition = { id: 'w', trigger: 'test/go', run: async (_e, step) => step.run('s', async () => ran++) };
    const { runner, store, clock } = runnerOn([wf]);
    const now = clock.now().toISOString();
    await store.enqueueJob({ name: 'run:w', key: 'e>w', data: { event: { name: 'test/go', data: {} } }, runAt: now }, now);
    await store.claimDueJob('live-process', now, new Date(clock.now().getTime() + 60_000).toISOString());
    await start(runner).idle();
    expect(ran).toBe(0);
    expect(await store.getJobByKey('e>w')).toMatchObject({ state: 'running', leaseOwner: 'live-process' });
  });

  it('idle() refuses a runner that is not started instead of hanging', async () => {
    const { runner } = runnerOn([]);
    await expect(runner.idle()).rejects.toThrow(/started/);
  });
});
