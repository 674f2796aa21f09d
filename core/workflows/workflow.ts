import type { WorkflowEvent, WorkflowStep } from '../ports/step.js';

/**
 * A durable workflow triggered by a domain event. Both engines run the same
 * definitions: the in-process runner on the store, Inngest as functions.
 */
export interface WorkflowDefinition {
  readonly id: string;
  readonly trigger: string;
  /** Event data field whose value serializes runs (one at a time per ticket). */
  readonly concurrencyKey?: string;
  run(event: WorkflowEvent, step: WorkflowStep): Promise<unknown>;
}
