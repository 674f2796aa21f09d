import { actorOf } from '../../people.js';
import type { ComponentHandler } from '../types.js';
import { currentCard, firstClick } from './shared.js';

/**
 * Reopen, from the requester's "resolved" message (its button loses its
 * purpose and is removed) or from a resolved moderator card (which shows
 * its buttons again).
 */
export const reopenButton: ComponentHandler = {
  action: 'reopen',
  async run(ctx, interaction, r, [ticketId, , from]) {
    r.ackSoon('update');
    if (!(await firstClick(ctx, interaction))) return r.deferUpdate();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'reopen');
    const reopened = await ctx.helpdesk.reopenTicket({ ticketId: ticketId ?? '', actorId: actor.value.id });
    if (!reopened.ok) return r.fail(reopened.error, 'reopen');
    if (from === 'requester') {
      const m = interaction.message;
      await r.update({ content: `${m.content}\nReopened; the moderator has been told.`, embeds: m.embeds.map((e) => e.toJSON()), components: [] });
    } else {
      await r.update(await currentCard(ctx, reopened.value));
    }
  },
};
