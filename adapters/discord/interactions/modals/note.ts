import { actorOf } from '../../people.js';
import { FIELDS } from '../../render/modals.js';
import { currentCard } from '../buttons/shared.js';
import type { ModalHandler } from '../types.js';
import { fieldValue } from './fields.js';

/** The resolution note from the Resolve button: resolves, then shows the card as it is now. */
export const noteModal: ModalHandler = {
  action: 'note',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon('update');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'resolve');
    const resolved = await ctx.helpdesk.resolveTicket({ ticketId: ticketId ?? '', actorId: actor.value.id, note: fieldValue(interaction, FIELDS.note) });
    if (!resolved.ok) return r.fail(resolved.error, 'resolve');
    await r.update(await currentCard(ctx, resolved.value));
  },
};
