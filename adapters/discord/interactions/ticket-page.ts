import { isStaff, ok, type Person, type Result, type TicketFilters } from '../../../core/index.js';
import type { DiscordContext } from '../context.js';
import type { MessageBody } from '../render/message.js';
import { buildTicketPage, type ListState } from '../render/staff.js';

const HEADINGS: Record<Exclude<TicketFilters['scope'], 'mine' | undefined>, string> = {
  assigned: 'Assigned to you and unassigned',
  unassigned: 'Unassigned tickets',
  all: 'All tickets',
};

/**
 * One `/tickets` page for the viewer, as the command and its Previous /
 * Next buttons show it: the same filters, sorted and counted by core.
 */
export async function ticketPage(ctx: DiscordContext, viewer: Person, state: ListState, page: number): Promise<Result<MessageBody>> {
  const filters: TicketFilters = {
    ...(state.scope ? { scope: state.scope } : {}),
    ...(state.status ? { statuses: [state.status] } : {}),
    ...(state.priority ? { priorities: [state.priority] } : {}),
    ...(state.skill ? { skills: [state.skill] } : {}),
    ...(state.search ? { text: state.search } : {}),
    page,
  };
  const listed = await ctx.helpdesk.listTickets(viewer, filters);
  if (!listed.ok) return listed;
  const names = new Map(Object.entries(await ctx.helpdesk.displayNames(listed.value.tickets.map((t) => t.assigneeId))));
  const scope = state.scope ?? (viewer.role === 'user' ? 'mine' : viewer.role === 'admin' ? 'all' : 'assigned');
  // `mine` is "assigned to me" for staff and "filed by me" for everyone else (core decides; the heading says which).
  const heading = scope === 'mine' ? (isStaff(viewer) ? 'Assigned to you' : 'Tickets you filed') : HEADINGS[scope];
  return ok(buildTicketPage(listed.value, names, heading, state, { staff: isStaff(viewer) }));
}
