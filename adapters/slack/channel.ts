import { webApi } from '@slack/bolt';
import type { DeliveryOutcome, Logger, Notification, NotificationChannel, Person, Ticket } from '../../core/index.js';
import { buildAdminAlert, buildHandedOverCard, buildModeratorCard, buildRequesterCard, buildThreadReply, type SlackMessage } from './blocks/index.js';
import { slackUserId } from './identity.js';
import { deliverInOriginThread } from './origin-thread.js';
import type { MessageRef, ThreadIndex, ThreadRole } from './threads.js';

type WebClient = webApi.WebClient;

/**
 * Slack errors that no retry will fix for this person: the notifier should
 * try their next channel (email) instead. The token errors mean the whole
 * Slack channel is broken; falling back still reaches the person, and they
 * are logged as errors for an admin to fix.
 */
export const PERMANENT_SLACK_ERRORS = new Set([
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'account_inactive',
  'not_in_channel',
  'is_archived',
  'channel_not_found',
  'messages_tab_disabled',
  'restricted_action',
  'team_access_not_granted',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'token_revoked',
]);
const CONFIG_ERRORS = new Set(['missing_scope', 'not_authed', 'invalid_auth', 'token_revoked', 'team_access_not_granted']);
/** Requester news that changes what their card shows (status, priority, category, summary, resolution). */
const CARD_CHANGES = new Set<Notification['kind']>(['ticket.triaged', 'ticket.started', 'ticket.resolved', 'ticket.reopened']);
/** chat.update on a card that was deleted: post a fresh one instead. */
const GONE_MESSAGE_ERRORS = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/** The `error` code of a Slack platform error, or null for anything else (HTTP, network, rate limit). */
export function slackErrorCode(error: unknown): string | null {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  return e?.code === webApi.ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : null;
}

/**
 * Delivers notifications as Slack DMs. The requester's card and the
 * moderator's card are thread roots; later news is posted in the thread and
 * the cards are updated in place. It uses its own Web API client, so a rate
 * limit on DMs (whose Retry-After pauses that client's queue) never delays
 * modals and acknowledgements. Transient failures are thrown so the
 * workflow step retries; permanent ones return `unreachable`.
 */
export class SlackChannel implements NotificationChannel {
  readonly name = 'slack';
  readonly kind = 'chat' as const;

  constructor(
    private readonly client: WebClient,
    private readonly threads: ThreadIndex,
    private readonly logger: Logger,
  ) {}

  canReach(person: Person): boolean {
    return slackUserId(person.identities) !== null;
  }

  async deliver(person: Person, notification: Notification): Promise<DeliveryOutcome> {
    const user = slackUserId(person.identities);
    if (!user) return { status: 'unreachable', reason: 'no Slack identity' };
    try {
      // A ticket filed from a channel message talks to its requester in that message's thread, not by DM.
      if (await deliverInOriginThread(this.client, person, notification, slackErrorCode)) return { status: 'delivered' };
      const channel = await this.dmChannel(user);
      await this.send(person, channel, notification);
      return { status: 'delivered' };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === null || !PERMANENT_SLACK_ERRORS.has(code)) throw error;
      const log = { personId: person.id, kind: notification.kind, ticketRef: notification.ticket.ref, slackError: code };
      if (CONFIG_ERRORS.has(code)) this.logger.error(log, 'Slack rejected the bot token or its scopes; check SLACK_BOT_TOKEN and the app manifest');
      return { status: 'unreachable', reason: `slack: ${code}` };
    }
  }

  private async dmChannel(user: string): Promise<string> {
    const known = await this.threads.dmChannel(user);
    if (known) return known;
    const opened = await this.client.conversations.open({ users: user, return_im: false });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    await this.threads.rememberDmChannel(user, id);
    return id;
  }

  private async send(person: Person, channel: string, n: Notification): Promise<void> {
    const t = n.ticket;
    switch (n.kind) {
      case 'ticket.needs-assignee':
        await this.post(channel, buildAdminAlert(t, 'Needs an assignee', n.reason));
        return;
      case 'sla.escalated':
        await this.post(channel, buildAdminAlert(t, 'Escalated', n.reason));
        return;
      case 'ticket.filed':
        await this.upsertCard(person, channel, t, 'requester', buildRequesterCard(t));
        return;
      case 'ticket.card':
        await this.upsertCard(person, channel, t, 'moderator', buildModeratorCard(t, n.requester));
        return;
      case 'ticket.assignment': {
        const existed = await this.upsertCard(person, channel, t, 'moderator', buildModeratorCard(t, n.requester));
        // Assigned again after a reassignment: the refreshed card is far up the DM, so say it in its thread too.
        if (existed) await this.reply(person, channel, t, 'moderator', n, true);
        return;
      }
      case 'ticket.unassigned-from': {
        const card = await this.threads.card(t.id, 'moderator', person.id);
        if (card) await this.update(card, buildHandedOverCard(t, n.to));
        await this.reply(person, channel, t, 'moderator', n, false);
        return;
      }
      default: {
        const role: ThreadRole = n.audience === 'requester' ? 'requester' : 'moderator';
        if (role === 'requester' && CARD_CHANGES.has(n.kind)) {
          // Keep the requester's card showing the current status; this also creates the thread if it is missing.
          await this.upsertCard(person, channel, t, 'requester', buildRequesterCard(t));
        }
        await this.reply(person, channel, t, role, n, n.kind === 'ticket.resolved' || n.kind === 'sla.reminder');
      }
    }
  }

  /** Updates the person's card for the ticket, or posts it as a new thread root. Returns whether it existed. */
  private async upsertCard(person: Person, channel: string, ticket: Ticket, role: ThreadRole, message: SlackMessage): Promise<boolean> {
    const card = await this.threads.card(ticket.id, role, person.id);
    if (card && (await this.update(card, message))) return true;
    const posted = await this.post(channel, message);
    await this.threads.rememberCard({ ticketId: ticket.id, role, personId: person.id }, posted);
    return false;
  }

  /**
   * Posts a notification in the person's ticket thread. Without a thread
   * (a ticket filed elsewhere), the reply itself becomes the thread root,
   * so the person can still answer in a thread that reaches the ticket.
   */
  private async reply(person: Person, channel: string, ticket: Ticket, role: ThreadRole, n: Notification, broadcast: boolean): Promise<void> {
    const message = buildThreadReply(n);
    if (!message) return;
    const thread = await this.threads.card(ticket.id, role, person.id);
    if (!thread) {
      const posted = await this.post(channel, message);
      await this.threads.rememberCard({ ticketId: ticket.id, role, personId: person.id }, posted);
      return;
    }
    await this.post(thread.channel, message, { threadTs: thread.ts, broadcast });
  }

  private async post(channel: string, message: SlackMessage, thread?: { threadTs: string; broadcast: boolean }): Promise<MessageRef> {
    const base = { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
    const result = thread
      ? await this.client.chat.postMessage({ ...base, thread_ts: thread.threadTs, reply_broadcast: thread.broadcast })
      : await this.client.chat.postMessage(base);
    if (!result.ts) throw new Error('chat.postMessage returned no ts');
    return { channel: result.channel ?? channel, ts: result.ts };
  }

  /** Updates a card in place; false when the message is gone and a new one should be posted. */
  private async update(card: MessageRef, message: SlackMessage): Promise<boolean> {
    try {
      await this.client.chat.update({ channel: card.channel, ts: card.ts, text: message.text, blocks: message.blocks });
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== null && GONE_MESSAGE_ERRORS.has(code)) return false;
      throw error;
    }
  }
}
