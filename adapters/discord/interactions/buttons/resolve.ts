import { buildResolveModal } from '../../render/modals.js';
import type { ComponentHandler } from '../types.js';
import { loadForAction } from './shared.js';

/** Resolve: asks for the resolution note (the modal answers in modals/note.ts). */
export const resolveButton: ComponentHandler = {
  action: 'resolve',
  async run(ctx, interaction, r, [ticketId]) {
    // A modal must be the first answer, so the checks run before it opens (core checks again on submit);
    // when the store is slow (an election) the click is acknowledged in time and the person is asked to click again.
    r.ackSoon('update');
    const loaded = await loadForAction(ctx, interaction, ticketId);
    if (!loaded.ok) return r.fail(loaded.error, 'resolve');
    await r.modal(buildResolveModal(loaded.value.ticket));
  },
};
