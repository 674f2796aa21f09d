import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { register as ticketFromMessage } from './ticket-from-message.js';

/** Shortcuts: "Create ticket" on any message. */
export function register(app: App, ctx: SlackContext): void {
  ticketFromMessage(app, ctx);
}
