import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketReopened } from '../../core/workflows/ticket-updates.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/reopened` → the ticket leaves the similar index; moderator and requester are told (core `ticketReopened`). */
export function ticketReopenedFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketReopened(deps), {
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  });
}
