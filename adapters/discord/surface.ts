import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { ErrorSink, type DedupeStore, type Helpdesk, type KeyValueStore, type Logger, type NotificationChannel, type PersonStore } from '../../core/index.js';
import { ServedServers } from './access.js';
import { createDiscordChannel, type DiscordChannel } from './channel.js';
import type { AdminRole, DiscordContext } from './context.js';
import { DISCORD_PLATFORM } from './identity.js';
import { loggable } from './errors.js';
import { createInteractionRouter } from './interactions/index.js';
import { RecentIds } from './recent.js';
import { relayDirectMessage } from './relay.js';
import { onServerMessage } from './support.js';

export interface DiscordConfig {
  /** Bot token (DISCORD_TOKEN). */
  readonly token: string;
  /** Application id (DISCORD_APPLICATION_ID); commands are registered under it. */
  readonly applicationId: string;
  /** The servers the helpdesk serves (DISCORD_GUILD_IDS); interactions from any other server are refused. */
  readonly guildIds: readonly string[];
  /** REST base (DISCORD_API_URL), default `https://discord.com/api`; the gateway address comes from it. */
  readonly apiUrl?: string;
  /** Members holding the role with this id in a served server act as admins (DISCORD_ADMIN_ROLE_ID). */
  readonly adminRoleId?: string;
  /** The same by role name (DISCORD_ADMIN_ROLE), used only without `adminRoleId`; anyone who can manage roles can copy a name. */
  readonly adminRole?: string;
  /**
   * Support channels (DISCORD_SUPPORT_CHANNELS): read messages in the channels admins watch
   * with `/helpdesk watch`. Adds the GuildMessages and the privileged MessageContent intents.
   */
  readonly supportChannels?: boolean;
}

export interface DiscordSurfaceOptions {
  readonly helpdesk: Helpdesk;
  /** Where card ids, DM channels and dedupe keys live (the helpdesk's store). */
  readonly store: KeyValueStore & DedupeStore & Pick<PersonStore, 'getPerson'>;
  /** A channel made earlier with `createDiscordChannel` (to give the Notifier before the Helpdesk exists). */
  readonly channel?: DiscordChannel;
  readonly logger: Logger;
  readonly config: DiscordConfig;
  /** Error references shown to people (tests pass a fixed one). */
  readonly newReference?: () => string;
  /** Answer within this many ms or defer the interaction (default 1500; Discord allows 3,000 including delivery). */
  readonly ackAfterMs?: number;
}

export interface DiscordSurface {
  /** Register with the Notifier: DMs to people with a `discord:` identity. */
  readonly channel: NotificationChannel;
  /** Connects to the gateway; resolves once every server is loaded. */
  start(): Promise<void>;
  /** Stops taking interactions, lets handlers in flight finish, disconnects. */
  stop(): Promise<void>;
}

/**
 * Intents: Guilds (servers, their roles for a role named by DISCORD_ADMIN_ROLE, and what
 * interactions need) and DirectMessages (replies to ticket cards). Nothing
 * privileged: DM content and the message a menu command targets arrive
 * without Message Content. The Channel partial lets DMs arrive in channels
 * the bot has not cached.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages] as const;
export const PARTIALS = [Partials.Channel] as const;
/** Only with support channels: server messages, and their text (privileged: switched on in the Developer Portal). */
export const SUPPORT_CHANNEL_INTENTS = [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] as const;

const STOP_GRACE_MS = 10_000;

/** The Discord surface: slash commands, buttons, modals and DM relay, plus the `discord` notification channel. */
export function createDiscordSurface(options: DiscordSurfaceOptions): DiscordSurface {
  const { helpdesk, store, config } = options;
  const logger = options.logger.child({ surface: 'discord' });
  const client = new Client({
    intents: [...INTENTS, ...(config.supportChannels ? SUPPORT_CHANNEL_INTENTS : [])],
    partials: [...PARTIALS],
    allowedMentions: { parse: [] },
  });
  const channel = options.channel ?? createDiscordChannel({ store, logger, config });
  // One REST client for the gateway client and the channel: one view of Discord's rate limits.
  client.rest.clearHashSweeper();
  client.rest.clearHandlerSweeper();
  client.rest = channel.rest;

  const servers = new ServedServers(config.guildIds, logger);
  const ctx: DiscordContext = {
    helpdesk,
    store,
    servers,
    cards: channel.cards,
    dms: channel.dms,
    errors: new ErrorSink({ logger, surface: 'Discord', loggable, ...(options.newReference ? { newRef: options.newReference } : {}) }),
    logger,
    adminRole: adminRoleOf(config),
    clickDedupeMs: 10 * 60_000,
    deliveryDedupeMs: 24 * 60 * 60_000,
    ackAfterMs: options.ackAfterMs ?? 1500,
    recent: new RecentIds(60 * 60_000),
    supportChannels: config.supportChannels === true,
    now: () => helpdesk.now().toISOString(),
  };
  const route = createInteractionRouter(ctx);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  const track = (work: Promise<void>) => {
    const p = work.catch((error: unknown) => logger.error({ err: loggable(error) }, 'Discord event handler failed'));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) track(route(interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!accepting) return;
    track(message.guildId === null ? relayDirectMessage(ctx, message) : onServerMessage(ctx, message));
  });
  client.on(Events.GuildCreate, (guild) => {
    if (!servers.serves(guild.id)) servers.noteUnserved(guild.id, 'member');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.ShardError, (error) => logger.warn({ err: error }, 'Discord gateway error; reconnecting'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
  client.rest.on('rateLimited', (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'Discord rate limit; waiting'));

  return {
    channel,
    async start() {
      // Before any Discord event: admin rights an earlier version stored from the Discord role do not outlive this upgrade.
      await helpdesk.demoteStoredPlatformAdmins(DISCORD_PLATFORM);
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      for (const id of client.guilds.cache.keys()) if (!servers.serves(id)) servers.noteUnserved(id, 'member');
      const missing = servers.configured.filter((id) => !client.guilds.cache.has(id));
      if (missing.length) logger.warn({ guildIds: missing }, 'the bot is not in some servers named in DISCORD_GUILD_IDS; invite it there (see docs/discord.md)');
      logger.info({ user: client.user?.tag, servers: client.guilds.cache.size, served: servers.configured.length, applicationId: config.applicationId }, 'Discord connected');
    },
    async stop() {
      accepting = false;
      // Handlers in flight finish (each is bounded by Discord's 15-minute token anyway); a stuck one does not block shutdown.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
      await client.destroy();
      // Notifications still in flight during shutdown go out over REST, which needs no gateway.
      channel.rest.setToken(config.token);
    },
  };
}

function adminRoleOf(config: DiscordConfig): AdminRole | null {
  const id = config.adminRoleId?.trim();
  if (id) return { id };
  const name = config.adminRole?.trim();
  return name ? { name } : null;
}
