import { domainError } from '../../../../core/index.js';
import { DISCORD_PLATFORM, displayNameOf, messageLink } from '../../identity.js';
import { actorOf } from '../../people.js';
import { buildDmOfferDone } from '../../render/panel.js';
import { messageToTicket } from '../../text.js';
import type { ComponentHandler } from '../types.js';

/**
 * "File this as a ticket" under a DM to the bot: files the DM's text
 * (title from its first line) for its author, and turns the offer into
 * "Filed as #12". The DM's id is the idempotency key, so a double click,
 * a re-delivered click or a click in another process files it once.
 */
export const dmFileButton: ComponentHandler = {
  action: 'dmfile',
  async run(ctx, interaction, r, [messageId]) {
    r.ackSoon('update');
    const offer = messageId ? await ctx.cards.offer(messageId) : null;
    if (!offer) return r.fail(domainError('INPUT.INVALID', 'I no longer have that message. Send it again, or use /ticket.'), 'dm file');
    if (offer.authorId !== interaction.user.id) return r.fail(domainError('AUTH.NOT_PARTICIPANT', 'Only the person who wrote the message can file it.'), 'dm file');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'dm file');
    const draft = messageToTicket(offer.content, offer.attachments, displayNameOf(interaction.user));
    const filed = await ctx.helpdesk.fileTicket({
      requesterId: actor.value.id,
      title: draft.title,
      description: draft.description,
      origin: { platform: DISCORD_PLATFORM, channelId: offer.channelId, messageLink: messageLink(null, offer.channelId, messageId ?? '') },
      idempotencyKey: `discord:dm:${messageId ?? ''}`,
    });
    if (!filed.ok) return r.fail(filed.error, 'dm file');
    await r.update(buildDmOfferDone(filed.value.ticket));
  },
};
