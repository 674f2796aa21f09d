import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketSlaAfterReopen } from '../../core/workflows/sla.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { slaFunctionConfig } from './ticket-sla.js';

/**
 * `ticket/reopened` → the SLA for starting work again (core
 * `ticketSlaAfterReopen`), when the reopened ticket stays with its
 * assignee. Cancelled like the assignment SLA by starting or resolving.
 */
export function ticketSlaAfterReopenFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketSlaAfterReopen(deps), slaFunctionConfig(deps, options));
}
