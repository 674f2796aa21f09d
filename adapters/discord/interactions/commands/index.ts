import type { Registry } from '../types.js';
import { createTicketMenu } from './create-ticket.js';
import { dashboardCommand } from './dashboard.js';
import { helpdeskCommand } from './helpdesk.js';
import { holdCommand } from './hold.js';
import { panelCommand } from './panel.js';
import { skillsCommand } from './skills.js';
import { auditCommand, claimCommand, noteCommand, repliesCommand, replyCommand } from './staff.js';
import { statsCommand } from './stats.js';
import { ticketCommand } from './ticket.js';
import { ticketsCommand } from './tickets.js';

/** Slash commands and the message menu entry. */
export function register(registry: Registry): void {
  registry.command(ticketCommand);
  registry.command(ticketsCommand);
  registry.command(skillsCommand);
  for (const c of [claimCommand, noteCommand, replyCommand, repliesCommand, auditCommand]) registry.command(c);
  registry.messageMenu(createTicketMenu);
  registry.command(panelCommand);
  registry.command(helpdeskCommand);
  registry.command(dashboardCommand);
  registry.command(holdCommand);
  registry.command(statsCommand);
}
