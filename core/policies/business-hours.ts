/**
 * Business-hour arithmetic: when a clock that runs only during opening hours
 * reaches a span, and how much of such a clock lies between two instants.
 *
 * Opening hours are wall-clock times in one IANA time zone; the platform's
 * `Intl` data turns them into instants, so daylight-saving changes and zone
 * rules need no tables of our own. A day listed in `holidays` (a local date)
 * is closed all day. Pure functions; every instant is milliseconds since the
 * epoch (UTC).
 */

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours of one weekday, as minutes after local midnight (open < close). */
export interface DayWindow {
  readonly open: number;
  readonly close: number;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** Opening hours per ISO weekday; a weekday without an entry is closed. */
  readonly week: Readonly<Partial<Record<Weekday, DayWindow>>>;
  /** Closed local dates, `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
}

/** A span of clock time: whole business days (same time of day, n open days later), then milliseconds of open time. */
export interface Span {
  readonly days: number;
  readonly ms: number;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** No opening within this many days means the calendar has none at all (a bug in the settings). */
const MAX_DAYS_SEARCHED = 3_700;

export function span(ms: number, days = 0): Span {
  return { days, ms };
}

export function isZeroSpan(s: Span): boolean {
  return s.days <= 0 && s.ms <= 0;
}

// ---------------------------------------------------------------- parsing

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Parses opening hours such as `Mon-Fri 09:00-17:30` or
 * `Mon-Thu 09:00-17:30, Fri 09:00-15:00, Sat 10:00-12:00`. Every group names
 * days (a range or one day) and one window that opens before it closes
 * (`24:00` is midnight at the end of the day).
 */
export function parseBusinessHours(text: string): Parsed<Partial<Record<Weekday, DayWindow>>> {
  const week: Partial<Record<Weekday, DayWindow>> = {};
  const groups = text
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length === 0) return { ok: false, message: 'must name days and hours, e.g. "Mon-Fri 09:00-17:30"' };
  for (const group of groups) {
    const m = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(group);
    if (!m) return { ok: false, message: `"${group}" must look like "Mon-Fri 09:00-17:30"` };
    const first = dayIndex(m[1] ?? '');
    const last = m[2] ? dayIndex(m[2]) : first;
    if (first === null || last === null) return { ok: false, message: `"${group}": days are Mon, Tue, Wed, Thu, Fri, Sat, Sun` };
    if (last < first) return { ok: false, message: `"${group}": the day range runs backwards (write it from Monday on, e.g. Mon-Fri)` };
    const open = minutes(m[3], m[4]);
    const close = minutes(m[5], m[6]);
    if (open === null || close === null) return { ok: false, message: `"${group}": times are HH:MM from 00:00 to 24:00` };
    if (open >= close)
      return { ok: false, message: `"${group}": opens at ${m[3]}:${m[4]} but closes at ${m[5]}:${m[6]}; hours must open before they close on the same day (no overnight windows)` };
    for (let d = first; d <= last; d++) {
      if (week[d as Weekday]) return { ok: false, message: `"${group}": ${DAY_NAMES[d - 1]} is listed twice` };
      week[d as Weekday] = { open, close };
    }
  }
  return { ok: true, value: week };
}

/** Whether the platform knows the zone (`Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses one holiday, `YYYY-MM-DD`, checking that the date exists. */
export function parseHoliday(text: string): Parsed<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, message: `"${text}" is not a date (use YYYY-MM-DD, e.g. 2026-12-24)` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return { ok: false, message: `"${text}" is not a date in the calendar` };
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

function dayIndex(name: string): number | null {
  const i = DAY_NAMES.indexOf(name.toLowerCase() as (typeof DAY_NAMES)[number]);
  return i < 0 ? null : i + 1;
}

function minutes(h: string | undefined, m: string | undefined): number | null {
  const hh = Number(h);
  const mm = Number(m);
  if (!Number.isInteger(hh) || !Number.isInteger(mm) || mm > 59 || hh > 24 || (hh === 24 && mm !== 0)) return null;
  return hh * 60 + mm;
}

// ---------------------------------------------------------------- zones

interface LocalDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading in `zone` at `ms`, as if it were UTC (so differences give the zone's offset). */
function wallClockMs(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0) + (ms % 1000 + 1000) % 1000;
}

/** The zone's offset from UTC at `ms`, in milliseconds (Berlin in winter: +3 600 000). */
export function zoneOffsetMs(ms: number, zone: string): number {
  return wallClockMs(ms, zone) - ms;
}

/**
 * The instant a local wall-clock time happens in `zone`. A time that the
 * spring change skips (02:30 in Berlin on the last Sunday of March) maps to
 * the same distance after the change; one that happens twice in autumn maps
 * to its first occurrence.
 */
export function localToInstant(date: LocalDate, minuteOfDay: number, zone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + minuteOfDay * MINUTE;
  // Zones change their offset at most once within a day: the offsets half a day either side cover both readings.
  const before = wall - zoneOffsetMs(wall - DAY_MS / 2, zone);
  const after = wall - zoneOffsetMs(wall + DAY_MS / 2, zone);
  const valid = [before, after].filter((c) => wallClockMs(c, zone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // Skipped by the spring change: the old offset lands as far after the change as the time was after it.
  return before;
}

function localDateOf(ms: number, zone: string): LocalDate {
  const w = new Date(wallClockMs(ms, zone));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

function nextDate(date: LocalDate): LocalDate {
  const n = new Date(Date.UTC(date.y, date.m - 1, date.d) + DAY_MS);
  return { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate() };
}

function weekdayOf(date: LocalDate): Weekday {
  const js = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return (js === 0 ? 7 : js) as Weekday;
}

function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- arithmetic

/** The open interval of a local date as instants, or null when the day is closed (weekday off or holiday). */
function openInterval(cal: BusinessCalendar, date: LocalDate): { start: number; end: number } | null {
  const window = cal.week[weekdayOf(date)];
  if (!window || cal.holidays.includes(isoDate(date))) return null;
  return { start: localToInstant(date, window.open, cal.timeZone), end: localToInstant(date, window.close, cal.timeZone) };
}

/** Open intervals from the local day of `fromMs` on, in order. */
function* openIntervals(cal: BusinessCalendar, fromMs: number): Generator<{ start: number; end: number; date: LocalDate }> {
  let date = localDateOf(fromMs, cal.timeZone);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, date = nextDate(date)) {
    const open = openInterval(cal, date);
    if (open && open.end > fromMs) yield { ...open, date };
  }
  throw new Error('business calendar has no opening hours within ten years; check BUSINESS_HOURS and HOLIDAYS');
}

/** Whether the clock runs at `ms`: inside opening hours on an open day. */
export function isOpenAt(cal: BusinessCalendar | null, ms: number): boolean {
  if (cal === null) return true;
  const open = openInterval(cal, localDateOf(ms, cal.timeZone));
  return open !== null && ms >= open.start && ms < open.end;
}

/** `ms` itself when the clock runs then, else the next opening. */
export function nextOpening(cal: BusinessCalendar | null, ms: number): number {
  if (cal === null) return ms;
  for (const open of openIntervals(cal, ms)) return Math.max(ms, open.start);
  /* c8 ignore next */
  throw new Error('unreachable');
}

/**
 * The instant a business clock started at `fromMs` reaches `s`: first
 * `s.days` open days (the same distance into the day, or its closing time
 * on a shorter day), then `s.ms` of open time. Without a calendar (24/7) a
 * day is 24 hours. The result never lies outside opening hours (it may be a
 * closing time exactly).
 */
export function addSpan(cal: BusinessCalendar | null, fromMs: number, s: Span): number {
  if (cal === null) return fromMs + s.days * DAY_MS + s.ms;
  let at = nextOpening(cal, fromMs);
  if (s.days > 0) at = addBusinessDays(cal, at, s.days);
  let remaining = s.ms;
  if (remaining <= 0) return at;
  for (const open of openIntervals(cal, at)) {
    const start = Math.max(at, open.start);
    if (remaining <= open.end - start) return start + remaining;
    remaining -= open.end - start;
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** `at` (inside opening hours) moved `days` open days on, keeping its distance from the day's opening. */
function addBusinessDays(cal: BusinessCalendar, at: number, days: number): number {
  const today = openInterval(cal, localDateOf(at, cal.timeZone));
  const into = today ? Math.max(0, at - today.start) : 0;
  let count = 0;
  for (const open of openIntervals(cal, (today?.end ?? at) + 1)) {
    if (++count === days) return Math.min(open.start + into, open.end);
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Milliseconds of open time between two instants (0 when `toMs` is not after `fromMs`). */
export function businessMsBetween(cal: BusinessCalendar | null, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (cal === null) return toMs - fromMs;
  let total = 0;
  for (const open of openIntervals(cal, fromMs)) {
    if (open.start >= toMs) break;
    total += Math.min(open.end, toMs) - Math.max(open.start, fromMs);
  }
  return total;
}
