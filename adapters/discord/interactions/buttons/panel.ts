import { buildTicketModal } from '../../render/modals.js';
import { panelDesks } from '../../render/panel.js';
import type { ComponentHandler } from '../types.js';

/**
 * A ticket panel's button or desk select: opens the ticket form, naming
 * the desk when one was chosen. Nothing is stored and nothing is
 * deduplicated here: every click is a new form for whoever clicked
 * (filing dedupes by the form's interaction id, as `/ticket` does).
 * A desk the catalog no longer has opens the plain form.
 */
export const panelButton: ComponentHandler = {
  action: 'panel',
  async run(ctx, interaction, r, [kind]) {
    const chosen = kind === 'desk' && interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    const desk = chosen ? panelDesks(ctx.helpdesk.skillDefinitions()).find((d) => d.id === chosen) : undefined;
    return r.modal(buildTicketModal(desk ? { desk: { id: desk.id, label: desk.label } } : {}));
  },
};
