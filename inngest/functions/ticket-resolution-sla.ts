import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketResolutionSla } from '../../core/workflows/resolution-sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction, type WorkflowFunctionConfig } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/**
 * `ticket/triaged` → resolution SLA from filing (core `ticketResolutionSla`); resolving cancels it.
 */
export function ticketResolutionSlaFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketResolutionSla(deps), untilResolved(deps, options));
}

/** Timers that only matter while the ticket is open: resolving it cancels the run in Inngest (the run's own checks do the same on both engines). */
export function untilResolved(deps: HelpdeskDeps, options: HelpdeskFunctionsOptions): WorkflowFunctionConfig {
  return {
    cancelOn: [{ event: 'ticket/resolved', match: 'data.ticketId' }],
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  };
}
