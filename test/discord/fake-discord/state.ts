import { snowflake } from './snowflake.js';
import type { FakeChannel, FakeGuild, FakeUser, InteractionRecord, Json } from './types.js';

/** Everything the fake Discord knows: people, servers, channels, messages, commands and interactions. */
export class FakeState {
  readonly token = 'fake-bot-token';
  readonly applicationId = snowflake();
  readonly bot: FakeUser = { id: this.applicationId, username: 'helpdesk', global_name: 'Helpdesk', discriminator: '0', avatar: null, bot: true };
  readonly users = new Map<string, FakeUser>([[this.bot.id, this.bot]]);
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, Json>();
  /** Users whose DMs are closed: sending to them fails with 50007. */
  readonly closedDms = new Set<string>();
  readonly globalCommands: Json[] = [];
  readonly guildCommands = new Map<string, Json[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly byToken = new Map<string, string>();
  /** nonce → message id, for `enforce_nonce`. */
  readonly nonces = new Map<string, string>();

  addUser(username: string, options: { bot?: boolean; globalName?: string } = {}): FakeUser {
    const user: FakeUser = { id: snowflake(), username, global_name: options.globalName ?? username, discriminator: '0', avatar: null, ...(options.bot ? { bot: true } : {}) };
    this.users.set(user.id, user);
    return user;
  }

  addGuild(name: string, roleNames: readonly string[] = []): FakeGuild {
    const id = snowflake();
    const guild: FakeGuild = {
      id,
      name,
      channelId: snowflake(),
      roles: [{ id, name: '@everyone' }, ...roleNames.map((n) => ({ id: snowflake(), name: n }))],
      members: new Map([[this.bot.id, []]]),
    };
    this.guilds.set(id, guild);
    this.channels.set(guild.channelId, { id: guild.channelId, type: 0, guildId: id });
    return guild;
  }

  addMember(guild: FakeGuild, user: FakeUser, roleNames: readonly string[] = []): void {
    guild.members.set(user.id, guild.roles.filter((r) => roleNames.includes(r.name)).map((r) => r.id));
  }

  /** The DM channel between the bot and a user, created on first use like Discord's. */
  dmChannel(userId: string): FakeChannel {
    for (const c of this.channels.values()) if (c.type === 1 && c.recipientId === userId) return c;
    const channel: FakeChannel = { id: snowflake(), type: 1, recipientId: userId };
    this.channels.set(channel.id, channel);
    return channel;
  }

  userJson(user: FakeUser): Json {
    return { ...user, public_flags: 0, flags: 0, banner: null, accent_color: null, avatar_decoration_data: null };
  }

  /** A private thread in a server channel, as `POST /channels/{id}/threads` with type 12 makes it; the bot is its first member. */
  addThread(parent: FakeChannel, name: string, invitable: boolean): FakeChannel {
    const channel: FakeChannel = { id: snowflake(), type: 12, guildId: parent.guildId ?? '', parentId: parent.id, name, invitable, members: new Set([this.bot.id]) };
    this.channels.set(channel.id, channel);
    return channel;
  }

  channelJson(channel: FakeChannel): Json {
    if (channel.type === 12) {
      return {
        id: channel.id,
        type: 12,
        guild_id: channel.guildId,
        parent_id: channel.parentId,
        name: channel.name,
        owner_id: this.bot.id,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: channel.members?.size ?? 0,
        total_message_sent: 0,
        flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: 10080, archive_timestamp: new Date().toISOString(), locked: false, invitable: channel.invitable ?? true },
      };
    }
    if (channel.type === 1) {
      const user = this.users.get(channel.recipientId ?? '');
      return { id: channel.id, type: 1, last_message_id: null, flags: 0, recipients: user ? [this.userJson(user)] : [] };
    }
    return { id: channel.id, type: 0, guild_id: channel.guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 };
  }

  memberJson(guild: FakeGuild, user: FakeUser): Json {
    return { user: this.userJson(user), roles: guild.members.get(user.id) ?? [], nick: null, avatar: null, joined_at: new Date().toISOString(), premium_since: null, deaf: false, mute: false, pending: false, flags: 0, permissions: '2248473465835073' };
  }

  guildJson(guild: FakeGuild): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: this.bot.id,
      unavailable: false,
      member_count: guild.members.size,
      large: false,
      joined_at: new Date().toISOString(),
      features: [],
      roles: guild.roles.map((r, i) => ({ id: r.id, name: r.name, color: 0, hoist: false, position: i, permissions: '0', managed: false, mentionable: false, flags: 0 })),
      channels: [this.channelJson(this.channels.get(guild.channelId) as FakeChannel)],
      threads: [],
      members: [...guild.members.keys()].map((id) => this.users.get(id)).filter((u): u is FakeUser => u !== undefined).map((u) => this.memberJson(guild, u)),
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
      system_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      premium_tier: 0,
      nsfw_level: 0,
    };
  }

  /** Stores a message and returns its API object. */
  createMessage(channelId: string, author: FakeUser, body: Json, extra: Json = {}): Json {
    const ref = body['message_reference'] as { message_id?: string } | undefined;
    const message: Json = {
      id: snowflake(),
      channel_id: channelId,
      author: this.userJson(author),
      content: typeof body['content'] === 'string' ? body['content'] : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: Array.isArray(body['embeds']) ? body['embeds'] : [],
      components: Array.isArray(body['components']) ? body['components'] : [],
      pinned: false,
      type: ref?.message_id ? 19 : 0,
      flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
      ...(ref?.message_id ? { message_reference: { type: 0, message_id: ref.message_id, channel_id: channelId } } : {}),
      ...(body['nonce'] !== undefined ? { nonce: body['nonce'] } : {}),
      ...extra,
    };
    this.messages.set(message['id'] as string, message);
    return message;
  }

  editMessage(id: string, body: Json): Json | null {
    const m = this.messages.get(id);
    if (!m) return null;
    for (const k of ['content', 'embeds', 'components', 'flags'] as const) if (body[k] !== undefined) m[k] = body[k];
    m['edited_timestamp'] = new Date().toISOString();
    return m;
  }

  /** Messages in a channel, oldest first. */
  channelMessages(channelId: string): Json[] {
    return [...this.messages.values()].filter((m) => m['channel_id'] === channelId);
  }
}
