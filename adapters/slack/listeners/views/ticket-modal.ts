import type { ViewSubmitAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { ErrorCode, Priority } from '../../../../core/index.js';
import { CALLBACKS, INPUTS, decodeMetadata } from '../../blocks/index.js';
import { plain, section, LIMITS } from '../../blocks/limits.js';
import type { SlackContext } from '../../context.js';
import { inlineError, selectedOption, textValue } from './state.js';

/** Where each domain error belongs in the form. */
const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  'INPUT.TITLE_EMPTY': INPUTS.title.block,
  'INPUT.TITLE_TOO_LONG': INPUTS.title.block,
  'INPUT.DESCRIPTION_TOO_LONG': INPUTS.description.block,
};

/**
 * The ticket modal (from `/ticket`, the App Home or the message shortcut).
 * The ticket is stored before the modal closes, and any problem (empty
 * title, filing limit) is shown inline on the form. The modal's view id is
 * the idempotency key, so a repeated submission files once.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.view<ViewSubmitAction>(CALLBACKS.ticketModal, async ({ ack, body, view }) => {
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const who = await ctx.people.personId(team, body.user.id, body.user.name);
      if (!who.ok) return void (await ack(inlineError(INPUTS.title.block, who.error.message)));
      const meta = decodeMetadata(view.private_metadata);
      const urgency = selectedOption(view, INPUTS.urgency) as Priority | null;
      const system = textValue(view, INPUTS.system).trim();
      const filed = await ctx.helpdesk.fileTicket({
        requesterId: who.value,
        title: textValue(view, INPUTS.title),
        description: textValue(view, INPUTS.description),
        origin: {
          platform: 'slack',
          ...(meta.channelId ? { channelId: meta.channelId } : {}),
          ...(meta.messageLink ? { messageLink: meta.messageLink } : {}),
        },
        ...(urgency === 'LOW' || urgency === 'MEDIUM' || urgency === 'HIGH' ? { urgency } : {}),
        ...(system ? { affectedSystem: system } : {}),
        idempotencyKey: `slack:${team}:view:${view.id}`,
      });
      if (!filed.ok) return void (await ack(inlineError(FIELD_OF[filed.error.code] ?? INPUTS.title.block, filed.error.message)));
      const ref = filed.value.ticket.ref;
      await ack({
        response_action: 'update',
        view: {
          type: 'modal',
          title: plain('Ticket filed', LIMITS.modalTitle),
          close: plain('Done', LIMITS.modalButton),
          blocks: [section(`:white_check_mark: Ticket *#${ref}* filed — triaging… I'll keep you posted in a DM.`)],
        },
      });
    } catch (error) {
      await ack(inlineError(INPUTS.title.block, ctx.errors.text(error, 'ticket modal', { slackUser: body.user.id })));
    }
  });
}
