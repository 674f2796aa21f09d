import type { ViewSubmitAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { parseRatingMetadata, RATING } from '../../blocks/rating.js';
import type { SlackContext } from '../../context.js';
import { inlineError, textValue } from './state.js';

/** The rating modal: records the rating with its optional comment; problems show under the comment. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(RATING.modal, async ({ ack, body, view }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const meta = parseRatingMetadata(view.private_metadata);
      if (!meta) throw new Error('rating modal without a ticket');
      const who = await ctx.people.identify(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(RATING.comment.block, who.error.message)));
      const comment = textValue(view, RATING.comment);
      const result = await ctx.helpdesk.rateTicket({ ticketId: meta.id, actorId: who.value.id, rating: meta.rating, ...(comment ? { comment } : {}) });
      if (!result.ok) return void (await ack(inlineError(RATING.comment.block, result.error.message)));
      await ack();
    } catch (error) {
      await ack(inlineError(RATING.comment.block, ctx.errors.text(error, 'rating modal', { slackUser: body.user.id })));
    }
  });
}
