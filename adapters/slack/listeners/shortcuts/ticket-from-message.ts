import type { MessageShortcut } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { CALLBACKS, buildTicketModal, type TicketModalMetadata } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { slackToPlain, splitTicketText } from '../../text.js';
import { ephemeral } from '../reply.js';

/**
 * The message shortcut: the ticket modal prefilled with the message, and a
 * link back to it. The modal opens first (the trigger id lives 3 s); the
 * permalink is fetched afterwards and added with views.update, which keeps
 * whatever the person has typed (same block and action ids). Without a
 * permalink (a channel the bot cannot see) the ticket is filed without it.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.shortcut<MessageShortcut>({ callback_id: CALLBACKS.messageShortcut, type: 'message_action' }, async ({ shortcut, ack, client, respond }) => {
    await ack();
    const text = slackToPlain(shortcut.message.text ?? '').trim();
    const prefill = { title: splitTicketText(text).title, description: text };
    const meta: TicketModalMetadata = { channelId: shortcut.channel.id, messageTs: shortcut.message.ts };
    let opened;
    try {
      opened = await client.views.open({ trigger_id: shortcut.trigger_id, view: buildTicketModal(meta, prefill) });
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, 'message shortcut', { slackUser: shortcut.user.id })));
      return;
    }
    try {
      const link = await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts });
      const view = opened.view;
      if (!link.permalink || !view?.id) return;
      await client.views.update({ view_id: view.id, ...(view.hash ? { hash: view.hash } : {}), view: buildTicketModal({ ...meta, messageLink: link.permalink }, prefill) });
    } catch (error) {
      ctx.logger.warn({ slackUser: shortcut.user.id, err: error instanceof Error ? error.message : String(error) }, 'could not add the message link to the ticket modal');
    }
  });
}
