import { formatRef } from '../../../../core/index.js';
import { actorOf } from '../../people.js';
import { NOTE_FIELD } from '../../render/staff.js';
import type { ModalHandler } from '../types.js';
import { fieldValue } from './fields.js';

/**
 * The "Note…" form: an internal note through `addNote`; a refusal (not
 * your ticket, empty, too long) is shown privately and nothing changes.
 * The note reaches the card through its workflow, "Internal note from …".
 */
export const internalNoteModal: ModalHandler = {
  action: 'inote',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'note');
    const noted = await ctx.helpdesk.addNote({ ticketId: ticketId ?? '', actorId: actor.value.id, text: fieldValue(interaction, NOTE_FIELD) });
    if (!noted.ok) return r.fail(noted.error, 'note');
    await r.send({ content: `Internal note added to ${formatRef(noted.value.ref)}; the requester does not see it.` });
  },
};
