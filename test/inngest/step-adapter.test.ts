import { NonRetriableError } from 'inngest';
import { describe, expect, it } from 'vitest';
import { DomainRejection, domainError } from '../../core/index.js';
import { toWorkflowStep, type InngestStep } from '../../inngest/step-adapter.js';

/** Records what the adapter asks of Inngest's step tools. */
function fakeInngestStep() {
  const calls: { tool: string; id: string; arg: unknown }[] = [];
  const step = {
    run: async (id: string, fn: () => Promise<unknown>) => {
      calls.push({ tool: 'run', id, arg: null });
      return fn();
    },
    sendEvent: async (id: string, payload: unknown) => {
      calls.push({ tool: 'sendEvent', id, arg: payload });
      return { ids: ['e1'] };
    },
    sleep: async (id: string, duration: unknown) => {
      calls.push({ tool: 'sleep', id, arg: duration });
    },
    waitForEvent: async (id: string, options: unknown) => {
      calls.push({ tool: 'waitForEvent', id, arg: options });
      return { name: 'ticket/started', data: { ticketId: 't1', ref: 1, actorId: 'mo' }, id: 'evt-1', ts: 1, v: '1' };
    },
  };
  return { calls, step: step as unknown as InngestStep };
}

describe('the WorkflowStep adapter over Inngest step tools', () => {
  it('passes waits with their match, sleeps and sent events through, and returns plain events', async () => {
    const { calls, step } = fakeInngestStep();
    const wf = toWorkflowStep(step);

    const event = await wf.waitForEvent('wait-start', { event: 'ticket/started', timeout: 1_800_000, match: 'data.ticketId' });
    await wf.sleep('pause', '10m');
    await wf.sendEvent('emit', { name: 'ticket/escalated', data: { ticketId: 't1', ref: 1, reason: 'late' } });

    expect(event).toEqual({ name: 'ticket/started', data: { ticketId: 't1', ref: 1, actorId: 'mo' } });
    expect(calls).toEqual([
      { tool: 'waitForEvent', id: 'wait-start', arg: { event: 'ticket/started', timeout: 1_800_000, match: 'data.ticketId' } },
      { tool: 'sleep', id: 'pause', arg: '10m' },
      { tool: 'sendEvent', id: 'emit', arg: [{ name: 'ticket/escalated', data: { ticketId: 't1', ref: 1, reason: 'late' } }] },
    ]);
  });

  it('makes a DomainRejection non-retriable and rethrows anything else unchanged', async () => {
    const wf = toWorkflowStep(fakeInngestStep().step);
    const rejection = new DomainRejection(domainError('TICKET.NOT_FOUND', 'Ticket t9 does not exist.'));

    const rejected = wf.run('load', async () => {
      throw rejection;
    });
    await expect(rejected).rejects.toBeInstanceOf(NonRetriableError);
    await expect(rejected).rejects.toMatchObject({ cause: rejection });

    const transient = new Error('socket hang up');
    await expect(
      wf.run('send', async () => {
        throw transient;
      }),
    ).rejects.toBe(transient);
  });
});
