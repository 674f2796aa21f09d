import { FIELDS } from '../../render/modals.js';
import { deskLabel } from '../../render/panel.js';
import { fileAndConfirm, urgencyOf } from '../filing.js';
import type { ModalHandler } from '../types.js';
import { fieldValue } from './fields.js';

/**
 * The ticket form opened from a panel's desk choice. The desk is written
 * into the description ("Desk: HR"), where staff and triage read it;
 * routing stays triage's decision.
 */
export const panelModal: ModalHandler = {
  action: 'panel',
  async run(ctx, interaction, r, [deskId]) {
    const desk = deskId ? `Desk: ${deskLabel(deskId)}` : '';
    const description = [fieldValue(interaction, FIELDS.description).trim(), desk].filter(Boolean).join('\n\n');
    const urgency = urgencyOf(fieldValue(interaction, FIELDS.urgency));
    return fileAndConfirm(ctx, interaction, r, { title: fieldValue(interaction, FIELDS.title), description, ...(urgency ? { urgency } : {}) });
  },
};
