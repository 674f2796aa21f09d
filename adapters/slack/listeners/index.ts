import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { register as actions } from './actions/index.js';
import { register as commands } from './commands/index.js';
import { register as events } from './events/index.js';
import { register as shortcuts } from './shortcuts/index.js';
import { register as views } from './views/index.js';
import { SlackRoutes } from './routes.js';

/** Registers every Slack surface of the helpdesk on the Bolt app. */
export function registerListeners(app: App, ctx: SlackContext): void {
  const routes = new SlackRoutes();
  commands(routes, ctx);
  actions(routes, ctx);
  views(routes, ctx);
  events(routes, ctx);
  shortcuts(routes, ctx);
  routes.mount(app);
}
