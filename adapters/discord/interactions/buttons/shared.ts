import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import { Errors, fail, isOpen, ok, personRef, requireAssigneeOrAdmin, type Person, type Result, type Ticket } from '../../../../core/index.js';
import type { DiscordContext } from '../../context.js';
import { actorOf } from '../../people.js';
import { buildModeratorCard } from '../../render/cards.js';
import type { MessageBody } from '../../render/message.js';

/**
 * True the first time this person clicks this exact button rendering; a
 * double click (or two devices) gets false and is acknowledged silently.
 * Action buttons carry the ticket version, so after the card refreshes a
 * new click is a new action.
 */
export async function firstClick(ctx: DiscordContext, interaction: ButtonInteraction | StringSelectMenuInteraction, extra = ''): Promise<boolean> {
  const key = `discord:click:${interaction.message.id}:${interaction.customId}:${interaction.user.id}${extra ? `:${extra}` : ''}`;
  return ctx.store.claimOnce(key, ctx.clickDedupeMs, ctx.now());
}

/**
 * The person and the ticket for a moderator action, checked the way core
 * will check it (assignee or admin, ticket still open), so a button that
 * opens a form or a picker can explain a refusal before asking for input.
 */
export async function loadForAction(ctx: DiscordContext, interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction, ticketId: string | undefined): Promise<Result<{ actor: Person; ticket: Ticket }>> {
  const actor = await actorOf(ctx, interaction);
  if (!actor.ok) return actor;
  const ticket = ticketId ? await ctx.helpdesk.ticketById(ticketId) : null;
  if (!ticket) return Errors.ticketNotFound(ticketId ?? '?');
  const allowed = requireAssigneeOrAdmin(actor.value, ticket);
  if (!allowed.ok) return allowed;
  if (!isOpen(ticket)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${ticket.ref} is already resolved.`);
  return ok({ actor: actor.value, ticket });
}

/** The moderator card for a ticket as it is now. */
export async function currentCard(ctx: DiscordContext, ticket: Ticket): Promise<MessageBody> {
  const requester = await ctx.helpdesk.personById(ticket.requesterId);
  return buildModeratorCard(ticket, requester ? personRef(requester) : { id: ticket.requesterId, displayName: 'unknown requester', identities: [] });
}
