import { actorOf } from '../../people.js';
import { buildTriageModal } from '../../render/triage-modal.js';
import type { ComponentHandler } from '../types.js';

/**
 * Edit triage: opens the form prefilled with the ticket's priority,
 * category and skills (the modal answers in modals/triage.ts). A modal must
 * be the first answer, so who may change the ticket is checked before it
 * opens; core checks again on submit.
 */
export const editTriageButton: ComponentHandler = {
  action: 'triage',
  async run(ctx, interaction, r, [ticketId]) {
    // A slow store (an election) acknowledges the click in time; the form then cannot follow and the person is asked to click again.
    r.ackSoon('update');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'edit triage');
    const form = await ctx.helpdesk.triageForm({ ticketId: ticketId ?? '', actorId: actor.value.id });
    if (!form.ok) return r.fail(form.error, 'edit triage');
    await r.modal(buildTriageModal(form.value));
  },
};
