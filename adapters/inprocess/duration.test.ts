import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, defaultBackoff } from './backoff.js';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads the forms workflows use', () => {
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('4h')).toBe(14_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2 hours')).toBe(7_200_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('42')).toBe(42);
  });

  it('throws on anything it cannot read instead of guessing a timer', () => {
    for (const bad of ['', 'soon', '10 parsecs', '5m later', '-1s']) expect(() => parseDuration(bad)).toThrow(/Invalid duration/);
    expect(() => parseDuration(-5)).toThrow();
    expect(() => parseDuration(Number.NaN)).toThrow();
  });
});

describe('defaultBackoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(defaultBackoff(1, () => 0)).toBe(500);
    expect(defaultBackoff(1, () => 1)).toBe(1_000);
    expect(defaultBackoff(3, () => 1)).toBe(16_000);
    expect(defaultBackoff(50, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(defaultBackoff(50, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
