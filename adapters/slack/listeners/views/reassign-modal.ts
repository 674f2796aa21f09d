import type { ViewSubmitAction, webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { personRef, type Ticket } from '../../../../core/index.js';
import { CALLBACKS, INPUTS, buildHandedOverCard } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { inlineError, modalTicket, selectedUser } from './state.js';

/**
 * The Reassign modal: a picked Slack user (looked up and added if new;
 * core checks they are a moderator), or nobody for automatic assignment.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(CALLBACKS.reassignModal, async ({ ack, body, view, client }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const ticket = modalTicket(view);
      if (!ticket) throw new Error('reassign modal without a ticket');
      const who = await ctx.people.identify(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(INPUTS.assignee.block, who.error.message)));
      const picked = selectedUser(view, INPUTS.assignee);
      let to: string | null = null;
      if (picked) {
        const target = await ctx.people.identify(team, picked);
        if (!target.ok) return void (await ack(inlineError(INPUTS.assignee.block, target.error.message)));
        to = target.value.id;
      }
      const result = await ctx.helpdesk.reassignTicket({ ticketId: ticket.id, actorId: who.value.id, to });
      if (!result.ok) return void (await ack(inlineError(INPUTS.assignee.block, result.error.message)));
      await ack();
      if (result.value.assigneeId !== who.value.id) await handOverOwnCard(ctx, client, result.value, who.value.id);
    } catch (error) {
      await ack(inlineError(INPUTS.assignee.block, ctx.errors.text(error, 'reassign modal', { slackUser: body.user.id })));
    }
  });
}

/**
 * Core tells the previous moderator about a reassignment only when someone
 * else made it; a moderator who hands a ticket on themselves still has the
 * card with live buttons, so it is turned into the handed-over card here.
 */
async function handOverOwnCard(ctx: SlackContext, client: webApi.WebClient, ticket: Ticket, actorId: string): Promise<void> {
  try {
    const card = await ctx.threads.card(ticket.id, 'moderator', actorId);
    if (!card) return;
    const assignee = ticket.assigneeId ? await ctx.helpdesk.personById(ticket.assigneeId) : null;
    const message = buildHandedOverCard(ticket, assignee ? personRef(assignee) : null);
    await client.chat.update({ channel: card.channel, ts: card.ts, text: message.text, blocks: message.blocks });
  } catch (error) {
    // The reassignment itself succeeded; a stale card is logged, not shown as a failure.
    ctx.errors.text(error, 'reassign card refresh', { ticketId: ticket.id });
  }
}
