import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from './config.js';
import { slaSettings } from './wiring/sla.js';

function ok(env: Record<string, string>): Readonly<Config> {
  const parsed = loadConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

function problems(env: Record<string, string>): readonly string[] {
  const parsed = loadConfig(env);
  if (parsed.ok) throw new Error('expected the configuration to be refused');
  return parsed.problems;
}

const HOUR = 3_600_000;

describe('SLA and business-hours configuration', () => {
  it('defaults to today’s windows around the clock, with nudges after 2 and auto-close after 3 more days', () => {
    const { sla, lifecycle } = slaSettings(ok({}).sla);
    expect(sla.firstResponse).toEqual({ HIGH: { days: 0, ms: HOUR / 2 }, MEDIUM: { days: 0, ms: 4 * HOUR }, LOW: { days: 0, ms: 24 * HOUR } });
    expect(sla.calendar).toBeNull();
    expect(lifecycle).toEqual({ nudgeAfter: { days: 2, ms: 0 }, autoCloseAfter: { days: 3, ms: 0 }, reopenWindowMs: 7 * 24 * HOUR });
  });

  it('reads business hours, the zone, holidays (inline and from a file) and the priorities that run 24/7', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const file = join(dir, 'holidays.txt');
    writeFileSync(file, '# public holidays\n2026-12-31\n\n2027-01-01 # new year\n');
    const config = ok({ BUSINESS_HOURS: 'Mon-Fri 09:00-17:30', BUSINESS_TZ: 'Europe/Berlin', HOLIDAYS: '2026-12-24,2026-12-25', HOLIDAYS_FILE: file, SLA_ALL_HOURS: 'high' });
    const { sla } = slaSettings(config.sla);
    expect(sla.calendar?.timeZone).toBe('Europe/Berlin');
    expect(sla.calendar?.week[1]).toEqual({ open: 540, close: 1050 });
    expect(sla.calendar?.week[6]).toBeUndefined();
    expect(sla.calendar?.holidays).toEqual(['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']);
    expect(sla.allHours).toEqual(['HIGH']);
  });

  it('keeps SLA_HIGH… as names for the first-response windows; the new names win', () => {
    expect(ok({ SLA_HIGH: '10m' }).sla.firstResponse.HIGH).toEqual({ days: 0, ms: 10 * 60_000 });
    const both = ok({ SLA_HIGH: '10m', SLA_FIRST_RESPONSE_HIGH: '20m' });
    expect(both.sla.firstResponse.HIGH).toEqual({ days: 0, ms: 20 * 60_000 });
    expect(both.warnings.join('\n')).toMatch(/SLA_HIGH=10m is the older name of SLA_FIRST_RESPONSE_HIGH/);
    expect(ok({ SLA_RESOLUTION_LOW: '0' }).sla.resolution.LOW).toEqual({ days: 0, ms: 0 });
  });

  it('reports every bad value at once: an overnight window, an unknown zone, a holiday that is not a date', () => {
    const all = problems({ BUSINESS_HOURS: 'Mon-Fri 17:00-09:00', BUSINESS_TZ: 'Europe/Atlantis', HOLIDAYS: '2026-12-24,christmas', NUDGE_AFTER: 'soon' });
    expect(all).toHaveLength(4);
    expect(all.join('\n')).toMatch(/BUSINESS_HOURS: "Mon-Fri 17:00-09:00": opens at 17:00 but closes at 09:00/);
    expect(all.join('\n')).toMatch(/BUSINESS_TZ: is not a time zone/);
    expect(all.join('\n')).toMatch(/HOLIDAYS: "christmas" is not a date/);
    expect(all.join('\n')).toMatch(/NUDGE_AFTER: must be a duration/);
  });

  it('refuses a higher priority with a longer window, per service level', () => {
    expect(problems({ SLA_NEXT_RESPONSE_HIGH: '2d', SLA_NEXT_RESPONSE_MEDIUM: '1h' }).join('\n')).toMatch(/SLA_NEXT_RESPONSE_HIGH: 2d is longer than SLA_NEXT_RESPONSE_MEDIUM 1h/);
    expect(problems({ SLA_HIGH: '10d', SLA_LOW: '1h' }).join('\n')).toMatch(/SLA_HIGH: 10d is longer than SLA_MEDIUM/);
    expect(problems({ HOLIDAYS_FILE: '/nonexistent/holidays.txt' }).join('\n')).toMatch(/HOLIDAYS_FILE: cannot read/);
  });
});
