import { describe, expect, it } from 'vitest';
import {
  addSpan,
  businessMsBetween,
  isKnownTimeZone,
  isOpenAt,
  localToInstant,
  nextOpening,
  parseBusinessHours,
  parseHoliday,
  span,
  type BusinessCalendar,
} from '../../core/policies/business-hours.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function calendar(hours: string, timeZone: string, holidays: string[] = []): BusinessCalendar {
  const week = parseBusinessHours(hours);
  if (!week.ok) throw new Error(week.message);
  return { timeZone, week: week.value, holidays };
}

const berlin = calendar('Mon-Fri 09:00-17:30', 'Europe/Berlin');
const newYork = calendar('Mon-Fri 09:00-17:00', 'America/New_York');

describe('business hours: reading the settings', () => {
  it('reads day ranges, single days and several groups', () => {
    expect(parseBusinessHours('Mon-Fri 09:00-17:30')).toEqual({
      ok: true,
      value: { 1: { open: 540, close: 1050 }, 2: { open: 540, close: 1050 }, 3: { open: 540, close: 1050 }, 4: { open: 540, close: 1050 }, 5: { open: 540, close: 1050 } },
    });
    const split = parseBusinessHours('Mon-Thu 09:00-17:30, Fri 09:00-15:00, sat 10:00-24:00');
    expect(split.ok && split.value[5]).toEqual({ open: 540, close: 900 });
    expect(split.ok && split.value[6]).toEqual({ open: 600, close: 1440 });
    expect(split.ok && split.value[7]).toBeUndefined();
  });

  it('refuses windows that close before they open, backwards ranges and unreadable text, saying why', () => {
    const overnight = parseBusinessHours('Mon-Fri 17:00-09:00');
    expect(overnight.ok).toBe(false);
    expect(!overnight.ok && overnight.message).toMatch(/opens at 17:00 but closes at 09:00/);
    expect(parseBusinessHours('Fri-Mon 09:00-17:00').ok).toBe(false);
    expect(parseBusinessHours('Mon-Fri 9-5').ok).toBe(false);
    expect(parseBusinessHours('Mon-Fri 09:00-25:00').ok).toBe(false);
    expect(parseBusinessHours('Mon-Fri 09:00-17:00, Fri 10:00-12:00').ok).toBe(false);
    expect(parseBusinessHours('').ok).toBe(false);
  });

  it('knows zones from the platform and checks holidays are calendar dates', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(parseHoliday('2026-12-24')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseHoliday('2026-02-30').ok).toBe(false);
    expect(parseHoliday('Christmas').ok).toBe(false);
  });
});

