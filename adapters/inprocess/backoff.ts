/**
 * How long a failed run waits before its next attempt.
 *
 * Exponential (×4 per attempt from one second) with "equal jitter", capped at
 * one hour: 1 s, 4 s, 16 s, ~1 min, ~4 min, ~17 min, 1 h, … With the default
 * eight attempts a run keeps trying for about an hour and a half, long enough
 * to ride out a mail server or chat API outage without hammering it, while a
 * bug still ends up as a visibly failed job the same day. The jitter spreads
 * retries of many jobs that failed together (one outage) so they do not all
 * come back in the same instant.
 */
export function defaultBackoff(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 4 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 3_600_000;
