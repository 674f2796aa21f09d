import type { SlackRoutes } from '../routes.js';
import { buildTicketModal } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { slackToPlain, splitTicketText } from '../../text.js';
import { ephemeral } from '../reply.js';

/**
 * `/ticket <text>` files at once; `/ticket` alone opens the modal. Either
 * way Slack hears back within its 3 seconds: the modal opens before any
 * other work, and the inline reply is sent only after the ticket (with its
 * pipeline event) is stored. Slack's retries carry the same trigger id,
 * which is the filing's idempotency key, so a retry answers with the
 * ticket the first delivery created.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/ticket', async ({ command, ack, respond, client }) => {
    const text = slackToPlain(command.text).trim();
    if (text === '') {
      await ack();
      try {
        if (!(await ctx.dedupe.claimOnce(`slack:modal:${command.team_id}:${command.trigger_id}`, ctx.clickDedupeMs, ctx.now()))) return;
        await client.views.open({ trigger_id: command.trigger_id, view: buildTicketModal({ channelId: command.channel_id }) });
      } catch (error) {
        await respond(ephemeral(ctx.errors.text(error, '/ticket modal', { slackUser: command.user_id })));
      }
      return;
    }
    let reply: string;
    try {
      reply = await fileFromText(ctx, command.team_id, command.user_id, command.user_name, command.channel_id, command.trigger_id, text);
    } catch (error) {
      reply = ctx.errors.text(error, '/ticket', { slackUser: command.user_id });
    }
    await ack(ephemeral(reply));
  });
}

async function fileFromText(ctx: SlackContext, team: string, user: string, userName: string, channelId: string, triggerId: string, text: string): Promise<string> {
  const requester = await ctx.people.requesterForFiling(team, user, userName);
  if (!requester.ok) return requester.error.message;
  const { title, description } = splitTicketText(text);
  // A newcomer's record and their ticket go into the same commit.
  const filed = await ctx.helpdesk.fileTicket({
    requesterId: requester.value.id,
    title,
    description,
    origin: { platform: 'slack', channelId },
    idempotencyKey: `slack:${team}:${triggerId}`,
  });
  await requester.value.stored;
  if (!filed.ok) return filed.error.message;
  return `Ticket #${filed.value.ticket.ref} filed — triaging… I'll keep you posted in a DM.`;
}
