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
  /**
   * Ids of the steps the run may open with that only read (the ticket, the
   * clock) and act on nothing, so running them again is always harmless. The
   * in-process runner runs a new run up to its first sleep or event wait
   * while it fans the event out, when only these steps come before it, and
   * stores the run once, parked at that wait with their results: a run that
   * starts by waiting then costs one write instead of a claim, a save per
   * step and a suspension. A run that reaches any other step first is
   * started as a job as usual.
   */
  readonly readOnlySteps?: readonly string[];
  run(event: WorkflowEvent, step: WorkflowStep): Promise<unknown>;
}
