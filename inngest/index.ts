import type { InngestFunction } from 'inngest';
import { allWorkflows, type HelpdeskDeps } from '../core/index.js';
import type { HelpdeskInngest } from './client.js';
import type { HelpdeskFunctionsOptions } from './functions/options.js';
import { ticketMessageFunction } from './functions/ticket-message.js';
import { ticketPipelineFunction } from './functions/ticket-pipeline.js';
import { ticketReassignedFunction } from './functions/ticket-reassigned.js';
import { ticketReopenedFunction } from './functions/ticket-reopened.js';
import { ticketResolvedFunction } from './functions/ticket-resolved.js';
import { ticketSlaAfterReopenFunction } from './functions/ticket-sla-reopened.js';
import { ticketSlaFunction } from './functions/ticket-sla.js';
import { ticketStartedFunction } from './functions/ticket-started.js';
import { ticketSlaRearmFunction } from './functions/ticket-sla-rearm.js';
import { ticketConversationFunction } from './functions/ticket-conversation.js';
import { ticketConversationRearmFunction } from './functions/ticket-conversation-rearm.js';
import { ticketResolutionSlaFunction } from './functions/ticket-resolution-sla.js';
import { ticketResolutionSlaAfterReopenFunction } from './functions/ticket-resolution-sla-reopened.js';
import { ticketResolutionSlaRearmFunction } from './functions/ticket-resolution-sla-rearm.js';
import { ticketRatedFunction } from './functions/ticket-rated.js';
import { ticketNotedFunction } from './functions/ticket-noted.js';

/**
 * Every Inngest function of the helpdesk, one per core workflow. They need
 * the helpdesk's ports (store, notifier, triage), so this is a factory the
 * bot calls once after wiring them. Throws at start-up if a core workflow
 * has no function here, so no workflow silently never runs on Inngest.
 */
export function functions(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any[] {
  const fns = [
    ticketPipelineFunction(client, deps, options),
    ticketStartedFunction(client, deps, options),
    ticketResolvedFunction(client, deps, options),
    ticketReopenedFunction(client, deps, options),
    ticketReassignedFunction(client, deps, options),
    ticketMessageFunction(client, deps, options),
    ticketSlaFunction(client, deps, options),
    ticketSlaAfterReopenFunction(client, deps, options),
    ticketSlaRearmFunction(client, deps, options),
    ticketConversationFunction(client, deps, options),
    ticketConversationRearmFunction(client, deps, options),
    ticketResolutionSlaFunction(client, deps, options),
    ticketResolutionSlaAfterReopenFunction(client, deps, options),
    ticketResolutionSlaRearmFunction(client, deps, options),
    ticketRatedFunction(client, deps, options),
    ticketNotedFunction(client, deps, options),
  ];
  const served = new Set(fns.map((f) => f.id()));
  const missing = allWorkflows(deps).filter((w) => !served.has(w.id));
  if (missing.length > 0) throw new Error(`core workflows without an Inngest function: ${missing.map((w) => w.id).join(', ')}`);
  return fns;
}

export { createInngestClient, toInngestLogger, type HelpdeskInngest, type InngestClientOptions } from './client.js';
export { inngestEvents } from './events.js';
export type { HelpdeskFunctionsOptions } from './functions/options.js';
export { createInngestHandler, INNGEST_PATH, type InngestHandlerOptions } from './serve.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
