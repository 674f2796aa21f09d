import type { HelpdeskDeps } from '../usecases/deps.js';
import { ticketConversation, ticketConversationRearm } from './conversation.js';
import { ticketResolutionSla, ticketResolutionSlaAfterReopen, ticketResolutionSlaRearm } from './resolution-sla.js';
import { ticketSla, ticketSlaAfterReopen, ticketSlaRearm } from './sla.js';
import { ticketNoted } from './ticket-noted.js';
import { ticketRated } from './ticket-rated.js';
import { ticketPipeline } from './ticket-pipeline.js';
import { ticketMessage, ticketReassigned, ticketReopened, ticketResolved, ticketStarted } from './ticket-updates.js';
import type { WorkflowDefinition } from './workflow.js';

/** Every workflow of the helpdesk, for whichever engine runs them. */
export function allWorkflows(deps: HelpdeskDeps): WorkflowDefinition[] {
  return [
    ticketPipeline(deps), ticketStarted(deps), ticketResolved(deps), ticketReopened(deps), ticketReassigned(deps), ticketMessage(deps), ticketSla(deps), ticketSlaAfterReopen(deps),
    ticketSlaRearm(deps), ticketConversation(deps), ticketConversationRearm(deps),
    ticketResolutionSla(deps), ticketResolutionSlaAfterReopen(deps), ticketResolutionSlaRearm(deps), ticketRated(deps), ticketNoted(deps),
  ];
}

export type { WorkflowDefinition } from './workflow.js';
