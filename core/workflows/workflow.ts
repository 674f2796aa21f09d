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
  /**
   * False for events the run would end at once without doing anything (an
   * SLA for an unassigned ticket): the in-process runner then starts no run
   * for them, which saves its claim, steps and completion. The run keeps its
   * own check too, for engines that start every run (Inngest).
   */
  startsFor?(data: Readonly<Record<string, unknown>>): boolean;
  run(event: WorkflowEvent, step: WorkflowStep): Promise<unknown>;
}
