import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { ACTIONS, buildTicketModal } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { tell } from '../reply.js';

/** The App Home's "File a ticket" button opens the same modal as `/ticket`. */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.action<BlockAction<ButtonAction>>({ action_id: ACTIONS.homeFile, type: 'block_actions' }, async ({ ack, body, client }) => {
    await ack();
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: buildTicketModal({}) });
    } catch (error) {
      await tell({ client, userId: body.user.id }, ctx.errors.text(error, 'home file button', { slackUser: body.user.id }));
    }
  });
}
