import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketSla } from '../../core/workflows/sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction, type WorkflowFunctionConfig } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/**
 * `ticket/assigned` → SLA for starting work (core `ticketSla`): waits with
 * `step.waitForEvent` and a timeout, reminds, then escalates. Starting or
 * resolving the ticket cancels the run in Inngest at once; the workflow's
 * own state checks cover the same cases (and reassignment) on both engines.
 */
export function ticketSlaFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketSla(deps), slaFunctionConfig(deps, options));
}

/** What every SLA function shares: starting or resolving the ticket cancels the run. */
export function slaFunctionConfig(deps: HelpdeskDeps, options: HelpdeskFunctionsOptions): WorkflowFunctionConfig {
  return {
    cancelOn: [
      { event: 'ticket/started', match: 'data.ticketId' },
      { event: 'ticket/resolved', match: 'data.ticketId' },
    ],
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  };
}
