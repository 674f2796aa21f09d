import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketResolved } from '../../core/workflows/ticket-updates.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/resolved` follow-up: the ticket joins the similar-ticket index and the requester gets the resolution (core `ticketResolved`). */
export function ticketResolvedFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketResolved(deps), {
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  });
}
