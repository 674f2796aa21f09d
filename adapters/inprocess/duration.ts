/**
 * Durations as workflows write them for Inngest's `step.sleep` and
 * `waitForEvent({ timeout })`: a number of milliseconds, or a string such as
 * `'10s'`, `'30m'`, `'4h'`, `'1d'`, `'1h30m'` or `'2 hours'`.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;

/**
 * Milliseconds in `duration`. An unreadable string is a bug in the workflow,
 * so it throws rather than guessing (a guessed timer would fire at the wrong time).
 */
export function parseDuration(duration: number | string): number {
  if (typeof duration === 'number') {
    if (!Number.isFinite(duration) || duration < 0) throw new Error(`Invalid duration: ${duration}`);
    return duration;
  }
  const text = duration.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let matched = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    const unit = UNIT_MS[m[2] ?? ''];
    if (unit === undefined) break;
    total += Number(m[1]) * unit;
    matched = PART.lastIndex;
  }
  if (text === '' || matched !== text.length) throw new Error(`Invalid duration: "${duration}" (use e.g. 10s, 30m, 4h, 1d)`);
  return total;
}
