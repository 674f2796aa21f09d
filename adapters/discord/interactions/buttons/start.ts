import { actorOf } from '../../people.js';
import type { ComponentHandler } from '../types.js';
import { currentCard, firstClick } from './shared.js';

/** Start: the assignee (or an admin) starts work; the card updates in place. */
export const startButton: ComponentHandler = {
  action: 'start',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon('update');
    if (!(await firstClick(ctx, interaction))) return r.deferUpdate();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'start');
    const started = await ctx.helpdesk.startTicket({ ticketId: ticketId ?? '', actorId: actor.value.id });
    if (!started.ok) return r.fail(started.error, 'start');
    await r.update(await currentCard(ctx, started.value));
  },
};
