import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketResolutionSlaRearm } from '../../core/workflows/resolution-sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { untilResolved } from './ticket-resolution-sla.js';

/**
 * `ticket/timers-rearm` → resolution SLA set again (core `ticketResolutionSlaRearm`).
 */
export function ticketResolutionSlaRearmFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketResolutionSlaRearm(deps), untilResolved(deps, options));
}
