import { z } from 'zod';
import { checkSlaConfig, slaShape, spanMs, type SlaConfig } from './config-sla.js';

/**
 * The one place configuration is read. Every variable is documented in
 * .env.example. Empty strings count as unset; all problems are reported at
 * once, each with a hint; the result is frozen and passed down.
 */

const str = z.string().trim();
const optionalStr = str.optional();
const url = (hint: string) => str.url({ message: `must be a URL (${hint})` }).optional();
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
const identityList = str
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(str.regex(/^(console|slack|discord):\S+$/, { message: 'each entry must look like console:root, slack:T123:U456 or discord:1234' })));

const schema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  DATA_DIR: str.default('./data'),
  SQLITE_SYNCHRONOUS: str
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(['FULL', 'NORMAL'], { message: 'must be FULL or NORMAL (any case)' }))
    .optional(),
  MONGODB_URI: str.regex(/^mongodb(\+srv)?:\/\//, { message: 'must start with mongodb:// or mongodb+srv://' }).optional(),
  HELPDESK_ADMINS: identityList.default([]),
  HELPDESK_FILING_LIMIT_PER_MINUTE: int(0, 1000).default(5),
  PORT: int(0, 65535).optional(),
  PUBLIC_URL: str.regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be the http(s) address people open the dashboard at, e.g. https://helpdesk.example.com' }).optional(),
  CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),

  SLACK_BOT_TOKEN: str.startsWith('xoxb-', { message: 'must be a bot token starting with xoxb-' }).optional(),
  SLACK_SIGNING_SECRET: optionalStr,
  SLACK_APP_TOKEN: str.startsWith('xapp-', { message: 'must be an app-level token starting with xapp-' }).optional(),
  SLACK_API_URL: url('Slack Web API base, e.g. https://slack.com/api/'),
  SLACK_TICKET_EMOJI: str.regex(/^:?[a-z0-9_+'-]+:?$/, { message: 'must be an emoji name like ticket or :ticket:' }).optional(),
  SLACK_TICKET_EMOJI_FOR: z.enum(['author', 'reactor'], { message: 'must be author or reactor' }).default('author'),
  SLACK_FILE_STAFF_POSTS: bool.default(false),

  DISCORD_TOKEN: optionalStr,
  DISCORD_APPLICATION_ID: str.regex(/^\d{5,25}$/, { message: 'must be the numeric application id' }).optional(),
  DISCORD_GUILD_ID: str.regex(/^\d{5,25}$/, { message: 'must be a numeric server (guild) id' }).optional(),
  DISCORD_GUILD_IDS: str
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(str.regex(/^\d{5,25}$/, { message: 'each entry must be a numeric server (guild) id' })))
    .optional(),
  DISCORD_API_URL: url('Discord REST base, e.g. https://discord.com/api'),
  DISCORD_ADMIN_ROLE: optionalStr,
  DISCORD_ADMIN_ROLE_ID: str.regex(/^\d{5,25}$/, { message: 'must be a numeric role id (Server Settings → Roles → ⋯ → Copy Role ID)' }).optional(),
  DISCORD_SUPPORT_CHANNELS: bool.default(false),

  AI_PROVIDERS: str
    .transform((s) => s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(['gemini', 'openai', 'local'], { message: 'entries must be gemini, openai or local' })))
    .optional(),
  AI_REDACT: bool.default(true),
  /** The local engine's learned model: empty for the shipped one, a file from `npm run train:helpdesk`, or `none`. */
  LOCAL_TRIAGE_MODEL: optionalStr,
  AI_TIMEOUT_MS: int(1000, 300_000).default(20_000),
  GEMINI_API_KEY: optionalStr,
  GEMINI_MODEL: str.default('gemini-3.5-flash-lite'),
  GEMINI_BASE_URL: url('Gemini API base'),
  GEMINI_EMBEDDING_MODEL: optionalStr,
  OPENAI_API_KEY: optionalStr,
  OPENAI_MODEL: str.default('gpt-6-luna'),
  OPENAI_BASE_URL: url('OpenAI-compatible base, e.g. http://localhost:11434/v1 for Ollama'),
  OPENAI_EMBEDDING_MODEL: optionalStr,

  INNGEST_EVENT_KEY: optionalStr,
  INNGEST_SIGNING_KEY: optionalStr,
  INNGEST_BASE_URL: url('self-hosted Inngest, e.g. http://localhost:8288'),
  INNGEST_DEV: str
    .refine((v) => /^(0|1|true|false|yes|no|on|off)$/i.test(v) || /^https?:\/\/\S+$/.test(v), {
      message: 'must be 1/0, true/false, on/off, or the dev server URL (e.g. http://localhost:8288)',
    })
    .optional(),
  INNGEST_SERVE_HOST: url('public URL Inngest calls back, e.g. https://bot.example.com'),

  SMTP_URL: str.regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' }).optional(),
  SMTP_HOST: optionalStr,
  SMTP_PORT: int(1, 65535).optional(),
  SMTP_USER: optionalStr,
  SMTP_PASSWORD: optionalStr,
  SMTP_SECURE: bool.optional(),
  MAIL_FROM: optionalStr,

  ...slaShape,
  JOBS_RETENTION: str.regex(/^(0|\d+(ms|s|m|h|d))$/, { message: 'must be a duration like 7d, or 0 to keep finished jobs' }).default('7d'),
});

