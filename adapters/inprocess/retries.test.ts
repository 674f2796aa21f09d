import { describe, expect, it } from 'vitest';
import { DomainRejection, domainError, type WorkflowDefinition } from '../../core/index.js';
import { runnerOn } from './test-support.js';

describe('failures and retries', () => {
  it('retries a failing step after the backoff and then succeeds, keeping earlier steps', async () => {
    const calls = { first: 0, flaky: 0 };
    const wf: WorkflowDefinition = {
      id: 'flaky',
      trigger: 'test/go',
      concurrencyKey: 'ticketId',
      async run(_e, step) {
        await step.run('first', async () => calls.first++);
        await step.run('flaky', async () => {
          calls.flaky++;
          if (calls.flaky < 3) throw new Error(`transient ${calls.flaky}`);
          return 'ok';
        });
      },
    };
    const { runner, emit, clock, jobsNamed, logger } = runnerOn([wf], { backoff: (attempt) => attempt * 1_000 });
    await emit('test/go', { ticketId: 't1' });
    await runner.runDueJobsOnce();
    let [run] = await jobsNamed('run:');
    expect(run).toMatchObject({ state: 'pending', attempts: 1, runAt: new Date(clock.now().getTime() + 1_000).toISOString() });
    expect(run?.lastError).toContain('transient 1');

    clock.advance(999);
    expect(await runner.runDueJobsOnce()).toBe(0);
    clock.advance(1);
    await runner.runDueJobsOnce();
    clock.advance(2_000);
    await runner.runDueJobsOnce();
    [run] = await jobsNamed('run:');
    expect(run?.state).toBe('done');
    expect(calls).toEqual({ first: 1, flaky: 3 });
    const warnings = logger.at('warn').filter((e) => e.msg === 'job failed; will retry');
    expect(warnings.map((w) => w.bindings)).toEqual([
      expect.objectContaining({ workflow: 'flaky', ticketId: 't1', attempt: 1, jobId: run?.id }),
      expect.objectContaining({ workflow: 'flaky', ticketId: 't1', attempt: 2, jobId: run?.id }),
    ]);
  });

  it('fails a DomainRejection at once, without retrying or running later steps', async () => {
    let later = 0;
    const wf: WorkflowDefinition = {
      id: 'rejecting',
      trigger: 'test/go',
      async run(_e, step) {
        await step.run('load', async () => {
          throw new DomainRejection(domainError('TICKET.NOT_FOUND', 'Ticket t9 does not exist.'));
        });
        later++;
      },
    };
    const { runner, emit, jobsNamed, logger } = runnerOn([wf]);
    await emit('test/go', { ticketId: 't9' });
    await runner.runDueJobsOnce();
    const [run] = await jobsNamed('run:');
    expect(run).toMatchObject({ state: 'failed', attempts: 0 });
    expect(run?.lastError).toContain('TICKET.NOT_FOUND');
    expect(later).toBe(0);
    expect(logger.at('warn').some((e) => e.msg === 'workflow rejected; not retrying')).toBe(true);
  });

  it('gives up after maxAttempts and logs the error; the job is failed, never done', async () => {
    let tries = 0;
    const wf: WorkflowDefinition = {
      id: 'broken',
      trigger: 'test/go',
      async run(_e, step) {
        await step.run('always', async () => {
          tries++;
          throw new Error('smtp down');
        });
      },
    };
    const { runner, emit, clock, jobsNamed, logger } = runnerOn([wf], { maxAttempts: 3 });
    await emit('test/go', {});
    for (let i = 0; i < 5; i++) {
      await runner.runDueJobsOnce();
      clock.advance(1_000);
    }
    const [run] = await jobsNamed('run:');
    expect(tries).toBe(3);
    expect(run).toMatchObject({ state: 'failed', attempts: 2 });
    expect(run?.lastError).toContain('smtp down');
    const errors = logger.at('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toBe('job failed for good after its last attempt');
    expect(errors[0]?.bindings).toMatchObject({ workflow: 'broken', attempt: 3 });
  });

  it('counts attempts per step, as Inngest does: a step that succeeds after failures resets the budget', async () => {
    const failures = { a: 2, b: 2 };
    const wf: WorkflowDefinition = {
      id: 'two-flaky-steps',
      trigger: 'test/go',
      async run(_e, step) {
        for (const id of ['a', 'b'] as const) {
          await step.run(id, async () => {
            if (failures[id]-- > 0) throw new Error(`${id} not yet`);
            return id;
          });
        }
      },
    };
    const backoffs: number[] = [];
    const { runner, emit, clock, jobsNamed, logger } = runnerOn([wf], {
      maxAttempts: 3,
      backoff: (attempt) => {
        backoffs.push(attempt);
        return 1_000;
      },
    });
    await emit('test/go', {});
    for (let i = 0; i < 6; i++) {
      await runner.runDueJobsOnce();
      clock.advance(1_000);
    }
    const [run] = await jobsNamed('run:');
    expect(run).toMatchObject({ state: 'done', attempts: 4 });
    expect(backoffs).toEqual([1, 2, 1, 2]);
    expect(logger.at('error')).toEqual([]);
  });

  it('fans one event out to every workflow it triggers; one failing does not block the others', async () => {
    const ran: string[] = [];
    const ok = (id: string): WorkflowDefinition => ({ id, trigger: 'ticket/resolved', run: async (_e, step) => step.run('note', async () => ran.push(id)) });
    const failing: WorkflowDefinition = {
      id: 'failing',
      trigger: 'ticket/resolved',
      run: async () => {
        throw new DomainRejection(domainError('TICKET.NOT_FOUND', 'gone'));
      },
    };
    const other: WorkflowDefinition = { id: 'other', trigger: 'ticket/started', run: async () => ran.push('other') };
    const { runner, emit, jobsNamed } = runnerOn([ok('index'), failing, ok('notify'), other]);
    const event = await emit('ticket/resolved', { ticketId: 't1' });
    await runner.runDueJobsOnce();
    expect(ran.sort()).toEqual(['index', 'notify']);
    const runs = await jobsNamed('run:');
    expect(runs.map((j) => [j.key, j.state]).sort()).toEqual([
      [`${event.key}>failing`, 'failed'],
      [`${event.key}>index`, 'done'],
      [`${event.key}>notify`, 'done'],
    ]);
    expect(runs[0]?.data).toEqual({ event: { name: 'ticket/resolved', data: { ticketId: 't1' } } });
    expect((await jobsNamed('ticket/'))[0]?.state).toBe('done');
  });

  it('fails a run whose workflow is no longer registered, loudly', async () => {
    const { runner, store, clock, logger } = runnerOn([]);
    const now = clock.now().toISOString();
    await store.enqueueJob({ name: 'run:retired', key: 'k>retired', data: { event: { name: 'x', data: {} } }, runAt: now }, now);
    await runner.runDueJobsOnce();
    expect((await store.getJobByKey('k>retired'))?.state).toBe('failed');
    expect(logger.at('error')).toHaveLength(1);
  });

  it('refuses two workflows with one id', () => {
    const wf: WorkflowDefinition = { id: 'same', trigger: 'a', run: async () => null };
    expect(() => runnerOn([wf, { ...wf, trigger: 'b' }])).toThrow(/share the id/);
  });
});
