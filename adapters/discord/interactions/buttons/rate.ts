import { mayRate } from '../../../../core/index.js';
import { actorOf } from '../../people.js';
import { buildRatingModal, parseRatingArgs } from '../../render/rating.js';
import type { ComponentHandler } from '../types.js';

/**
 * 👍 / 👎 under the requester's "resolved" message: checks that the clicker
 * may rate (the requester, the ticket resolved) the way core will, then
 * opens the optional comment form as the first answer (a modal cannot
 * follow a deferral). Submitting the form records the rating; clicking
 * again later opens it again and changes the rating.
 */
export const rateButton: ComponentHandler = {
  action: 'rate',
  async run(ctx, interaction, r, args) {
    // A slow store (an election) acknowledges the click in time; the form then cannot follow and the person is asked to click again.
    r.ackSoon('update');
    const parsed = parseRatingArgs(args);
    if (!parsed) throw new Error('rating button without a ticket');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'rate');
    const ticket = await ctx.helpdesk.ticketByRef(parsed.ref);
    if (!ticket.ok) return r.fail(ticket.error, 'rate');
    const allowed = mayRate(actor.value.id, ticket.value);
    if (!allowed.ok) return r.fail(allowed.error, 'rate');
    await r.modal(buildRatingModal(ticket.value, parsed.rating));
  },
};