export type RawConfig = z.infer<typeof schema>;

/** The admin when HELPDESK_ADMINS is empty and the console is on (never a Slack or Discord identity). */
export const DEFAULT_CONSOLE_ADMIN = 'console:root';

export interface Config extends RawConfig {
  readonly slack: { readonly enabled: boolean; readonly mode: 'socket' | 'http' | null };
  /** `guildIds`: the servers the helpdesk serves (DISCORD_GUILD_IDS plus DISCORD_GUILD_ID), never empty when enabled. */
  readonly discord: { readonly enabled: boolean; readonly guildIds: readonly string[] };
  /**
   * `dev`: talk to an Inngest dev server (INNGEST_DEV on, or its URL in `devUrl`). Outside dev mode
   * `serveHost` (INNGEST_SERVE_HOST) is required: the URL Inngest calls back is never taken from a request.
   */
  readonly inngest: { readonly enabled: boolean; readonly dev: boolean; readonly devUrl?: string };
  readonly console: { readonly enabled: boolean };
  /** Settings that work but deserve a line in the start-up log. */
  readonly warnings: readonly string[];
  /** Service levels, business hours and waiting on the requester (bot/config-sla.ts). */
  readonly sla: SlaConfig;
  /** JOBS_RETENTION in milliseconds; 0 keeps finished jobs. */
  readonly jobsRetentionMs: number;
}

export type ConfigResult = { readonly ok: true; readonly config: Readonly<Config> } | { readonly ok: false; readonly problems: readonly string[] };