describe('business hours: arithmetic', () => {
  it('Friday evening plus 30 minutes is Monday 09:30', () => {
    // Friday 2026-01-09 18:00 in Berlin (CET, UTC+1).
    expect(iso(addSpan(berlin, at('2026-01-09T17:00:00Z'), span(30 * MIN)))).toBe('2026-01-12T08:30:00.000Z');
    expect(isOpenAt(berlin, at('2026-01-12T02:00:00Z'))).toBe(false); // 3 a.m. Monday in Berlin
    expect(isOpenAt(berlin, at('2026-01-12T08:30:00Z'))).toBe(true);
  });

  it('a window that spans several days skips nights and the weekend', () => {
    // Thursday 2026-01-08 15:30 Berlin: 2 h left on Thursday, 8.5 h on Friday; 10.5 h ends at Friday's close, 11 h on Monday.
    expect(iso(addSpan(berlin, at('2026-01-08T14:30:00Z'), span(10.5 * HOUR)))).toBe('2026-01-09T16:30:00.000Z');
    expect(iso(addSpan(berlin, at('2026-01-08T14:30:00Z'), span(11 * HOUR)))).toBe('2026-01-12T08:30:00.000Z');
    // Monday 09:00 + 20 h: Monday 8.5, Tuesday 8.5, Wednesday 3 → Wednesday 12:00.
    expect(iso(addSpan(berlin, at('2026-01-12T08:00:00Z'), span(20 * HOUR)))).toBe('2026-01-14T11:00:00.000Z');
    expect(businessMsBetween(berlin, at('2026-01-12T08:00:00Z'), at('2026-01-14T11:00:00Z'))).toBe(20 * HOUR);
  });

  it('keeps counting across the spring and autumn change in Europe/Berlin', () => {
    // Summer time starts Sunday 2026-03-29. Friday 17:00 CET (16:00Z) + 1 h → Monday 09:30 CEST (07:30Z).
    expect(iso(addSpan(berlin, at('2026-03-27T16:00:00Z'), span(HOUR)))).toBe('2026-03-30T07:30:00.000Z');
    expect(businessMsBetween(berlin, at('2026-03-27T16:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(90 * MIN);
    // It ends Sunday 2026-10-25. Friday 17:00 CEST (15:00Z) + 1 h → Monday 09:30 CET (08:30Z).
    expect(iso(addSpan(berlin, at('2026-10-23T15:00:00Z'), span(HOUR)))).toBe('2026-10-26T08:30:00.000Z');
    // A clock open around the clock equals real time, also over the 23-hour and the 25-hour day.
    const always = calendar('Mon-Sun 00:00-24:00', 'Europe/Berlin');
    expect(iso(addSpan(always, at('2026-03-28T11:00:00Z'), span(24 * HOUR)))).toBe('2026-03-29T11:00:00.000Z');
    expect(iso(addSpan(always, at('2026-10-24T11:00:00Z'), span(48 * HOUR)))).toBe('2026-10-26T11:00:00.000Z');
  });

  it('keeps counting across the changes in America/New_York', () => {
    // DST starts Sunday 2026-03-08: Friday 16:00 EST (21:00Z) + 2 h → Monday 10:00 EDT (14:00Z).
    expect(iso(addSpan(newYork, at('2026-03-06T21:00:00Z'), span(2 * HOUR)))).toBe('2026-03-09T14:00:00.000Z');
    // It ends Sunday 2026-11-01: Friday 16:00 EDT (20:00Z) + 2 h → Monday 10:00 EST (15:00Z).
    expect(iso(addSpan(newYork, at('2026-10-30T20:00:00Z'), span(2 * HOUR)))).toBe('2026-11-02T15:00:00.000Z');
  });

  it('maps wall-clock times the change skips or repeats', () => {
    expect(iso(localToInstant({ y: 2026, m: 3, d: 29 }, 150, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 does not exist: 03:30 CEST
    expect(iso(localToInstant({ y: 2026, m: 10, d: 25 }, 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
  });

  it('skips holidays', () => {
    const christmas = calendar('Mon-Fri 09:00-17:30', 'Europe/Berlin', ['2026-12-24', '2026-12-25']);
    // Wednesday 2026-12-23 17:00 + 1 h: 30 min Wednesday, then Thursday and Friday are holidays → Monday 09:30.
    expect(iso(addSpan(christmas, at('2026-12-23T16:00:00Z'), span(HOUR)))).toBe('2026-12-28T08:30:00.000Z');
    expect(iso(nextOpening(christmas, at('2026-12-24T10:00:00Z')))).toBe('2026-12-28T08:00:00.000Z');
    expect(businessMsBetween(christmas, at('2026-12-23T16:00:00Z'), at('2026-12-28T08:30:00Z'))).toBe(HOUR);
  });

  it('counts business days at the same time of day, from the next opening when closed', () => {
    // Friday 16:00 + 2 business days → Tuesday 16:00.
    expect(iso(addSpan(berlin, at('2026-01-09T15:00:00Z'), span(0, 2)))).toBe('2026-01-13T15:00:00.000Z');
    // Friday evening + 3 business days → counted from Monday 09:00: Thursday 09:00.
    expect(iso(addSpan(berlin, at('2026-01-09T19:00:00Z'), span(0, 3)))).toBe('2026-01-15T08:00:00.000Z');
    // On a shorter day the count ends at its closing time.
    const shortFriday = calendar('Mon-Thu 09:00-17:30, Fri 09:00-15:00', 'Europe/Berlin');
    expect(iso(addSpan(shortFriday, at('2026-01-08T15:00:00Z'), span(0, 1)))).toBe('2026-01-09T14:00:00.000Z');
  });

  it('without a calendar the clock runs around the clock', () => {
    expect(addSpan(null, 1_000, span(HOUR, 1))).toBe(1_000 + 25 * HOUR);
    expect(businessMsBetween(null, 0, HOUR)).toBe(HOUR);
    expect(isOpenAt(null, 0)).toBe(true);
  });
});
