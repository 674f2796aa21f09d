import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { ephemeral, ephemeralMessage } from '../reply.js';
import { ticketPage } from '../ticket-page.js';

/**
 * `/tickets [filters]`: the console's filters (status:, priority:, skill:,
 * mine/assigned/unassigned/all, requester:, assignee:, older:, page:, words),
 * answered ephemerally with how many match, one page in queue order, "Take
 * it" on unassigned rows and Previous / Next. Acknowledged first: listing
 * may wait on the database and on users.info.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/tickets', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const page = await ticketPage(ctx, who.value, command.team_id, command.text.trim());
      await respond(typeof page === 'string' ? ephemeral(page) : ephemeralMessage(page));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/tickets', { slackUser: command.user_id })));
    }
  });
}
