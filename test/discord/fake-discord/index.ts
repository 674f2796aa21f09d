import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.js';
import { interactionPayload, modalData, opt, slashData, type Option, type Place } from './payloads.js';
import { handleRest } from './rest.js';
import { snowflake } from './snowflake.js';
import { FakeState } from './state.js';
import type { Fault, FakeChannel, FakeGuild, FakeUser, InteractionRecord, Json, RecordedCall } from './types.js';

export { opt, type Option, type Place };
export type { FakeChannel, FakeGuild, FakeUser, InteractionRecord, Json, RecordedCall };

/** Content plus embed titles and descriptions: what a person reads. */
function visibleText(message: Json | undefined): string {
  const embeds = (message?.['embeds'] ?? []) as { title?: string; description?: string }[];
  return [String(message?.['content'] ?? ''), ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].filter(Boolean).join('\n');
}

/**
 * A local Discord for the real discord.js client: REST on 127.0.0.1 that
 * points `GET /gateway/bot` at its own gateway WebSocket, records every
 * call, and plays users clicking, typing and submitting forms.
 */
export class FakeDiscord {
  readonly state = new FakeState();
  readonly calls: RecordedCall[] = [];
  readonly faults: Fault[] = [];
  readonly gateway: FakeGateway;
  private server: Server | null = null;
  private port = 0;

