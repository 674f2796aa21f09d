import { COMMANDS } from '../../commands.js';
import { actorOf } from '../../people.js';
import type { CommandHandler } from '../types.js';

/**
 * `/dashboard [logout-everywhere]`: a one-time sign-in link to the web
 * dashboard, in an ephemeral reply only the person sees.
 */
export const dashboardCommand: CommandHandler = {
  name: COMMANDS.dashboard,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/dashboard');
    const everywhere = interaction.options.getSubcommand(false) === 'logout-everywhere';
    const reply = await ctx.helpdesk.dashboardCommand({ actorId: actor.value.id, text: everywhere ? 'logout-everywhere' : '' });
    if (!reply.ok) return r.fail(reply.error, '/dashboard');
    return r.send({ content: reply.value });
  },
};
