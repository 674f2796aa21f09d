import { buildReassignPicker } from '../../render/lists.js';
import type { ComponentHandler } from '../types.js';
import { loadForAction } from './shared.js';

/** Reassign: a private picker of staff plus "automatically" (answered in buttons/assign.ts). */
export const reassignButton: ComponentHandler = {
  action: 'reassign',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon();
    const loaded = await loadForAction(ctx, interaction, ticketId);
    if (!loaded.ok) return r.fail(loaded.error, 'reassign');
    const staff = await ctx.helpdesk.staff();
    await r.send(buildReassignPicker(loaded.value.ticket, staff));
  },
};
