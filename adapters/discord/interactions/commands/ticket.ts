import { splitTicketText } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { buildTicketModal } from '../../render/modals.js';
import { fileAndConfirm, urgencyOf } from '../filing.js';
import type { CommandHandler } from '../types.js';

/** `/ticket` opens the form; `/ticket text:…` files at once. */
export const ticketCommand: CommandHandler = {
  name: COMMANDS.ticket,
  async run(ctx, interaction, r) {
    const text = interaction.options.getString('text');
    const urgency = urgencyOf(interaction.options.getString('urgency'));
    if (!text || text.trim() === '') return r.modal(buildTicketModal(urgency ? { urgency } : {}));
    const { title, description } = splitTicketText(text);
    return fileAndConfirm(ctx, interaction, r, { title, description, ...(urgency ? { urgency } : {}) });
  },
};
