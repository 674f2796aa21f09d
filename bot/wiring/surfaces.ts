import type { Helpdesk, Logger, NotificationChannel, Store } from '../../core/index.js';
import type { Config } from '../config.js';
import { platformStartupError, StartupError } from '../errors.js';
import type { Route } from '../http.js';

/** A chat platform started and stopped with the app. */
export interface Surface {
  readonly name: string;
  /** Rejects with a StartupError that names the settings to check. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Chat platforms come in two halves: a notification channel, needed before
 * the helpdesk exists, and a surface that drives the helpdesk. SDKs load
 * only when the platform is configured.
 */
export interface PlatformWiring {
  readonly channels: NotificationChannel[];
  readonly routes: Route[];
  /** Builds the surfaces once the helpdesk exists. */
  surfaces(helpdesk: Helpdesk): Promise<Surface[]>;
}

export async function buildPlatforms(config: Readonly<Config>, store: Store, logger: Logger): Promise<PlatformWiring> {
  const channels: NotificationChannel[] = [];
  const routes: Route[] = [];
  const later: ((helpdesk: Helpdesk) => Promise<Surface>)[] = [];

  if (config.slack.enabled && config.SLACK_BOT_TOKEN) {
    const slackModule = await import('../../adapters/slack/index.js');
    const slackConfig = { botToken: config.SLACK_BOT_TOKEN, appToken: config.SLACK_APP_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, apiUrl: config.SLACK_API_URL, ticketEmoji: config.SLACK_TICKET_EMOJI, ticketEmojiFor: config.SLACK_TICKET_EMOJI_FOR, fileStaffPosts: config.SLACK_FILE_STAFF_POSTS };
    const slackLogger = logger.child({ surface: 'slack' });
    const channel = slackModule.createSlackChannel({ store, logger: slackLogger, config: slackConfig });
    channels.push(channel);
    let listener: Route['listener'] | null = null;
    if (config.slack.mode === 'http') routes.push({ prefix: '/slack/events', listener: (req, res) => (listener ? listener(req, res) : unavailable(res)) });
    later.push(async (helpdesk) => {
      const surface = slackModule.createSlackSurface({ helpdesk, store, logger: slackLogger, config: slackConfig, channel });
      listener = surface.requestListener ?? null;
      const name = `slack (${surface.mode === 'socket' ? 'Socket Mode' : 'HTTP /slack/events'})`;
      return { name, start: explained(name, 'Slack', { token: 'SLACK_BOT_TOKEN', url: 'SLACK_API_URL' }, logger, () => surface.start()), stop: () => surface.stop() };
    });
  }

  if (config.discord.enabled && config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const discordModule = await import('../../adapters/discord/index.js');
    const discordConfig = {
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      guildIds: config.discord.guildIds,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      ...(config.DISCORD_ADMIN_ROLE_ID ? { adminRoleId: config.DISCORD_ADMIN_ROLE_ID } : {}),
      ...(config.DISCORD_ADMIN_ROLE ? { adminRole: config.DISCORD_ADMIN_ROLE } : {}),
      supportChannels: config.DISCORD_SUPPORT_CHANNELS,
    };
    const channel = discordModule.createDiscordChannel({ store, logger, config: discordConfig });
    channels.push(channel);
    later.push(async (helpdesk) => {
      const surface = discordModule.createDiscordSurface({ helpdesk, store, logger, config: discordConfig, channel });
      return { name: 'discord', start: explained('discord', 'Discord', { token: 'DISCORD_TOKEN', url: 'DISCORD_API_URL' }, logger, () => surface.start()), stop: () => surface.stop() };
    });
  }

  return {
    channels,
    routes,
    surfaces: (helpdesk) => Promise.all(later.map((f) => f(helpdesk))),
  };
}

/** A platform's start whose failure becomes one start-up line naming `settings` (the full error is logged at debug). */
function explained(name: string, platform: string, settings: { token: string; url: string }, logger: Logger, start: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await start();
    } catch (error) {
      if (error instanceof StartupError) throw error;
      logger.debug({ err: error, surface: name }, 'surface start-up failed');
      throw platformStartupError(platform, settings, error);
    }
  };
}

function unavailable(res: { writeHead(status: number): unknown; end(): unknown }): void {
  res.writeHead(503);
  res.end();
}
