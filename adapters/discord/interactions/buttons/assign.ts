import { formatRef, personRef, type Person, type Ticket } from '../../../../core/index.js';
import type { DiscordContext } from '../../context.js';
import { actorOf } from '../../people.js';
import { buildModeratorCard } from '../../render/cards.js';
import type { ComponentHandler } from '../types.js';
import { firstClick } from './shared.js';

/** The reassign picker's choice: a person id, or `auto` for the assignment policy. */
export const assignSelect: ComponentHandler = {
  action: 'assign',
  async run(ctx, interaction, r, [ticketId]) {
    r.ackSoon('update');
    const choice = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '';
    if (!(await firstClick(ctx, interaction, choice))) return r.deferUpdate();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, 'assign');
    const moved = await ctx.helpdesk.reassignTicket({ ticketId: ticketId ?? '', actorId: actor.value.id, to: choice === 'auto' || choice === '' ? null : choice });
    if (!moved.ok) return r.fail(moved.error, 'assign');
    const t = moved.value;
    const who = t.assigneeId ? ((await ctx.helpdesk.personById(t.assigneeId))?.displayName ?? 'someone') : null;
    await r.update({ content: who ? `Done: ${formatRef(t.ref)} is now with **${who}**.` : `Done: ${formatRef(t.ref)} is waiting in the unassigned queue.`, components: [] });
    if (t.assigneeId !== actor.value.id) await retireOwnCard(ctx, t, actor.value);
  },
};

/**
 * Core tells a previous assignee about a reassignment only when someone
 * else made it; when they handed the ticket on themselves, their own card
 * loses its buttons here.
 */
async function retireOwnCard(ctx: DiscordContext, ticket: Ticket, actor: Person): Promise<void> {
  try {
    const card = await ctx.cards.card(ticket.id, actor.id);
    if (!card) return;
    const requester = await ctx.helpdesk.personById(ticket.requesterId);
    const ref = requester ? personRef(requester) : { id: ticket.requesterId, displayName: 'unknown requester', identities: [] };
    await ctx.dms.edit(card, buildModeratorCard(ticket, ref, { mode: 'former' }));
  } catch (error) {
    ctx.logger.warn({ err: error, ticketId: ticket.id }, 'could not retire the previous card');
  }
}