  constructor() {
    this.gateway = new FakeGateway(this.state, () => this.gatewayUrl);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get token(): string {
    return this.state.token;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      handleRest({ state: this.state, calls: this.calls, faults: this.faults, gatewayUrl: () => this.gatewayUrl, dispatch: (t, d) => this.gateway.dispatch(t, d) }, req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/gateway')) return socket.destroy();
      this.gateway.wss.handleUpgrade(req, socket, head, (ws) => this.gateway.wss.emit('connection', ws, req));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  // ---- people and places --------------------------------------------------

  addUser(username: string, options: { bot?: boolean; globalName?: string } = {}): FakeUser {
    return this.state.addUser(username, options);
  }

  addGuild(name: string, roleNames: readonly string[] = []): FakeGuild {
    return this.state.addGuild(name, roleNames);
  }

  addMember(guild: FakeGuild, user: FakeUser, roleNames: readonly string[] = []): void {
    this.state.addMember(guild, user, roleNames);
  }

  /** From now on, DMs to this user fail with 50007 "Cannot send messages to this user". */
  closeDms(user: FakeUser): void {
    this.state.closedDms.add(user.id);
  }

  // ---- injected failures --------------------------------------------------

  /** The next `times` requests matching get this answer instead. */
  failNext(method: string, path: RegExp, status: number, body: Json, headers: Record<string, string> = {}, times = 1): void {
    this.faults.push({ method, path, status, body, headers, remaining: times });
  }

  /** A per-route 429 as Discord sends it: Retry-After (seconds), bucket headers and the JSON body. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number): void {
    this.failNext(method, path, 429, { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false, code: 0 }, {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'fakebucket',
      'x-ratelimit-scope': 'user',
    });
  }

  // ---- what people do -----------------------------------------------------

  /** Dispatches INTERACTION_CREATE and returns its record (callbacks fill in as the bot answers). */
  interact(payload: Json): InteractionRecord {
    const s = this.state;
    const record: InteractionRecord = { payload, dispatchedAt: performance.now(), callbacks: [], originalId: null, channelId: String(payload['channel_id']) };
    s.interactions.set(String(payload['id']), record);
    s.byToken.set(String(payload['token']), String(payload['id']));
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  /** Sends the same interaction again, as the gateway may after a resume. */
  redeliver(record: InteractionRecord): void {
    this.gateway.dispatch('INTERACTION_CREATE', record.payload);
  }

  slash(user: FakeUser, name: string, options: readonly Option[] = [], place: Place = { dm: true }): InteractionRecord {
    const guildId = 'guild' in place ? place.guild.id : undefined;
    return this.interact(interactionPayload(this.state, user, place, 2, slashData(this.state, name, options, guildId)));
  }

  autocomplete(user: FakeUser, name: string, options: readonly Option[], place: Place = { dm: true }): InteractionRecord {
    const guildId = 'guild' in place ? place.guild.id : undefined;
    return this.interact(interactionPayload(this.state, user, place, 4, slashData(this.state, name, options, guildId)));
  }

  /** Clicks a button on a message the bot sent (in the user's DM unless the message is elsewhere). */
  click(user: FakeUser, message: Json, customId: string): InteractionRecord {
    return this.interact(interactionPayload(this.state, user, this.placeOf(message), 3, { custom_id: customId, component_type: 2 }, { message }));
  }

  select(user: FakeUser, message: Json, customId: string, values: readonly string[]): InteractionRecord {
    return this.interact(interactionPayload(this.state, user, this.placeOf(message), 3, { custom_id: customId, component_type: 3, values: [...values] }, { message }));
  }

  /** Submits a modal; `from` is the message whose button opened it, if any. */
  submit(user: FakeUser, customId: string, fields: Readonly<Record<string, string | readonly string[]>>, place: Place, from?: Json): InteractionRecord {
    return this.interact(interactionPayload(this.state, user, from ? this.placeOf(from) : place, 5, modalData(customId, fields), from ? { message: from } : {}));
  }

  /** "Create ticket" from a message's menu. */
  messageMenu(user: FakeUser, guild: FakeGuild, name: string, target: Json): InteractionRecord {
    const data = { id: snowflake(), name, type: 3, target_id: target['id'], resolved: { messages: { [String(target['id'])]: target } }, guild_id: guild.id };
    return this.interact(interactionPayload(this.state, user, { guild }, 2, data));
  }

  /** Someone posts in a server channel (the bot does not receive it; it can be the target of a menu command). */
  post(guild: FakeGuild, user: FakeUser, content: string): Json {
    return { ...this.state.createMessage(guild.channelId, user, { content }), guild_id: guild.id };
  }

  /**
   * Someone writes in a server channel or thread and the bot receives it
   * (MESSAGE_CREATE with the member, as with the GuildMessages intent).
   * `extra` overrides fields (a system message type, a webhook id).
   */
  say(guild: FakeGuild, user: FakeUser, content: string, channelId: string = guild.channelId, extra: Json = {}): Json {
    const message = { ...this.state.createMessage(channelId, user, { content }), guild_id: guild.id, member: { ...this.state.memberJson(guild, user), user: undefined }, ...extra };
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** Private threads the bot made in a channel, oldest first. */
  threads(parentId: string): FakeChannel[] {
    return [...this.state.channels.values()].filter((c) => c.type === 12 && c.parentId === parentId);
  }

  /** A user writes to the bot in their DM, optionally replying to one of its messages. */
  dm(user: FakeUser, content: string, replyTo?: Json): Json {
    const channel = this.state.dmChannel(user.id);
    const message = this.state.createMessage(channel.id, user, { content, ...(replyTo ? { message_reference: { message_id: replyTo['id'] } } : {}) }, { channel_type: 1 });
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  // ---- what crossed the wire ----------------------------------------------

  /** Messages in a user's DM with the bot, oldest first. */
  dms(user: FakeUser): Json[] {
    return this.state.channelMessages(this.state.dmChannel(user.id).id).filter((m) => (m['author'] as Json)['id'] === this.state.bot.id);
  }

  message(id: string): Json | undefined {
    return this.state.messages.get(id);
  }

  /** Polls until `probe` returns something truthy; fails with `what` after the deadline. */
  async waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The first answer the bot gave to an interaction, once it arrives. */
  answered(record: InteractionRecord, what = 'the interaction callback'): Promise<{ type: number; data: Json | undefined }> {
    return this.waitFor(() => record.callbacks[0], what);
  }

  /** The interaction's visible reply text once final (after a deferral, the edited `@original`). */
  async replyText(record: InteractionRecord): Promise<string> {
    const first = await this.answered(record);
    if (first.type === 4) return visibleText(first.data);
    return this.waitFor(() => {
      const m = record.originalId ? this.state.messages.get(record.originalId) : undefined;
      return m && m['edited_timestamp'] ? visibleText(m) : null;
    }, 'the edited reply');
  }

  private placeOf(message: Json): Place {
    const channel = this.state.channels.get(String(message['channel_id']));
    const guild = channel?.guildId ? this.state.guilds.get(channel.guildId) : undefined;
    return guild ? { guild } : { dm: true };
  }
}
