import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketNoted } from '../../core/workflows/ticket-noted.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/noted` → the assignee sees the internal note in their card thread (core `ticketNoted`). */
export function ticketNotedFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketNoted(deps), { ...(options.retries !== undefined ? { retries: options.retries } : {}), logger: deps.logger });
}
