import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketConversation } from '../../core/workflows/conversation.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { untilResolved } from './ticket-resolution-sla.js';

/**
 * `ticket/message` → next-response SLA or waiting on the requester (core `ticketConversation`):
 * durable sleeps on the business clock; resolving the ticket cancels the run.
 */
export function ticketConversationFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketConversation(deps), untilResolved(deps, options));
}
