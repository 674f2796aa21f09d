import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { INTAKE_ACTIONS, buildWithdrawnInThread } from '../../blocks/intake.js';
import { parseTicketButtonValue } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { originThread } from '../../origin-thread.js';
import { slackToPlain, splitTicketText } from '../../text.js';
import { ephemeral } from '../reply.js';

type ButtonBody = BlockAction<ButtonAction>;

/**
 * "Not a ticket" under a channel message's answer, and "File this as a
 * ticket" under a DM to the bot. Both acknowledge at once, drop double
 * clicks, and tell only the clicker when something is refused.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.action<ButtonBody>({ action_id: INTAKE_ACTIONS.withdraw, type: 'block_actions' }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const ticket = parseTicketButtonValue(action.value);
      if (!ticket) throw new Error('the Not a ticket button carries no ticket');
      if (!(await ctx.dedupe.claimOnce(`slack:click:${team}:${body.user.id}:withdraw:${ticket.id}`, ctx.clickDedupeMs, ctx.now()))) return;
      const who = await ctx.people.personId(team, body.user.id, body.user.name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const withdrawn = await ctx.helpdesk.withdrawTicket({ ticketId: ticket.id, actorId: who.value });
      if (!withdrawn.ok) return void (await respond(ephemeral(withdrawn.error.message)));
      const t = withdrawn.value;
      const thread = originThread(t);
      if (thread) await ctx.threads.markWithdrawn(thread);
      const done = buildWithdrawnInThread(t.ref, body.user.id);
      const container = body.container as { channel_id?: string; message_ts?: string };
      if (container.channel_id && container.message_ts) await client.chat.update({ channel: container.channel_id, ts: container.message_ts, text: done.text, blocks: done.blocks });
      // The moderator's card (if it reached them already) says so instead of offering buttons on a ticket that is gone.
      const card = t.assigneeId ? await ctx.threads.card(t.id, 'moderator', t.assigneeId) : null;
      if (card) await client.chat.update({ channel: card.channel, ts: card.ts, text: done.text, blocks: done.blocks });
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, 'not a ticket', { slackUser: body.user.id })));
    }
  });

  routes.action<ButtonBody>({ action_id: INTAKE_ACTIONS.fileFromDm, type: 'block_actions' }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    try {
      const ref = parseOffer(action.value);
      if (!ref) throw new Error('the File this button carries no message');
      if (!(await ctx.dedupe.claimOnce(`slack:click:${team}:${body.user.id}:file-dm:${ref.channel}:${ref.ts}`, ctx.clickDedupeMs, ctx.now()))) return;
      const text = slackToPlain((await ctx.threads.offer(ref)) ?? '').trim();
      if (text === '') return void (await respond(ephemeral('I no longer have that message. Use `/ticket` to file it.')));
      const requester = await ctx.people.requesterForFiling(team, body.user.id, body.user.name);
      if (!requester.ok) return void (await respond(ephemeral(requester.error.message)));
      const { title, description } = splitTicketText(text);
      const filed = await ctx.helpdesk.fileTicket({ requesterId: requester.value.id, title, description, origin: { platform: 'slack', channelId: ref.channel }, idempotencyKey: `slack:dm:${team}:${ref.channel}:${ref.ts}` });
      await requester.value.stored;
      if (!filed.ok) return void (await respond(ephemeral(filed.error.message)));
      const container = body.container as { channel_id?: string; message_ts?: string };
      const note = `Ticket #${filed.value.ticket.ref} filed — triaging… I'll keep you posted in its thread here.`;
      if (container.channel_id && container.message_ts) await client.chat.update({ channel: container.channel_id, ts: container.message_ts, text: note, blocks: [] });
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, 'file from DM', { slackUser: body.user.id })));
    }
  });
}

function parseOffer(value: string | undefined): { channel: string; ts: string } | null {
  try {
    const v = JSON.parse(value ?? '') as { c?: unknown; t?: unknown };
    return typeof v.c === 'string' && typeof v.t === 'string' ? { channel: v.c, ts: v.t } : null;
  } catch {
    return null;
  }
}
