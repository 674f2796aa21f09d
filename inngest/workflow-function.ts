import type { FailureEventArgs, InngestFunction } from 'inngest';
import type { EventName, Logger, WorkflowDefinition } from '../core/index.js';
import type { HelpdeskInngest } from './client.js';
import { inngestEvents } from './events.js';
import { toInngestError, toWorkflowStep } from './step-adapter.js';

type Options = InngestFunction.Options;

/** Inngest settings that differ between functions. */
export interface WorkflowFunctionConfig {
  /** Attempts after the first, per step (Inngest counts step retries separately). */
  readonly retries?: Options['retries'];
  /** Expression whose value lets one run start per 24 h, e.g. `event.data.ticketId`. */
  readonly idempotency?: string;
  /** Caps how fast runs start, e.g. to protect an AI provider's rate limits. */
  readonly throttle?: Options['throttle'];
  /** Events that cancel a waiting or sleeping run, matched on a data field. */
  readonly cancelOn?: readonly { readonly event: EventName; readonly match: string }[];
  readonly logger: Logger;
}

/** Default retries per step: transient outages (chat API, SMTP, AI) get many backed-off attempts before a run is given up. */
export const DEFAULT_RETRIES = 12;

/**
 * Builds an Inngest function from a core workflow definition, so both
 * engines run the same code: triggered by the workflow's event (validated
 * against core's schema), one run at a time per ticket, and failures left
 * visible — a run that fails for good is logged by `onFailure` and stays
 * failed in Inngest; nothing turns a failure into success.
 */
export function workflowFunction(client: HelpdeskInngest, workflow: WorkflowDefinition, config: WorkflowFunctionConfig): InngestFunction.Any {
  const trigger = inngestEvents[workflow.trigger as EventName];
  if (!trigger) throw new Error(`workflow ${workflow.id} is triggered by ${workflow.trigger}, which is not a declared event`);
  const logger = config.logger.child({ fn: workflow.id });
  return client.createFunction(
    {
      id: workflow.id,
      triggers: [trigger],
      retries: config.retries ?? DEFAULT_RETRIES,
      ...(workflow.concurrencyKey ? { concurrency: { key: `event.data.${workflow.concurrencyKey}`, limit: 1 } } : {}),
      ...(config.idempotency ? { idempotency: config.idempotency } : {}),
      ...(config.throttle ? { throttle: config.throttle } : {}),
      ...(config.cancelOn ? { cancelOn: config.cancelOn.map((c) => ({ event: c.event, match: c.match })) } : {}),
      onFailure: async ({ error, event }: FailureEventArgs) => {
        const original = event.data.event as { data?: { ticketId?: unknown } };
        logger.error({ runId: event.data.run_id, ticketId: original.data?.ticketId, err: error.message }, 'workflow run failed for good');
      },
    },
    async ({ event, step }) => {
      try {
        return await workflow.run({ name: event.name, data: { ...(event.data as Record<string, unknown>) } }, toWorkflowStep(step));
      } catch (error) {
        throw toInngestError(error);
      }
    },
  );
}
