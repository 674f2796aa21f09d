import { actorOf } from '../../people.js';
import { parseRatingArgs, RATING_COMMENT, ratingThanks } from '../../render/rating.js';
import type { ModalHandler } from '../types.js';
import { fieldValue } from './fields.js';

/** The rating form: records the rating with its optional comment and thanks the requester privately. */
export const ratingModal: ModalHandler = {
  action: 'rate',
  async run(ctx, interaction, r, args) {
    const parsed = parseRatingArgs(args);
    if (!parsed) throw new Error('rating form without a ticket');
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'rate');
    const comment = fieldValue(interaction, RATING_COMMENT).trim();
    const rated = await ctx.helpdesk.rateTicket({ ticketId: parsed.ticketId, actorId: actor.value.id, rating: parsed.rating, ...(comment ? { comment } : {}) });
    if (!rated.ok) return r.fail(rated.error, 'rate');
    await r.send(ratingThanks(rated.value, parsed.rating));
  },
};
