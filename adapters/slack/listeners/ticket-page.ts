import { isStaff, parseTicketFilters, type Person } from '../../../core/index.js';
import type { SlackMessage } from '../blocks/cards.js';
import { buildTicketPage } from '../blocks/staff.js';
import type { SlackContext } from '../context.js';
import { personNames } from './names.js';

/**
 * One `/tickets` page for `viewer`: the filters as typed (page: included or
 * given), through the same use case as every surface. A refusal (bad filter,
 * not allowed) comes back as its message.
 */
export async function ticketPage(ctx: SlackContext, viewer: Person, teamId: string, filterText: string, page?: number): Promise<SlackMessage | string> {
  const filters = parseTicketFilters(filterText, (s) => ctx.helpdesk.normalizeSkill(s), ctx.people.mentionResolver(teamId));
  if (!filters.ok) return filters.error.message;
  const listed = await ctx.helpdesk.listTickets(viewer, page === undefined ? filters.value : { ...filters.value, page });
  if (!listed.ok) return listed.error.message;
  const names = await personNames(ctx, listed.value.tickets.map((t) => t.assigneeId));
  return buildTicketPage(listed.value, names, filterText, { staff: isStaff(viewer) });
}
