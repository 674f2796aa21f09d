import type { SlackRoutes } from '../routes.js';
import { isAdmin, isStaff, type Person, type Ticket, type TicketFilters } from '../../../../core/index.js';
import { buildHomeView, type HomeSection } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { personNames } from '../names.js';

const PER_SECTION = 15;

/**
 * The App Home tab, rebuilt each time it is opened: your open tickets;
 * for moderators their queue and the unassigned tickets; for admins all
 * open tickets.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    try {
      const who = await ctx.people.identify(team, event.user);
      if (!who.ok) throw new Error(who.error.message);
      const sections = await homeSections(ctx, who.value);
      const names = await personNames(ctx, sections.flatMap((s) => s.tickets.map((t) => t.assigneeId)));
      await client.views.publish({ user_id: event.user, view: buildHomeView(sections, names) });
    } catch (error) {
      // There is nobody to answer on an event: the sink logs it with a reference.
      ctx.errors.text(error, 'app home', { slackUser: event.user });
    }
  });
}

async function homeSections(ctx: SlackContext, viewer: Person): Promise<HomeSection[]> {
  const list = async (filters: TicketFilters): Promise<Ticket[]> => {
    const r = await ctx.helpdesk.listTickets(viewer, { limit: PER_SECTION, ...filters });
    return r.ok ? [...r.value.tickets] : [];
  };
  const sections: HomeSection[] = [{ title: 'Your open tickets', tickets: await list({ scope: 'mine' }), empty: 'Nothing open. File one with the button above.' }];
  if (isStaff(viewer)) {
    // "assigned" also lists the unassigned queue; ask for more and keep the viewer's own.
    const queue = (await list({ scope: 'assigned', limit: 100 })).filter((t) => t.assigneeId === viewer.id).slice(0, PER_SECTION);
    sections.push({ title: 'Your queue', tickets: queue, empty: 'Nothing assigned to you.' });
    sections.push({ title: 'Unassigned', tickets: await list({ scope: 'unassigned' }), empty: 'Every open ticket has someone.' });
  }
  if (isAdmin(viewer)) sections.push({ title: 'All open tickets', tickets: await list({ scope: 'all' }), empty: 'No open tickets.' });
  return sections;
}
