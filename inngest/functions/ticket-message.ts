import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketMessage } from '../../core/workflows/ticket-updates.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/message` → the message reaches the other side of the ticket (core `ticketMessage`). */
export function ticketMessageFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketMessage(deps), {
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  });
}
