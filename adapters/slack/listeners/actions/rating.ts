import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { mayRate, type Rating } from '../../../../core/index.js';
import { parseTicketButtonValue } from '../../blocks/ids.js';
import { buildRatingModal, RATING } from '../../blocks/rating.js';
import type { SlackContext } from '../../context.js';
import { tell } from '../reply.js';

type ButtonBody = BlockAction<ButtonAction>;

/**
 * 👍 / 👎 under the requester's "resolved" reply: checks that the clicker
 * may rate (the requester, the ticket resolved), then opens the optional
 * comment modal at once (its trigger expires in 3 s); submitting it records
 * the rating. Clicking again later opens it again and changes the rating.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  for (const [actionId, rating] of [[RATING.good, 'good'], [RATING.bad, 'bad']] as const) {
    routes.action<ButtonBody>({ action_id: actionId, type: 'block_actions' }, async ({ ack, body, action, client, respond }) => {
      await ack();
      const team = body.team?.id ?? body.user.team_id ?? '';
      const target = { respond: body.response_url ? respond : undefined, client, userId: body.user.id };
      try {
        const ref = parseTicketButtonValue(action.value);
        if (!ref) throw new Error(`button ${actionId} carries no ticket`);
        const who = await ctx.people.identify(team, body.user.id, body.user.name ?? body.user.username);
        if (!who.ok) return tell(target, who.error.message);
        const ticket = await ctx.helpdesk.ticketByRef(ref.ref);
        if (!ticket.ok) return tell(target, ticket.error.message);
        const allowed = mayRate(who.value.id, ticket.value);
        if (!allowed.ok) return tell(target, allowed.error.message);
        await client.views.open({ trigger_id: body.trigger_id, view: buildRatingModal(ticket.value, rating satisfies Rating) });
      } catch (error) {
        await tell(target, ctx.errors.text(error, `button ${actionId}`, { slackUser: body.user.id }));
      }
    });
  }
}
