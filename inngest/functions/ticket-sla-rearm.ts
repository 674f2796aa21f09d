import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketSlaRearm } from '../../core/workflows/sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { slaFunctionConfig } from './ticket-sla.js';

/**
 * `ticket/timers-rearm` → the first-response SLA set again from the ticket as it stands (core
 * `ticketSlaRearm`), cancelled like the assignment SLA by starting or resolving.
 */
export function ticketSlaRearmFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketSlaRearm(deps), slaFunctionConfig(deps, options));
}
