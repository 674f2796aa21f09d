import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { register as appHome } from './app-home.js';
import { register as dmReply } from './dm-reply.js';

/** Events API: DM thread replies (the relay) and App Home opens. */
export function register(app: App, ctx: SlackContext): void {
  dmReply(app, ctx);
  appHome(app, ctx);
}
