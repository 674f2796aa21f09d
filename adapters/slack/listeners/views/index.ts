import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as ratingModal } from './rating-modal.js';
import { register as reassignModal } from './reassign-modal.js';
import { register as resolveModal } from './resolve-modal.js';
import { register as ticketModal } from './ticket-modal.js';
import { register as triageModal } from './triage-modal.js';

/** Modal submissions: new ticket, resolution note, reassignment, triage correction, rating comment. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  ticketModal(routes, ctx);
  resolveModal(routes, ctx);
  reassignModal(routes, ctx);
  triageModal(routes, ctx);
  ratingModal(routes, ctx);
}
