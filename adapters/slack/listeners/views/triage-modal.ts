import type { ViewOutput, ViewSubmitAction, webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { DomainError, Ticket } from '../../../../core/index.js';
import { CALLBACKS, INPUTS, buildHandedOverCard, buildModeratorCard } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { inlineError, modalTicket, selectedOption, selectedOptions, textValue } from './state.js';

/**
 * The "Edit triage" modal: priority, category and skills go to
 * `correctTriage` as they are, which checks them and who may change them
 * (like `/triage`). A refusal shows under the field it is about and changes
 * nothing; after a change the moderator card is redrawn in place.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(CALLBACKS.triageModal, async ({ ack, body, view, client }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const ticket = modalTicket(view);
      if (!ticket) throw new Error('triage modal without a ticket');
      const who = await ctx.people.identify(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(INPUTS.priority.block, who.error.message)));
      const input = submitted(view);
      const result = await ctx.helpdesk.correctTriage({ ticketId: ticket.id, actorId: who.value.id, ...input });
      if (!result.ok) return void (await ack(inlineError(blockFor(result.error, input), result.error.message)));
      await ack();
      await redrawCards(ctx, client, result.value, who.value.id);
    } catch (error) {
      await ack(inlineError(INPUTS.priority.block, ctx.errors.text(error, 'triage modal', { slackUser: body.user.id })));
    }
  });
}

/** The form's values: the picked skills plus any typed under "Other skills". */
function submitted(view: ViewOutput): { priority: string; category: string; skills: string[]; typed: string[] } {
  const typed = textValue(view, INPUTS.otherSkills)
    .split(/[,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    priority: selectedOption(view, INPUTS.priority) ?? '',
    category: selectedOption(view, INPUTS.category) ?? '',
    skills: [...selectedOptions(view, INPUTS.skills), ...typed],
    typed,
  };
}

/** Which field a refusal belongs under; anything not about one field goes under the first. */
function blockFor(error: DomainError, input: { typed: readonly string[] }): string {
  if (error.code === 'INPUT.UNKNOWN_SKILL') return input.typed.length > 0 ? INPUTS.otherSkills.block : INPUTS.skills.block;
  if (error.code === 'INPUT.INVALID' && /categor/i.test(error.message)) return INPUTS.category.block;
  return INPUTS.priority.block;
}

/**
 * The assignee's card shows the new triage at once. When new skills moved
 * the ticket away from the person who changed them, their own card becomes
 * the handed-over card (core tells a previous moderator only when someone
 * else moved the ticket); the new moderator's card comes with the assignment.
 */
async function redrawCards(ctx: SlackContext, client: webApi.WebClient, changed: Ticket, actorId: string): Promise<void> {
  try {
    const view = await ctx.helpdesk.ticketCard(changed.id);
    if (!view.ok) return;
    const { ticket, requester, assignee } = view.value;
    if (ticket.assigneeId) {
      const card = await ctx.threads.card(ticket.id, 'moderator', ticket.assigneeId);
      const message = buildModeratorCard(ticket, requester);
      if (card) await client.chat.update({ channel: card.channel, ts: card.ts, text: message.text, blocks: message.blocks });
    }
    if (ticket.assigneeId !== actorId) {
      const own = await ctx.threads.card(ticket.id, 'moderator', actorId);
      const message = buildHandedOverCard(ticket, assignee);
      if (own) await client.chat.update({ channel: own.channel, ts: own.ts, text: message.text, blocks: message.blocks });
    }
  } catch (error) {
    // The change itself is saved; a card that could not be redrawn is logged, not shown as a failure.
    ctx.errors.text(error, 'triage card refresh', { ticketId: changed.id });
  }
}
