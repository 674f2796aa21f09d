import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { register as actions } from './actions/index.js';
import { register as commands } from './commands/index.js';
import { register as events } from './events/index.js';
import { register as shortcuts } from './shortcuts/index.js';
import { register as views } from './views/index.js';
import { SlackRoutes } from './routes.js';
import { register as staffActions } from './actions/staff.js';
import { register as staffCommands } from './commands/staff.js';
import { register as noteModal } from './views/note-modal.js';

/** Registers every Slack surface of the helpdesk on the Bolt app. */
export function registerListeners(app: App, ctx: SlackContext): void {
  const routes = new SlackRoutes({ budgetMs: ctx.ackBudgetMs, errors: ctx.errors, logger: ctx.logger });
  commands(routes, ctx);
  actions(routes, ctx);
  views(routes, ctx);
  events(routes, ctx);
  shortcuts(routes, ctx);
  // The staff workflow (Take it, Note…, Reply with…, paging, /claim /note /reply /replies /audit) in one place.
  staffActions(routes, ctx);
  staffCommands(routes, ctx);
  noteModal(routes, ctx);
  routes.mount(app);
}
