import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { register as skills } from './skills.js';
import { register as ticket } from './ticket.js';
import { register as tickets } from './tickets.js';

/** Slash commands: /ticket, /tickets, /skills. */
export function register(app: App, ctx: SlackContext): void {
  ticket(app, ctx);
  tickets(app, ctx);
  skills(app, ctx);
}
