import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketRated } from '../../core/workflows/ticket-rated.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/rated` → the assignee's card shows the rating; a 👎 tells them and offers reopening (core `ticketRated`). */
export function ticketRatedFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketRated(deps), { ...(options.retries !== undefined ? { retries: options.retries } : {}), logger: deps.logger });
}
