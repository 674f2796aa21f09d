import type { SlackRoutes } from '../routes.js';
import type { SlackContext } from '../../context.js';
import { ephemeral } from '../reply.js';

/**
 * `/dashboard [logout-everywhere]`: a one-time sign-in link to the web
 * dashboard, answered ephemerally (only the person who typed it sees it).
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/dashboard', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const reply = await ctx.helpdesk.dashboardCommand({ actorId: who.value.id, text: command.text });
      await respond(ephemeral(reply.ok ? reply.value : reply.error.message));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/dashboard', { slackUser: command.user_id })));
    }
  });
}
