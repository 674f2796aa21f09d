import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { formatRef, type DomainError } from '../../../../core/index.js';
import { actorOf } from '../../people.js';
import { buildNoteModal, buildSavedReplyPicker, parsePageArgs, withClaimSettled } from '../../render/staff.js';
import { ticketPage } from '../ticket-page.js';
import type { ComponentHandler } from '../types.js';

/**
 * "Take it" on an admin's notice or a /tickets row: claims the ticket. The
 * message changes in place (that button now says who has the ticket); a
 * race loser is told privately who won, from the refusal's details.
 */
export const claimButtonHandler: ComponentHandler = {
  action: 'claim',
  async run(ctx, interaction, r, [ticketId, ref]) {
    r.ackSoon('update');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'take it');
    const claimed = await ctx.helpdesk.claimTicket({ ticketId: ticketId ?? '', actorId: actor.value.id });
    const lost = claimed.ok ? null : claimed.error;
    if (lost && lost.code !== 'TICKET.ALREADY_CLAIMED' && lost.code !== 'TICKET.ALREADY_RESOLVED') return r.fail(lost, 'take it');
    const shownRef = claimed.ok ? formatRef(claimed.value.ticket.ref) : `#${ref ?? '?'}`;
    const winner = winnerOf(lost);
    const label = !lost || winner?.id === actor.value.id ? `Yours: ${shownRef}` : lost.code === 'TICKET.ALREADY_RESOLVED' ? `${shownRef} is resolved` : `${shownRef}: taken by ${winner?.name ?? 'someone else'}`;
    const message = interaction.message;
    const rows = message.components.map((c) => c.toJSON()) as APIActionRowComponent<APIComponentInMessageActionRow>[];
    await r.update({
      ...(message.content ? { content: message.content } : {}),
      embeds: message.embeds.map((e) => e.toJSON() as APIEmbed),
      components: withClaimSettled(rows, interaction.customId, label),
    });
    await r.send({ content: lost ? lost.message : `${shownRef} is yours now; its card is in your DM. The requester has been told.` });
  },
};

/** The winner a lost race names (core puts them in the refusal's details). */
function winnerOf(error: DomainError | null): { id: string; name: string } | null {
  const id = error?.details?.['assigneeId'];
  const name = error?.details?.['assigneeName'];
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}

/** "Note…" on the moderator card: opens the internal-note form (who may add it is checked when it is sent). */
export const internalNoteButton: ComponentHandler = {
  action: 'inote',
  async run(ctx, _interaction, r, [ticketId]) {
    // A slow store acknowledges the click in time; the form then cannot follow and the person is asked to click again.
    r.ackSoon('update');
    const ticket = ticketId ? await ctx.helpdesk.ticketById(ticketId) : null;
    if (!ticket) return r.send({ content: 'This ticket no longer exists. Use /tickets to find it.' });
    await r.modal(buildNoteModal(ticket));
  },
};

/** "Reply with…" on the moderator card: the saved replies, privately, as a select. */
export const replyWithButton: ComponentHandler = {
  action: 'replywith',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'reply with');
    const ticket = ticketId ? await ctx.helpdesk.ticketById(ticketId) : null;
    if (!ticket) return r.send({ content: 'This ticket no longer exists. Use /tickets to find it.' });
    const replies = await ctx.helpdesk.listSavedReplies({ actorId: actor.value.id });
    if (!replies.ok) return r.fail(replies.error, 'reply with');
    await r.send(buildSavedReplyPicker(ticket, replies.value));
  },
};

/** The saved-reply select: sends the reply as the moderator; the picker becomes what was sent. */
export const savedReplySelect: ComponentHandler = {
  action: 'replypick',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon('update');
    const name = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '';
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'saved reply');
    const sent = await ctx.helpdesk.sendSavedReply({ ticketId: ticketId ?? '', actorId: actor.value.id, name });
    if (!sent.ok) return r.fail(sent.error, 'saved reply');
    await r.update({ content: `Sent “${name}” on ${formatRef(sent.value.ticket.ref)}:\n${sent.value.text}`, components: [] });
  },
};

/** Previous / Next under a /tickets page: the same filters, another page, in place. */
export const pageButton: ComponentHandler = {
  action: 'page',
  async run(ctx, interaction, r, args) {
    r.ackSoon('update');
    const parsed = parsePageArgs(args);
    if (!parsed) return r.send({ content: 'This page button is out of date. Run /tickets again.' });
    const viewer = await actorOf(ctx, interaction);
    if (!viewer.ok) return r.fail(viewer.error, 'tickets page');
    const shown = await ticketPage(ctx, viewer.value, parsed.state, parsed.page);
    if (!shown.ok) return r.fail(shown.error, 'tickets page');
    await r.update(shown.value);
  },
};
