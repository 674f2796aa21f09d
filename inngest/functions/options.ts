import type { InngestFunction } from 'inngest';

/** Tuning shared by the helpdesk's Inngest functions; every field has a sensible default. */
export interface HelpdeskFunctionsOptions {
  /** Retries per step before a run fails for good (0–20). Default 12. */
  readonly retries?: InngestFunction.Options['retries'];
  /**
   * How fast the ticket pipeline (and so the AI triage call) may start runs.
   * Throttled runs wait in Inngest's queue; none is dropped. Default 30 per minute, bursts of 10.
   */
  readonly pipelineThrottle?: InngestFunction.Options['throttle'];
}

export const DEFAULT_PIPELINE_THROTTLE = { limit: 30, period: '1m', burst: 10 } as const satisfies InngestFunction.Options['throttle'];
