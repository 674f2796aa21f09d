import { COMMANDS } from '../../commands.js';
import { displayNameOf } from '../../identity.js';
import { buildTicketModal } from '../../render/modals.js';
import { messageToTicket } from '../../text.js';
import type { MessageMenuHandler } from '../types.js';

/**
 * Message menu → "Create ticket": the form, prefilled with the message's
 * text, attachments and author. The message itself is linked from the
 * ticket when the form is sent (its ids travel in the modal's custom id).
 * Discord includes the content of the message a menu command is used on
 * without the privileged Message Content intent.
 */
export const createTicketMenu: MessageMenuHandler = {
  name: COMMANDS.createTicket,
  async run(_ctx, interaction, r) {
    const message = interaction.targetMessage;
    const draft = messageToTicket(message.content, [...message.attachments.values()].map((a) => a.url), displayNameOf(message.author));
    return r.modal(buildTicketModal({ ...draft, source: { channelId: interaction.channelId, messageId: message.id } }));
  },
};
