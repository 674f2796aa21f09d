import type { HelpdeskDeps } from '../usecases/deps.js';
import { ticketSla, ticketSlaAfterReopen } from './sla.js';
import { ticketPipeline } from './ticket-pipeline.js';
import { ticketMessage, ticketReassigned, ticketReopened, ticketResolved, ticketStarted } from './ticket-updates.js';
import type { WorkflowDefinition } from './workflow.js';

/** Every workflow of the helpdesk, for whichever engine runs them. */
export function allWorkflows(deps: HelpdeskDeps): WorkflowDefinition[] {
  return [ticketPipeline(deps), ticketStarted(deps), ticketResolved(deps), ticketReopened(deps), ticketReassigned(deps), ticketMessage(deps), ticketSla(deps), ticketSlaAfterReopen(deps)];
}

export type { WorkflowDefinition } from './workflow.js';
