import type { SlackRoutes } from '../routes.js';
import { parseTicketFilters } from '../../../../core/index.js';
import { buildTicketList } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { personNames } from '../names.js';
import { ephemeral, ephemeralMessage } from '../reply.js';

/**
 * `/tickets [filters]`: the console's filters (status:, priority:, skill:,
 * mine/assigned/unassigned/all, words), answered ephemerally. Acknowledged
 * first: listing may wait on the database and on users.info.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/tickets', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const filters = parseTicketFilters(command.text, (s) => ctx.helpdesk.deps.catalog.normalize(s));
      if (!filters.ok) return void (await respond(ephemeral(filters.error.message)));
      const listed = await ctx.helpdesk.listTickets(who.value, filters.value);
      if (!listed.ok) return void (await respond(ephemeral(listed.error.message)));
      const names = await personNames(ctx, listed.value.tickets.map((t) => t.assigneeId));
      await respond(ephemeralMessage(buildTicketList(listed.value.tickets, names, command.text.trim())));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/tickets', { slackUser: command.user_id })));
    }
  });
}
