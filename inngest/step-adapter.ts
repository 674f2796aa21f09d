import { NonRetriableError, type GetStepTools } from 'inngest';
import { ZodError } from 'zod';
import { DomainRejection, type WorkflowEvent, type WorkflowStep } from '../core/index.js';
import type { HelpdeskInngest } from './client.js';

/** Inngest's `step` object as our client types it. */
export type InngestStep = GetStepTools<HelpdeskInngest>;

/**
 * Maps core's failures to Inngest's retry semantics: a DomainRejection (the
 * ticket is gone, the action no longer applies) and an event that does not
 * match its schema will not get better with retries, so they become
 * NonRetriableError. Everything else is rethrown unchanged and retried.
 */
export function toInngestError(error: unknown): unknown {
  if (error instanceof DomainRejection) return new NonRetriableError(error.message, { cause: error });
  if (error instanceof ZodError) return new NonRetriableError(`Event data does not match its schema: ${error.message}`, { cause: error });
  return error;
}

/**
 * Core's WorkflowStep on top of Inngest's `step`: the same workflow code
 * runs here and in the in-process runner. Each `run` is an Inngest step,
 * memoized and retried on its own; a DomainRejection thrown inside fails
 * the step (and the run) without retries.
 */
export function toWorkflowStep(step: InngestStep): WorkflowStep {
  return {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      const result = await step.run(id, async () => {
        try {
          return await fn();
        } catch (error) {
          throw toInngestError(error);
        }
      });
      // Core promises JSON-safe step results, so Inngest's JSON round trip gives back a T.
      return result as T;
    },
    async sendEvent(id, event) {
      const events = (Array.isArray(event) ? event : [event]).map((e) => ({ name: e.name, data: e.data }));
      return step.sendEvent(id, events);
    },
    async sleep(id, duration) {
      await step.sleep(id, duration);
    },
    async waitForEvent(id, options): Promise<WorkflowEvent | null> {
      const received = await step.waitForEvent(id, { event: options.event, timeout: options.timeout, match: options.match });
      return received ? { name: received.name, data: { ...(received.data as Record<string, unknown>) } } : null;
    },
  };
}
