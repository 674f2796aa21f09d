import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { register as dashboard } from './dashboard.js';
import { register as helpdesk } from './helpdesk.js';
import { register as lifecycle } from './lifecycle.js';
import { register as skills } from './skills.js';
import { register as ticket } from './ticket.js';
import { register as tickets } from './tickets.js';

/** Slash commands: /ticket, /tickets, /skills, /helpdesk, /hold, /stats. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  ticket(routes, ctx);
  tickets(routes, ctx);
  skills(routes, ctx);
  helpdesk(routes, ctx);
  dashboard(routes, ctx);
  lifecycle(routes, ctx);
}
