import type { webApi } from '@slack/bolt';

export type RetryOptions = webApi.RetryOptions;

/** Everything the Slack adapter needs; bot/ fills it from the environment (see docs/slack.md). */
export interface SlackConfig {
  /** Bot User OAuth Token, `xoxb-…` (SLACK_BOT_TOKEN). */
  readonly botToken: string;
  /** Verifies HTTP requests (SLACK_SIGNING_SECRET); required without `appToken`. */
  readonly signingSecret?: string | undefined;
  /** App-level token, `xapp-…` (SLACK_APP_TOKEN): Socket Mode, no public URL needed. */
  readonly appToken?: string | undefined;
  /** Web API base (SLACK_API_URL), default `https://slack.com/api/`. */
  readonly apiUrl?: string | undefined;
  /** HTTP mode: the path Slack posts to. Default `/slack/events`. */
  readonly path?: string | undefined;
  /** With both set, the app skips auth.test at start-up. */
  readonly botId?: string | undefined;
  readonly botUserId?: string | undefined;
  /** Web API retries for interactive calls (modals, replies, profiles). */
  readonly retryConfig?: RetryOptions;
  /** Web API retries for notification DMs (429s wait for Retry-After inside these). */
  readonly deliveryRetryConfig?: RetryOptions;
  /** Per-request timeout of Web API calls. */
  readonly requestTimeoutMs?: number;
  readonly profileCacheSize?: number;
  readonly profileCacheTtlMs?: number;
  /** How long a request waits for users.info before going on without it. */
  readonly profileLookupDeadlineMs?: number;
  readonly clickDedupeMs?: number;
  readonly eventDedupeMs?: number;
  /**
   * How long a command, button, modal submission or shortcut may take
   * before the helpdesk acknowledges it itself ("Working on it…") and sends
   * the answer afterwards; default 2 000 ms, under Slack's 3 s (and Bolt's
   * own 3 001 ms cut-off in HTTP mode).
   */
  readonly ackBudgetMs?: number;
  /** Emoji whose reaction files the message as a ticket, without colons (SLACK_TICKET_EMOJI). Default `ticket`. */
  readonly ticketEmoji?: string | undefined;
  /** Whom an emoji files the ticket for: the message's author (default) or the person who reacted (SLACK_TICKET_EMOJI_FOR). */
  readonly ticketEmojiFor?: 'author' | 'reactor' | undefined;
  /** File posts by moderators and admins in support channels too (SLACK_FILE_STAFF_POSTS). Default false: staff there usually answer. */
  readonly fileStaffPosts?: boolean | undefined;
  /** Socket Mode keep-alive tuning (tests shorten these). */
  readonly socketPingTimeoutMs?: number;
}

/**
 * Defaults. Interactive calls serve a person waiting on a modal or reply:
 * a couple of quick retries, then give up and say so. Deliveries run in
 * workflow steps that retry on their own, so the client tries a few times
 * with backoff; a 429 waits Retry-After on top of that.
 */
export const SLACK_DEFAULTS = {
  apiUrl: 'https://slack.com/api/',
  path: '/slack/events',
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 } satisfies RetryOptions,
  deliveryRetryConfig: { retries: 4, factor: 2, minTimeout: 1_000, maxTimeout: 20_000, randomize: true } satisfies RetryOptions,
  requestTimeoutMs: 10_000,
  profileCacheSize: 5_000,
  profileCacheTtlMs: 60 * 60_000,
  profileLookupDeadlineMs: 1_000,
  clickDedupeMs: 5_000,
  eventDedupeMs: 2 * 60 * 60_000,
  ackBudgetMs: 2_000,
  ticketEmoji: 'ticket',
} as const;

/** Slack's client joins `{base}{method}`: the base must end with a slash. */
export function apiBase(url: string | undefined): string {
  const base = url ?? SLACK_DEFAULTS.apiUrl;
  return base.endsWith('/') ? base : `${base}/`;
}
