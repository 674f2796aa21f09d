import pino, { type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const TOKEN = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|sk-[A-Za-z0-9_-]{16,}|AIza[A-Za-z0-9_-]{20,}|ghp_[A-Za-z0-9]{20,}|signkey-[A-Za-z0-9-]+)\b/g;

/** Paths pino censors outright, wherever they appear one or two levels deep. */
const REDACT_PATHS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'apiKey', 'password', 'authorization', 'email', 'to', 'from',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.apiKey', '*.password', '*.authorization', '*.email',
  'headers.authorization', 'req.headers.authorization', 'req.headers["x-slack-signature"]', 'config.*',
];

/** Scrubs email addresses and token-shaped strings from any logged string. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[email]').replace(TOKEN, '[secret]');
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrub(value.message, depth + 1), stack: scrub(value.stack, depth + 1) };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}

/**
 * The process logger. Logs go to stderr so the console chat owns stdout;
 * pretty on a terminal, JSON otherwise. Secrets and email addresses are
 * redacted.
 */
export function createLogger(options: { level: string; pretty?: boolean | undefined }): PinoLogger {
  const usePretty = options.pretty ?? Boolean(process.stderr.isTTY);
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: (obj: Record<string, unknown>) => scrub(obj) as Record<string, unknown> },
    hooks: {
      logMethod(this: PinoLogger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)));
      },
    },
  };
  const stream = usePretty ? pretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname' }) : pino.destination({ dest: 2, sync: true });
  return pino(base, stream);
}
