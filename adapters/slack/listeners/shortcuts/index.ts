import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as ticketFromMessage } from './ticket-from-message.js';

/** Shortcuts: "Create ticket" on any message. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  ticketFromMessage(routes, ctx);
}
