import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { DedupeStore, Helpdesk, KeyValueStore, Logger, NotificationChannel } from '../../core/index.js';
import { boltLogger } from './bolt-logger.js';
import { SlackChannel } from './channel.js';
import { SlackErrorSink } from './error-sink.js';
import { SLACK_DEFAULTS, apiBase, type SlackConfig } from './config.js';
import type { SlackContext } from './context.js';
import { slackRequestListener, type RequestListener } from './http.js';
import { registerListeners } from './listeners/index.js';
import { SlackPeople } from './people.js';
import { ThreadIndex } from './threads.js';

export interface SlackChannelOptions {
  /** Where DM channels and card/thread ids are remembered. */
  readonly store: KeyValueStore;
  readonly logger: Logger;
  readonly config: SlackConfig;
}

export interface SlackSurfaceOptions extends SlackChannelOptions {
  readonly helpdesk: Helpdesk;
  readonly store: KeyValueStore & DedupeStore;
  /** The channel given to the helpdesk's Notifier, if created beforehand with createSlackChannel. */
  readonly channel?: SlackChannel;
}

export interface SlackSurface {
  /** The notification channel (`slack`); the same one as `options.channel` when given. */
  readonly channel: NotificationChannel;
  readonly mode: 'socket' | 'http';
  /** HTTP mode: mount on the bot's own server for POST /slack/events (answers 503 until started). */
  readonly requestListener?: RequestListener;
  /** Verifies the token (auth.test, unless botId/botUserId were given), then connects (Socket Mode) or starts answering `requestListener`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack notification channel on its own, for wiring order: the
 * helpdesk's Notifier needs the channel before the Helpdesk (and so the
 * surface) exists.
 */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const { config, logger } = options;
  const client = new webApi.WebClient(config.botToken, {
    slackApiUrl: apiBase(config.apiUrl),
    retryConfig: { ...(config.deliveryRetryConfig ?? SLACK_DEFAULTS.deliveryRetryConfig) },
    timeout: config.requestTimeoutMs ?? SLACK_DEFAULTS.requestTimeoutMs,
    logger: boltLogger(logger),
  });
  return new SlackChannel(client, new ThreadIndex(options.store), logger.child({ component: 'slack-channel' }));
}

/**
 * The Slack app: slash commands, buttons, modals, the message shortcut,
 * DM relay and App Home on a Bolt app, plus the notification channel.
 * Socket Mode when `appToken` is set, otherwise HTTP: the bot mounts
 * `requestListener` on its one server (which also serves /healthz and
 * /api/inngest), so the adapter opens no port of its own.
 */
export function createSlackSurface(options: SlackSurfaceOptions): SlackSurface {
  const { helpdesk, store, config } = options;
  const logger = options.logger.child({ component: 'slack' });
  const bolt = boltLogger(logger);
  const slackApiUrl = apiBase(config.apiUrl);
  const interactive = () => ({
    slackApiUrl,
    retryConfig: { ...(config.retryConfig ?? SLACK_DEFAULTS.retryConfig) },
    timeout: config.requestTimeoutMs ?? SLACK_DEFAULTS.requestTimeoutMs,
  });
  const channel = options.channel ?? createSlackChannel(options);
  const mode: SlackSurface['mode'] = config.appToken ? 'socket' : 'http';

  let http: HTTPReceiver | null = null;
  let socket: SocketModeReceiver | null = null;
  if (config.appToken) {
    socket = new SocketModeReceiver({
      appToken: config.appToken,
      logger: bolt,
      // The socket client reaches apps.connections.open through these options (SLACK_API_URL included).
      installerOptions: { clientOptions: { slackApiUrl, timeout: config.requestTimeoutMs ?? SLACK_DEFAULTS.requestTimeoutMs, ...(config.retryConfig ? { retryConfig: { ...config.retryConfig } } : {}) } },
      ...(config.socketPingTimeoutMs ? { clientPingTimeout: config.socketPingTimeoutMs, serverPingTimeout: config.socketPingTimeoutMs * 6 } : {}),
    });
  } else {
    if (!config.signingSecret) throw new Error('Slack HTTP mode needs a signing secret (SLACK_SIGNING_SECRET), or an app token (SLACK_APP_TOKEN) for Socket Mode');
    // The signature is checked once, before Bolt sees the request (see slackRequestListener).
    http = new HTTPReceiver({ signingSecret: config.signingSecret, signatureVerification: false, endpoints: [config.path ?? SLACK_DEFAULTS.path], logger: bolt, processBeforeResponse: false });
  }
  const receiver = socket ?? http;
  if (!receiver) throw new Error('unreachable: no Slack receiver');

  const knownBot = config.botId && config.botUserId ? { botId: config.botId, botUserId: config.botUserId } : null;
  const app = new App({
    token: config.botToken,
    receiver,
    logger: bolt,
    clientOptions: interactive(),
    ignoreSelf: true,
    // Bolt's conversation store is an unused per-request middleware with an in-memory map.
    convoStore: false,
    ...(knownBot ? { ...knownBot, tokenVerificationEnabled: false } : { deferInitialization: true }),
  });

  const errors = new SlackErrorSink(logger);
  app.error(async (error) => {
    errors.text(error, 'bolt');
  });
  const people = new SlackPeople(new webApi.WebClient(config.botToken, { ...interactive(), logger: bolt }), helpdesk, logger, {
    cacheSize: config.profileCacheSize ?? SLACK_DEFAULTS.profileCacheSize,
    cacheTtlMs: config.profileCacheTtlMs ?? SLACK_DEFAULTS.profileCacheTtlMs,
    lookupDeadlineMs: config.profileLookupDeadlineMs ?? SLACK_DEFAULTS.profileLookupDeadlineMs,
  });
  const ctx: SlackContext = {
    helpdesk,
    people,
    threads: new ThreadIndex(store),
    dedupe: store,
    errors,
    logger,
    clickDedupeMs: config.clickDedupeMs ?? SLACK_DEFAULTS.clickDedupeMs,
    eventDedupeMs: config.eventDedupeMs ?? SLACK_DEFAULTS.eventDedupeMs,
    ackBudgetMs: config.ackBudgetMs ?? SLACK_DEFAULTS.ackBudgetMs,
    now: () => helpdesk.now().toISOString(),
    intake: {
      emoji: (config.ticketEmoji ?? SLACK_DEFAULTS.ticketEmoji).replace(/^:|:$/g, ''),
      emojiFilesFor: config.ticketEmojiFor ?? 'author',
      fileStaffPosts: config.fileStaffPosts ?? false,
    },
  };
  registerListeners(app, ctx);

  let ready = false;
  const surface: SlackSurface = {
    channel,
    mode,
    async start() {
      if (!knownBot) await app.init();
      if (socket) await socket.start();
      ready = true;
      logger.info({ mode, apiUrl: slackApiUrl }, 'Slack app started');
    },
    async stop() {
      ready = false;
      if (socket) await socket.stop();
      people.clear();
    },
  };
  if (http) {
    const receiverForListener = http;
    return { ...surface, requestListener: slackRequestListener(receiverForListener, { signingSecret: config.signingSecret ?? '', path: config.path ?? SLACK_DEFAULTS.path }, () => ready, logger) };
  }
  return surface;
}