/** Parses the environment; empty strings are treated as unset. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') cleaned[k] = v;
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}${hintFor(String(issue.path[0]))}`);
    return { ok: false, problems };
  }
  const c = parsed.data;
  const slackAny = c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET;
  if (slackAny && !c.SLACK_BOT_TOKEN) problems.push(`SLACK_BOT_TOKEN: is required when Slack is configured${hintFor('SLACK_BOT_TOKEN')}`);
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    problems.push('SLACK_SIGNING_SECRET: is required for HTTP mode; or set SLACK_APP_TOKEN to use Socket Mode (no public URL needed)');
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) problems.push(`DISCORD_APPLICATION_ID: is required with DISCORD_TOKEN${hintFor('DISCORD_APPLICATION_ID')}`);
  if (!c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID) problems.push(`DISCORD_TOKEN: is required with DISCORD_APPLICATION_ID${hintFor('DISCORD_TOKEN')}`);
  if ((c.SMTP_HOST || c.SMTP_URL) && !c.MAIL_FROM) problems.push('MAIL_FROM: is required when SMTP is configured (e.g. "Helpdesk <helpdesk@example.com>")');
  for (const p of c.AI_PROVIDERS ?? []) {
    if (p === 'gemini' && !c.GEMINI_API_KEY) problems.push('AI_PROVIDERS: lists gemini but GEMINI_API_KEY is not set');
    if (p === 'openai' && !c.OPENAI_API_KEY) problems.push('AI_PROVIDERS: lists openai but OPENAI_API_KEY is not set (any value works for local servers such as Ollama)');
  }
  const devValue = c.INNGEST_DEV;
  const devUrl = devValue && /^https?:\/\//.test(devValue) ? devValue : undefined;
  const inngestDev = devValue !== undefined && (devUrl !== undefined || /^(1|true|yes|on)$/i.test(devValue));
  const inngestEnabled = Boolean(c.INNGEST_EVENT_KEY || c.INNGEST_SIGNING_KEY || inngestDev);
  if (inngestEnabled && !inngestDev && !c.INNGEST_SERVE_HOST)
    problems.push(
      'INNGEST_SERVE_HOST: is required with Inngest outside dev mode — the public URL Inngest calls back (e.g. https://bot.example.com); it is never taken from a request',
    );
  const guildIds = [...new Set([...(c.DISCORD_GUILD_IDS ?? []), ...(c.DISCORD_GUILD_ID ? [c.DISCORD_GUILD_ID] : [])])];
  if (c.DISCORD_TOKEN && guildIds.length === 0)
    problems.push(
      'DISCORD_GUILD_IDS: is required with DISCORD_TOKEN — the comma-separated ids of the servers the helpdesk serves (Server Settings → Widget → Server ID, or right-click the server → Copy Server ID)',
    );
  const warnings: string[] = [];
  const sla = checkSlaConfig(c, problems, warnings);
  if (problems.length > 0) return { ok: false, problems };

  if (c.DISCORD_TOKEN && c.DISCORD_ADMIN_ROLE && !c.DISCORD_ADMIN_ROLE_ID)
    warnings.push(
      `DISCORD_ADMIN_ROLE matches a role by its name ("${c.DISCORD_ADMIN_ROLE}"), which anyone who can manage roles can copy; set DISCORD_ADMIN_ROLE_ID to the role's id instead`,
    );

  const slackEnabled = Boolean(c.SLACK_BOT_TOKEN);
  const discordEnabled = Boolean(c.DISCORD_TOKEN);
  const chat = slackEnabled || discordEnabled;
  const consoleEnabled = c.CONSOLE === 'on' || (c.CONSOLE === 'auto' && !chat);
  // A fresh `npm start` has no admin at all; the console's @root is then the admin, so the README's first
  // command works. Only the console identity: whoever types at the console already runs the process.
  const defaultConsoleAdmin = consoleEnabled && c.HELPDESK_ADMINS.length === 0;
  if (defaultConsoleAdmin) warnings.push('HELPDESK_ADMINS is not set: console:root is the admin (type lines as @root at the console); set HELPDESK_ADMINS to choose admins');
  const config: Config = {
    ...c,
    HELPDESK_ADMINS: defaultConsoleAdmin ? [DEFAULT_CONSOLE_ADMIN] : c.HELPDESK_ADMINS,
    slack: { enabled: slackEnabled, mode: slackEnabled ? (c.SLACK_APP_TOKEN ? 'socket' : 'http') : null },
    discord: { enabled: discordEnabled, guildIds },
    inngest: { enabled: inngestEnabled, dev: inngestDev, ...(devUrl ? { devUrl } : {}) },
    console: { enabled: consoleEnabled },
    warnings,
    sla,
    jobsRetentionMs: spanMs(c.JOBS_RETENTION),
  };
  return { ok: true, config: deepFreeze(config) };
}

const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'Slack app → OAuth & Permissions → Bot User OAuth Token',
  SLACK_APP_TOKEN: 'Slack app → Basic Information → App-Level Tokens (scope connections:write)',
  DISCORD_TOKEN: 'Discord developer portal → your application → Bot → Reset Token',
  DISCORD_APPLICATION_ID: 'Discord developer portal → your application → General Information → Application ID',
  HELPDESK_ADMINS: 'comma-separated identities, e.g. console:root,slack:T0123:U0456,discord:123456789',
  MONGODB_URI: 'e.g. mongodb://localhost:27017/helpdesk',
  PORT: 'a TCP port such as 3000; below 1024 needs root',
};

function hintFor(key: string): string {
  const hint = HINTS[key];
  return hint ? ` (hint: ${hint})` : '';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
