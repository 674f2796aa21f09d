import type { ViewSubmitAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { CALLBACKS, INPUTS } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { inlineError, modalTicket, textValue } from './state.js';

/** The Resolve modal: the note goes to the requester; problems show under the note. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(CALLBACKS.resolveModal, async ({ ack, body, view }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const ticket = modalTicket(view);
      if (!ticket) throw new Error('resolve modal without a ticket');
      const who = await ctx.people.identify(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(INPUTS.note.block, who.error.message)));
      const result = await ctx.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: who.value.id, note: textValue(view, INPUTS.note) });
      if (!result.ok) return void (await ack(inlineError(INPUTS.note.block, result.error.message)));
      await ack();
    } catch (error) {
      await ack(inlineError(INPUTS.note.block, ctx.errors.text(error, 'resolve modal', { slackUser: body.user.id })));
    }
  });
}
