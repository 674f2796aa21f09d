import type { webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { isAdmin, isStaff, type Person, type TicketFilters } from '../../../../core/index.js';
import { buildHomeView, type HomeSection } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { personNames } from '../names.js';

const PER_SECTION = 15;

/**
 * The App Home tab, rebuilt each time it is opened: your open tickets;
 * for moderators their queue and the unassigned tickets (each with "Take
 * it"); for admins all open tickets. Every section is a `/tickets` query
 * (mine, assigned, unassigned, all) through the same use case, in queue
 * order, with how many match in all.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    try {
      await publishHome(ctx, client, team, event.user);
    } catch (error) {
      // There is nobody to answer on an event: the sink logs it with a reference.
      ctx.errors.text(error, 'app home', { slackUser: event.user });
    }
  });
}

/** Draws the viewer's Home tab (also after a "Take it" there). */
export async function publishHome(ctx: SlackContext, client: webApi.WebClient, team: string, userId: string): Promise<void> {
  const who = await ctx.people.identify(team, userId);
  if (!who.ok) throw new Error(who.error.message);
  const sections = await homeSections(ctx, who.value);
  const names = await personNames(ctx, sections.flatMap((s) => s.tickets.map((t) => t.assigneeId)));
  await client.views.publish({ user_id: userId, view: buildHomeView(sections, names) });
}

async function homeSections(ctx: SlackContext, viewer: Person): Promise<HomeSection[]> {
  const list = async (title: string, empty: string, filters: TicketFilters, claimable = false): Promise<HomeSection> => {
    const r = await ctx.helpdesk.listTickets(viewer, { limit: PER_SECTION, ...filters });
    return r.ok ? { title, empty, tickets: [...r.value.tickets], total: r.value.total, claimable } : { title, empty, tickets: [] };
  };
  if (!isStaff(viewer)) return [await list('Your open tickets', 'Nothing open. File one with the button above.', { scope: 'mine' })];
  // For staff, `mine` is "assigned to me", as in /tickets.
  const sections: HomeSection[] = [
    await list('Your queue', 'Nothing assigned to you.', { scope: 'mine' }),
    await list('Unassigned', 'Every open ticket has someone.', { scope: 'unassigned' }, true),
  ];
  const own = viewer.identities[0];
  // Admins may name any requester, themselves included; a moderator's queue query covers only what is theirs or unassigned.
  if (isAdmin(viewer) && own) sections.unshift(await list('Your open tickets', 'Nothing open that you filed.', { scope: 'all', requester: own }));
  if (isAdmin(viewer)) sections.push(await list('All open tickets', 'No open tickets.', { scope: 'all' }));
  return sections;
}
