import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketConversationRearm } from '../../core/workflows/conversation.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';
import { untilResolved } from './ticket-resolution-sla.js';

/**
 * `ticket/timers-rearm` → the conversation timers set again (core `ticketConversationRearm`).
 */
export function ticketConversationRearmFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketConversationRearm(deps), untilResolved(deps, options));
}
