import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { register as home } from './home.js';
import { register as ticketButtons } from './ticket-buttons.js';

/** Buttons: the ticket cards' Start / Resolve / Reassign / Reopen, and the App Home's. */
export function register(app: App, ctx: SlackContext): void {
  ticketButtons(app, ctx);
  home(app, ctx);
}
