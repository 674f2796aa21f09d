import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as editTriage } from './edit-triage.js';
import { register as home } from './home.js';
import { register as intake } from './intake.js';
import { register as rating } from './rating.js';
import { register as ticketButtons } from './ticket-buttons.js';

/** Buttons: the ticket cards' Start / Resolve / Reassign / Reopen, the App Home's, Not a ticket, File this as a ticket, and the requester's 👍 / 👎. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  ticketButtons(routes, ctx);
  editTriage(routes, ctx);
  home(routes, ctx);
  intake(routes, ctx);
  rating(routes, ctx);
}
