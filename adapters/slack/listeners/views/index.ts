import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as reassignModal } from './reassign-modal.js';
import { register as resolveModal } from './resolve-modal.js';
import { register as ticketModal } from './ticket-modal.js';

/** Modal submissions: new ticket, resolution note, reassignment. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  ticketModal(routes, ctx);
  resolveModal(routes, ctx);
  reassignModal(routes, ctx);
}
