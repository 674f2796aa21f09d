import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowEvent } from '../../core/index.js';
import { InProcessRunner } from './runner.js';
import { runnerOn } from './test-support.js';

const HOUR = 3_600_000;

describe('durable steps', () => {
  it('memoizes finished steps across a resume: a step never runs twice', async () => {
    const calls: string[] = [];
    const seen: unknown[] = [];
    const wf: WorkflowDefinition = {
      id: 'memo',
      trigger: 'test/go',
      async run(_event, step) {
        const a = await step.run('a', async () => {
          calls.push('a');
          return { at: new Date(0), n: 1, gone: undefined };
        });
        seen.push(a);
        await step.sleep('nap', '1h');
        await step.run('b', async () => calls.push('b'));
      },
    };
    const { runner, emit, clock, jobsNamed } = runnerOn([wf]);
    await emit('test/go', { ticketId: 't1' });
    await runner.runDueJobsOnce();
    expect(calls).toEqual(['a']);
    const [run] = await jobsNamed('run:');
    expect(run?.state).toBe('waiting');
    expect(run?.runAt).toBe(new Date(clock.now().getTime() + HOUR).toISOString());

    clock.advance(HOUR);
    expect(await runner.runDueJobsOnce()).toBe(1);
    expect(calls).toEqual(['a', 'b']);
    // The first run saw the JSON form too, exactly as the replay did.
    expect(seen).toEqual([{ at: '1970-01-01T00:00:00.000Z', n: 1 }, { at: '1970-01-01T00:00:00.000Z', n: 1 }]);
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('sleeps durably: nothing runs before the time, the run resumes once after', async () => {
    let after = 0;
    const wf: WorkflowDefinition = {
      id: 'sleeper',
      trigger: 'test/go',
      async run(_e, step) {
        await step.sleep('short', 0);
        await step.sleep('wait', '30m');
        after++;
      },
    };
    const { runner, emit, clock } = runnerOn([wf]);
    await emit('test/go', {});
    await runner.runDueJobsOnce();
    clock.advance(29 * 60_000);
    expect(await runner.runDueJobsOnce()).toBe(0);
    clock.advance(60_000);
    expect(await runner.runDueJobsOnce()).toBe(1);
    expect(after).toBe(1);
  });

  it('waitForEvent resumes with the matching event only', async () => {
    const got: (WorkflowEvent | null)[] = [];
    const wf: WorkflowDefinition = {
      id: 'waiter',
      trigger: 'ticket/assigned',
      async run(_e, step) {
        got.push(await step.waitForEvent('started', { event: 'ticket/started', timeout: '4h', match: 'data.ticketId' }));
      },
    };
    const { runner, emit, jobsNamed } = runnerOn([wf]);
    await emit('ticket/assigned', { ticketId: 't1' });
    await runner.runDueJobsOnce();
    const [run] = await jobsNamed('run:');
    expect(run?.wait).toMatchObject({ event: 'ticket/started', matchField: 'ticketId', matchValue: 't1' });

    await emit('ticket/started', { ticketId: 'other' });
    await runner.runDueJobsOnce();
    expect(got).toEqual([]);

    await emit('ticket/started', { ticketId: 't1', actorId: 'p1' });
    await runner.runDueJobsOnce();
    expect(got).toEqual([{ name: 'ticket/started', data: { ticketId: 't1', actorId: 'p1' } }]);
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('waitForEvent times out to null at its first deadline, even after a restart', async () => {
    const got: (WorkflowEvent | null)[] = [];
    const wf: WorkflowDefinition = {
      id: 'waiter',
      trigger: 'ticket/assigned',
      async run(_e, step) {
        got.push(await step.waitForEvent('started', { event: 'ticket/started', timeout: 2 * HOUR, match: 'data.ticketId' }));
      },
    };
    const first = runnerOn([wf]);
    await first.emit('ticket/assigned', { ticketId: 't1' });
    await first.runner.runDueJobsOnce();
    first.clock.advance(HOUR);
    // A new process on the same store keeps the deadline set by the first one.
    const second = new InProcessRunner({ jobs: first.store, workflows: [wf], clock: first.clock, logger: first.logger, owner: 'runner-2' });
    expect(await second.runDueJobsOnce()).toBe(0);
    first.clock.advance(HOUR);
    expect(await second.runDueJobsOnce()).toBe(1);
    expect(got).toEqual([null]);
    const [run] = await first.jobsNamed('run:');
    expect(run?.steps['started']).toBeNull();
    expect(run?.state).toBe('done');
  });

  it('sendEvent enqueues once even when the run is replayed after a failure', async () => {
    let attempts = 0;
    let downstream = 0;
    const sender: WorkflowDefinition = {
      id: 'sender',
      trigger: 'test/go',
      async run(_e, step) {
        await step.sendEvent('announce', [{ name: 'test/announced', data: { ticketId: 't1' } }]);
        attempts++;
        if (attempts === 1) throw new Error('flaky after sending');
      },
    };
    const receiver: WorkflowDefinition = { id: 'receiver', trigger: 'test/announced', run: async () => downstream++ };
    const { runner, emit, clock, store } = runnerOn([sender, receiver]);
    await emit('test/go', {});
    await runner.runDueJobsOnce();
    clock.advance(1_000);
    await runner.runDueJobsOnce();
    expect(attempts).toBe(2);
    expect(downstream).toBe(1);
    expect((await store.listJobs({ names: ['test/announced'] })).length).toBe(1);
  });

  it('suffixes a repeated step id, as Inngest does, so both results are memoized', async () => {
    const wf: WorkflowDefinition = {
      id: 'dupes',
      trigger: 'test/go',
      async run(_e, step) {
        await step.run('x', async () => 1);
        await step.run('x', async () => 2);
      },
    };
    const { runner, emit, jobsNamed, logger } = runnerOn([wf]);
    await emit('test/go', {});
    await runner.runDueJobsOnce();
    expect((await jobsNamed('run:'))[0]?.steps).toEqual({ x: 1, 'x:1': 2 });
    expect(logger.at('warn').some((e) => e.msg?.includes('more than once'))).toBe(true);
  });

  it('stops without completing when the lease was taken over mid-step', async () => {
    let later = 0;
    const setup = runnerOn([
      {
        id: 'slow',
        trigger: 'test/go',
        async run(_e, step) {
          await step.run('long', async () => {
            // Meanwhile the lease expires and another worker claims the job.
            setup.clock.advance(120_000);
            const now = setup.clock.now().getTime();
            await setup.store.claimDueJob('runner-b', new Date(now).toISOString(), new Date(now + 60_000).toISOString());
            return 'done late';
          });
          later++;
        },
      },
    ]);
    await setup.emit('test/go', {});
    await setup.runner.runDueJobsOnce();
    const [run] = await setup.jobsNamed('run:');
    expect(later).toBe(0);
    expect(run).toMatchObject({ state: 'running', leaseOwner: 'runner-b', steps: {} });
    expect(setup.logger.at('warn').some((e) => e.msg?.includes('lease lost'))).toBe(true);
  });
});
