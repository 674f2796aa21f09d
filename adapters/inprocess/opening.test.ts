import { describe, expect, it } from 'vitest';
import { DomainRejection, domainError, type WorkflowDefinition } from '../../core/index.js';
import { runnerOn } from './test-support.js';

const HOUR = 3_600_000;

/** Reads ('look'), optionally acts ('act'), then waits an hour for `test/stop` on the same ticket. */
function watcher(calls: string[], options: { acts?: boolean; lookFails?: boolean } = {}): WorkflowDefinition {
  return {
    id: 'watcher',
    trigger: 'test/go',
    concurrencyKey: 'ticketId',
    readOnlySteps: ['look'],
    async run(_event, step) {
      const seen = await step.run('look', async () => {
        calls.push('look');
        if (options.lookFails) throw new DomainRejection(domainError('TICKET.NOT_FOUND', 'Ticket t1 does not exist.'));
        return { index: 3 };
      });
      if (options.acts) await step.run('act', async () => calls.push('act'));
      const stop = await step.waitForEvent('wait-stop', { event: 'test/stop', timeout: '1h', match: 'data.ticketId' });
      await step.run('after', async () => calls.push(stop ? `stopped:${seen.index}` : `timed-out:${seen.index}`));
    },
  };
}

describe('runs that open by reading, then wait', () => {
  it('are stored parked at the wait with their read, without being claimed, and resume from there when woken', async () => {
    const calls: string[] = [];
    const { runner, emit, clock, jobsNamed } = runnerOn([watcher(calls)]);
    await emit('test/go', { ticketId: 't1' });
    // Only the event job ran: the run was written parked, never claimed.
    expect(await runner.runDueJobsOnce()).toBe(1);
    const [run] = await jobsNamed('run:');
    expect(run).toMatchObject({
      state: 'waiting',
      attempts: 0,
      runAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      steps: { look: { index: 3 }, '~until:wait-stop': { until: new Date(clock.now().getTime() + HOUR).toISOString() } },
      wait: { stepId: 'wait-stop', event: 'test/stop', matchField: 'ticketId', matchValue: 't1' },
    });

    await emit('test/stop', { ticketId: 't1' });
    expect(await runner.runDueJobsOnce()).toBe(2);
    expect(calls).toEqual(['look', 'stopped:3']);
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('time out at their deadline as a run parked by itself would', async () => {
    const calls: string[] = [];
    const { runner, emit, clock, jobsNamed } = runnerOn([watcher(calls)]);
    await emit('test/go', { ticketId: 't1' });
    await runner.runDueJobsOnce();
    clock.advance(HOUR - 1);
    expect(await runner.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    expect(await runner.runDueJobsOnce()).toBe(1);
    expect(calls).toEqual(['look', 'timed-out:3']);
    expect((await jobsNamed('run:'))[0]?.state).toBe('done');
  });

  it('start as a job when a step that acts comes before the wait; the read is simply done again', async () => {
    const calls: string[] = [];
    const { runner, emit, jobsNamed } = runnerOn([watcher(calls, { acts: true })]);
    await emit('test/go', { ticketId: 't1' });
    expect(await runner.runDueJobsOnce()).toBe(2);
    expect(calls).toEqual(['look', 'look', 'act']);
    expect(await jobsNamed('run:')).toMatchObject([{ state: 'waiting', steps: { look: { index: 3 }, act: 3 } }]);
  });

  it('start as a job when the opening fails, so the failure is recorded on the run', async () => {
    const calls: string[] = [];
    const { runner, emit, jobsNamed } = runnerOn([watcher(calls, { lookFails: true })]);
    await emit('test/go', { ticketId: 't1' });
    expect(await runner.runDueJobsOnce()).toBe(2);
    const [run] = await jobsNamed('run:');
    expect(run?.state).toBe('failed');
    expect(run?.lastError).toContain('Ticket t1 does not exist.');
  });

  it('start as a job on a store that cannot write a parked run, whose fan-out enqueues first and then completes', async () => {
    const calls: string[] = [];
    const { runner, emit, store, jobsNamed } = runnerOn([watcher(calls)]);
    // As on a store without the optional enqueueParkedJob and completeJobEnqueuing (MongoDB).
    Object.defineProperty(store, 'enqueueParkedJob', { value: undefined });
    Object.defineProperty(store, 'completeJobEnqueuing', { value: undefined });
    await emit('test/go', { ticketId: 't1' });
    expect(await runner.runDueJobsOnce()).toBe(2);
    expect(calls).toEqual(['look']);
    expect(await jobsNamed('run:')).toMatchObject([{ state: 'waiting', steps: { look: { index: 3 } } }]);
  });
});
