/**
 * Request bodies shaped as Slack sends them, with only the fields the app
 * reads plus the usual envelope. Ids are deterministic per call site.
 */
let seq = 0;
const next = () => ++seq;

export interface Actor {
  readonly team: string;
  readonly user: string;
  readonly name: string;
}

export function slashCommand(actor: Actor, command: string, text: string, responseUrl: string, triggerId = `trig-${next()}`): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: actor.team,
    team_domain: 'fake',
    channel_id: 'C-GENERAL',
    channel_name: 'general',
    user_id: actor.user,
    user_name: actor.name,
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

/** A button click in a message (a card in the bot's DM). */
export function buttonClick(actor: Actor, options: { actionId: string; value: string; channel: string; messageTs: string; responseUrl: string }): Record<string, unknown> {
  const n = next();
  return {
    type: 'block_actions',
    user: { id: actor.user, username: actor.name, name: actor.name, team_id: actor.team },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: `trig-${n}`,
    team: { id: actor.team, domain: 'fake' },
    channel: { id: options.channel, name: 'directmessage' },
    message: { type: 'message', ts: options.messageTs, text: 'card' },
    response_url: options.responseUrl,
    actions: [{ type: 'button', action_id: options.actionId, block_id: 'ticket', value: options.value, action_ts: `${1700000000 + n}.000001`, text: { type: 'plain_text', text: 'x' } }],
  };
}

/** A modal submission; `values` maps block id → action id → state value. */
export function viewSubmission(
  actor: Actor,
  options: { callbackId: string; viewId?: string; privateMetadata?: string; values: Record<string, Record<string, Record<string, unknown>>> },
): Record<string, unknown> {
  const n = next();
  return {
    type: 'view_submission',
    team: { id: actor.team, domain: 'fake' },
    user: { id: actor.user, username: actor.name, name: actor.name, team_id: actor.team },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    trigger_id: `trig-${n}`,
    view: {
      id: options.viewId ?? `V-SUBMIT-${n}`,
      team_id: actor.team,
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? '',
      state: { values: options.values },
      hash: `h-${n}`,
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
      close: null,
      submit: null,
      app_id: 'A1',
      bot_id: 'BBOT',
      root_view_id: null,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  };
}

export function messageShortcut(actor: Actor, options: { channel: string; messageTs: string; text: string; responseUrl: string }): Record<string, unknown> {
  const n = next();
  return {
    type: 'message_action',
    callback_id: 'ticket_from_message',
    trigger_id: `trig-${n}`,
    action_ts: `${1700000000 + n}.000002`,
    team: { id: actor.team, domain: 'fake' },
    user: { id: actor.user, name: actor.name, team_id: actor.team },
    channel: { id: options.channel, name: 'general' },
    message: { type: 'message', user: 'UOTHER', ts: options.messageTs, text: options.text },
    response_url: options.responseUrl,
    token: 'verification-token-unused',
  };
}

/** An Events API envelope. */
export function eventEnvelope(team: string, event: Record<string, unknown>, eventId = `Ev${next()}`): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A1',
    event: { event_ts: `${1700000000 + next()}.000003`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A person's message in a thread of their DM with the bot. */
export function dmReply(actor: Actor, channel: string, threadTs: string, text: string): Record<string, unknown> {
  return { type: 'message', channel, channel_type: 'im', user: actor.user, text, ts: `${1700000100 + next()}.000004`, thread_ts: threadTs };
}

/** A person's message in a channel (message.channels), top-level unless `threadTs` is given. */
export function channelPost(actor: Actor, channel: string, text: string, options: { ts?: string; threadTs?: string; subtype?: string; botId?: string } = {}): Record<string, unknown> {
  const ts = options.ts ?? `${1700000200 + next()}.000005`;
  return {
    type: 'message',
    channel,
    channel_type: 'channel',
    user: actor.user,
    text,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...(options.subtype ? { subtype: options.subtype } : {}),
    ...(options.botId ? { bot_id: options.botId } : {}),
  };
}

/** A reaction on a message (reaction_added). */
export function reactionAdded(actor: Actor, channel: string, ts: string, reaction: string, itemUser: string): Record<string, unknown> {
  return { type: 'reaction_added', user: actor.user, reaction, item_user: itemUser, item: { type: 'message', channel, ts } };
}
