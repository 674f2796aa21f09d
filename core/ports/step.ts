/** An event as workflows send and receive it. */
export interface WorkflowEvent {
  readonly name: string;
  readonly data: Record<string, unknown>;
}

/**
 * The durable-execution surface workflows are written against. It is the
 * subset of Inngest's `step` object the helpdesk needs; the in-process runner
 * implements the same semantics on the store (memoized steps, durable sleeps
 * and waits), so one workflow runs on either engine unchanged.
 *
 * Step results must be JSON-safe: they are memoized as JSON.
 */
export interface WorkflowStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, event: WorkflowEvent | WorkflowEvent[]): Promise<unknown>;
  sleep(id: string, duration: number | string): Promise<void>;
  /**
   * Waits for `event` whose `data.<field>` equals the triggering event's,
   * with `match: 'data.<field>'` as in Inngest. Resolves null on timeout.
   */
  waitForEvent(id: string, options: { event: string; timeout: number | string; match: string }): Promise<WorkflowEvent | null>;
}
