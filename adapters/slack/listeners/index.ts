import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { register as actions } from './actions/index.js';
import { register as commands } from './commands/index.js';
import { register as events } from './events/index.js';
import { register as shortcuts } from './shortcuts/index.js';
import { register as views } from './views/index.js';

/** Registers every Slack surface of the helpdesk on the Bolt app. */
export function registerListeners(app: App, ctx: SlackContext): void {
  commands(app, ctx);
  actions(app, ctx);
  views(app, ctx);
  events(app, ctx);
  shortcuts(app, ctx);
}
