import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isKnownTimeZone, parseBusinessHours, parseHoliday, PRIORITIES, span, type BusinessCalendar, type Priority, type Span } from '../core/index.js';

/**
 * The service-level and ticket-lifecycle part of the configuration (see
 * bot/config.ts, which spreads these fields into its schema): SLA windows
 * per priority, business hours, holidays, and waiting on the requester.
 */

const str = z.string().trim();
/** `30m`, `4h`, `2d` (with business hours: business days), or `0` for off. */
const duration = str.regex(/^(0|\d+(ms|s|m|h|d))$/, { message: 'must be a duration like 30m, 4h or 2d (0 turns it off)' });

export const slaShape = {
  /** Earlier names of the first-response windows, kept as aliases. */
  SLA_HIGH: duration.default('30m'),
  SLA_MEDIUM: duration.default('4h'),
  SLA_LOW: duration.default('24h'),
  SLA_FIRST_RESPONSE_HIGH: duration.optional(),
  SLA_FIRST_RESPONSE_MEDIUM: duration.optional(),
  SLA_FIRST_RESPONSE_LOW: duration.optional(),
  SLA_NEXT_RESPONSE_HIGH: duration.default('1h'),
  SLA_NEXT_RESPONSE_MEDIUM: duration.default('8h'),
  SLA_NEXT_RESPONSE_LOW: duration.default('24h'),
  SLA_RESOLUTION_HIGH: duration.default('8h'),
  SLA_RESOLUTION_MEDIUM: duration.default('3d'),
  SLA_RESOLUTION_LOW: duration.default('10d'),
  SLA_ALL_HOURS: str
    .transform((s) => s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(PRIORITIES, { message: 'entries must be HIGH, MEDIUM or LOW' })))
    .optional(),
  /** Read into the opening hours per weekday here, once. */
  BUSINESS_HOURS: str
    .transform((v, ctx) => {
      const parsed = parseBusinessHours(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .optional(),
  BUSINESS_TZ: str.refine(isKnownTimeZone, { message: 'is not a time zone this platform knows (use an IANA name such as Europe/Berlin or America/New_York)' }).optional(),
  HOLIDAYS: str
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .superRefine((days, ctx) => {
      for (const d of days) {
        const parsed = parseHoliday(d);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      }
    })
    .optional(),
  HOLIDAYS_FILE: str.optional(),
  NUDGE_AFTER: duration.default('2d'),
  AUTO_CLOSE_AFTER: duration.default('3d'),
  REOPEN_WINDOW: duration.default('7d'),
};

type SlaRaw = z.infer<z.ZodObject<typeof slaShape>>;

export interface SlaConfig {
  readonly firstResponse: Readonly<Record<Priority, Span>>;
  readonly nextResponse: Readonly<Record<Priority, Span>>;
  readonly resolution: Readonly<Record<Priority, Span>>;
  /** Business hours, zone and holidays; null: the clocks run around the clock. */
  readonly calendar: BusinessCalendar | null;
  readonly allHours: readonly Priority[];
  readonly nudgeAfter: Span;
  readonly autoCloseAfter: Span;
  readonly reopenWindowMs: number;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * The configuration's one reading of a duration (`30m`, `4h`, `2d`, `0`;
 * the schema has checked the form): whole days stay days, which business
 * hours count as business days; anything else is milliseconds.
 */
export function spanSetting(text: string): Span {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!m) return span(0);
  const n = Number(m[1]);
  return m[2] === 'd' ? span(0, n) : span(n * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
}

/** A duration as real time (a day as 24 hours): for settings the calendar does not apply to, and for comparing spans. */
export function spanMs(text: string): number {
  const s = spanSetting(text);
  return s.days * UNIT_MS.d + s.ms;
}

/**
 * The cross-checks of the SLA settings, reporting into `problems` and
 * `warnings`; returns the settings, read once, for bot/wiring/sla.ts.
 */
export function checkSlaConfig(c: SlaRaw, problems: string[], warnings: string[], readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): SlaConfig {
  const firstNames = (p: Priority) => (c[`SLA_FIRST_RESPONSE_${p}`] !== undefined ? `SLA_FIRST_RESPONSE_${p}` : `SLA_${p}`);
  const first = (p: Priority) => c[`SLA_FIRST_RESPONSE_${p}`] ?? c[`SLA_${p}`];
  for (const p of PRIORITIES) {
    const alias = c[`SLA_${p}`];
    const current = c[`SLA_FIRST_RESPONSE_${p}`];
    if (current !== undefined && alias !== slaShape[`SLA_${p}`].parse(undefined) && alias !== current)
      warnings.push(`SLA_${p}=${alias} is the older name of SLA_FIRST_RESPONSE_${p}, which is also set (${current}) and wins`);
  }
  const kinds = [
    { name: (p: Priority) => firstNames(p), value: first },
    { name: (p: Priority) => `SLA_NEXT_RESPONSE_${p}`, value: (p: Priority) => c[`SLA_NEXT_RESPONSE_${p}`] },
    { name: (p: Priority) => `SLA_RESOLUTION_${p}`, value: (p: Priority) => c[`SLA_RESOLUTION_${p}`] },
  ];
  const order = ['HIGH', 'MEDIUM', 'LOW'] as const;
  for (const kind of kinds) {
    for (let i = 1; i < order.length; i++) {
      const hi = order[i - 1] as Priority;
      const lo = order[i] as Priority;
      const [hiValue, loValue] = [kind.value(hi), kind.value(lo)];
      // 0 turns a level off, so it is never "longer" than another.
      if (hiValue !== '0' && loValue !== '0' && spanMs(hiValue) > spanMs(loValue))
        problems.push(`${kind.name(hi)}: ${hiValue} is longer than ${kind.name(lo)} ${loValue}; a higher priority must get an equal or shorter window`);
    }
  }

  const holidays = [...(c.HOLIDAYS ?? [])];
  if (c.HOLIDAYS_FILE) {
    try {
      for (const line of readFile(c.HOLIDAYS_FILE).split(/\r?\n/)) {
        const text = line.replace(/#.*/, '').trim();
        if (!text) continue;
        const parsed = parseHoliday(text);
        if (parsed.ok) holidays.push(parsed.value);
        else problems.push(`HOLIDAYS_FILE: ${parsed.message} in ${c.HOLIDAYS_FILE}`);
      }
    } catch (error) {
      problems.push(`HOLIDAYS_FILE: cannot read ${c.HOLIDAYS_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'}); one date (YYYY-MM-DD) per line`);
    }
  }
  if (!c.BUSINESS_HOURS && (c.BUSINESS_TZ || holidays.length > 0 || c.SLA_ALL_HOURS))
    warnings.push('BUSINESS_TZ, HOLIDAYS and SLA_ALL_HOURS only apply with BUSINESS_HOURS; without it the SLA clocks run around the clock');
  if (c.BUSINESS_HOURS && !c.BUSINESS_TZ) warnings.push(`BUSINESS_HOURS is set without BUSINESS_TZ: the hours are read in UTC`);

  const per = (value: (p: Priority) => string) => ({ HIGH: spanSetting(value('HIGH')), MEDIUM: spanSetting(value('MEDIUM')), LOW: spanSetting(value('LOW')) });
  return {
    firstResponse: per(first),
    nextResponse: per((p) => c[`SLA_NEXT_RESPONSE_${p}`]),
    resolution: per((p) => c[`SLA_RESOLUTION_${p}`]),
    calendar: c.BUSINESS_HOURS ? { week: c.BUSINESS_HOURS, timeZone: c.BUSINESS_TZ ?? 'UTC', holidays: [...new Set(holidays)].sort() } : null,
    allHours: c.SLA_ALL_HOURS ?? [],
    nudgeAfter: spanSetting(c.NUDGE_AFTER),
    autoCloseAfter: spanSetting(c.AUTO_CLOSE_AFTER),
    reopenWindowMs: spanMs(c.REOPEN_WINDOW),
  };
}
