import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as appHome } from './app-home.js';
import { register as dmReply } from './dm-reply.js';
import { register as reaction } from './reaction.js';

/** Events API: messages (DM relay and offer, support channels and their threads), the ticket emoji, App Home opens. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  dmReply(routes, ctx);
  appHome(routes, ctx);
  reaction(routes, ctx);
}
