import type { InngestFunction } from 'inngest';
import type { HelpdeskDeps } from '../../core/index.js';
import { ticketReassigned } from '../../core/workflows/ticket-updates.js';
import type { HelpdeskInngest } from '../client.js';
import { workflowFunction } from '../workflow-function.js';
import type { HelpdeskFunctionsOptions } from './options.js';

/** `ticket/assigned` after the first assignment → new and previous moderator and the requester are told (core `ticketReassigned`). */
export function ticketReassignedFunction(client: HelpdeskInngest, deps: HelpdeskDeps, options: HelpdeskFunctionsOptions = {}): InngestFunction.Any {
  return workflowFunction(client, ticketReassigned(deps), {
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    logger: deps.logger,
  });
}
