import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketPipeline } from '../../core/workflows/ticket-pipeline.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import { DEFAULT_PIPELINE_THROTTLE, type HelpdeskFunctionsOptions } from './options.js';

/**
 * `ticket/filed` → receipt, triage, assignment, notifications: core's ticket
 * pipeline, each stage its own retried step. One run per ticket ever
 * (idempotency), one at a time per ticket (concurrency), and throttled so a
 * burst of tickets does not exceed the AI provider's limits.
 */
export function ticketPipelineFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketPipeline(deps), {
    idempotency: 'event.data.ticketId',
    throttle: options.pipelineThrottle ?? DEFAULT_PIPELINE_THROTTLE,
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  });
}
