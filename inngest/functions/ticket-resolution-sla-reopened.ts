import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketResolutionSlaAfterReopen } from '../../core/workflows/resolution-sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { untilResolved } from './ticket-resolution-sla.js';

/**
 * `ticket/reopened` → resolution SLA from the reopening (core `ticketResolutionSlaAfterReopen`).
 */
export function ticketResolutionSlaAfterReopenFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketResolutionSlaAfterReopen(deps), untilResolved(deps, options));
}
