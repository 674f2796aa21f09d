import { messageLink } from '../../identity.js';
import { FIELDS } from '../../render/modals.js';
import { fileAndConfirm, urgencyOf } from '../filing.js';
import type { ModalHandler } from '../types.js';
import { fieldValue } from './fields.js';

/** The new-ticket form; from the message menu it also links the message. */
export const ticketModal: ModalHandler = {
  action: 'file',
  async run(ctx, interaction, r, [channelId, messageId]) {
    const link = channelId && messageId ? messageLink(interaction.guildId, channelId, messageId) : undefined;
    let description = fieldValue(interaction, FIELDS.description);
    if (link && !description.includes(link)) description = `${description}\n\nOriginal message: ${link}`.trim();
    const urgency = urgencyOf(fieldValue(interaction, FIELDS.urgency));
    return fileAndConfirm(ctx, interaction, r, {
      title: fieldValue(interaction, FIELDS.title),
      description,
      ...(urgency ? { urgency } : {}),
      ...(link ? { messageLink: link } : {}),
    });
  },
};
