import { actorOf } from '../../people.js';
import { buildModeratorCard } from '../../render/cards.js';
import { TRIAGE_FIELDS } from '../../render/triage-modal.js';
import { personText } from '../../render/user-text.js';
import type { ModalHandler } from '../types.js';
import { fieldValue, fieldValues } from './fields.js';

/**
 * The "Edit triage" form: the values go to `correctTriage` as they are,
 * which checks them and who may change the ticket (like `/triage`). A
 * refusal is one private sentence and changes nothing; after a change the
 * card the button sat on shows the new triage, or that the ticket moved to
 * someone who holds the new skills.
 */
export const triageModal: ModalHandler = {
  action: 'triage',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon('update');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'edit triage');
    const typed = fieldValue(interaction, TRIAGE_FIELDS.otherSkills)
      .split(/[,\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const changed = await ctx.helpdesk.correctTriage({
      ticketId: ticketId ?? '',
      actorId: actor.value.id,
      priority: fieldValue(interaction, TRIAGE_FIELDS.priority),
      category: fieldValue(interaction, TRIAGE_FIELDS.category),
      skills: [...fieldValues(interaction, TRIAGE_FIELDS.skills), ...typed],
    });
    if (!changed.ok) return r.fail(changed.error, 'edit triage');
    const view = await ctx.helpdesk.ticketCard(changed.value.id);
    if (!view.ok) return r.fail(view.error, 'edit triage');
    const { ticket, requester, assignee } = view.value;
    const from = requester ?? { id: ticket.requesterId, displayName: 'unknown requester', identities: [] };
    if (ticket.assigneeId === actor.value.id) return r.update(buildModeratorCard(ticket, from));
    // New skills moved the ticket on (or an admin edited from a card of their own): this card is no longer theirs to act on.
    const headline = assignee ? `Triage changed; #${ticket.ref} is now with ${personText(assignee)}.` : `Triage changed; #${ticket.ref} is waiting for a moderator.`;
    await r.update(buildModeratorCard(ticket, from, { mode: 'former', headline }));
  },
};
