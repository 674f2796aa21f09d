import type { ViewSubmitAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { CALLBACKS, INPUTS } from '../../blocks/ids.js';
import type { SlackContext } from '../../context.js';
import { inlineError, modalTicket, textValue } from './state.js';

/**
 * The "Note…" modal: an internal note through `addNote`; a refusal (not
 * your ticket, empty, too long) shows under the field. The note itself
 * reaches the card thread through its workflow, "Internal note from …".
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(CALLBACKS.noteModal, async ({ ack, body, view }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    const block = INPUTS.internalNote.block;
    try {
      const ticket = modalTicket(view);
      if (!ticket) throw new Error('note modal without a ticket');
      const who = await ctx.people.identify(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(block, who.error.message)));
      const noted = await ctx.helpdesk.addNote({ ticketId: ticket.id, actorId: who.value.id, text: textValue(view, INPUTS.internalNote) });
      if (!noted.ok) return void (await ack(inlineError(block, noted.error.message)));
      await ack();
    } catch (error) {
      await ack(inlineError(block, ctx.errors.text(error, 'note modal', { slackUser: body.user.id })));
    }
  });
}
