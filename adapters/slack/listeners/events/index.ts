import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as appHome } from './app-home.js';
import { register as dmReply } from './dm-reply.js';

/** Events API: DM thread replies (the relay) and App Home opens. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  dmReply(routes, ctx);
  appHome(routes, ctx);
}
