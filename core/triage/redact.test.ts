import { describe, expect, it } from 'vitest';
import { keptShapes, redactedShapes } from '../../test/ai/redaction-shapes.js';
import { luhnValid, PLACEHOLDER, redactText } from './redact.js';

const r = (s: string) => redactText(s).text;

describe('the shapes docs/ai.md lists', () => {
  const shapes = redactedShapes();
  it('lists every shape it promises (at least the national phone formats and the five languages)', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(50);
    for (const s of shapes) expect(s.removed.length, s.shape).toBeGreaterThan(0);
  });

  it.each(shapes.map((s) => [s.shape, s] as const))('redacts %s', (_shape, s) => {
    expect(r(s.example)).toBe(s.sent);
  });

  it.each(keptShapes().map((s) => [s.shape, s.example] as const))('keeps %s', (_shape, example) => {
    expect(r(example)).toBe(example);
  });
});

describe('redactText', () => {
  it('removes email addresses', () => {
    expect(r('Write to jane.doe+it@example.co.uk please')).toBe(`Write to ${PLACEHOLDER.email} please`);
  });

  it('removes API keys and tokens of every common shape', () => {
    const secrets = [
      'sk-proj-abcdEFGH1234567890abcdEFGH',
      'sk-abcdefghijklmnopqrstuvwx',
      'xoxb-1234567890-abcdefghijkl',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'AKIAIOSFODNN7EXAMPLE',
      'AIzaSyA1234567890abcdefghijklmnopqrstuv',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      '3f8a9c2e7b1d4f6a8c0e2b4d6f8a0c2e4b6d8f0a',
      'Zm9vYmFyQmF6MTIzNDU2Nzg5MEFCQ0RFRkdISUpLTE1Ob3Bx',
    ];
    for (const s of secrets) {
      const out = r(`the key is ${s} ok`);
      expect(out, s).not.toContain(s);
      expect(out).toContain('[REDACTED_');
    }
    expect(r('Authorization: Bearer abcdef1234567890abcdef')).toBe(`Authorization: Bearer ${PLACEHOLDER.secret}`);
  });

  it('removes passwords written as assignments, but keeps ordinary sentences', () => {
    expect(r('password: hunter2')).toBe(`password: ${PLACEHOLDER.password}`);
    expect(r('my Password=Sup3r$ecret!')).toBe(`my Password=${PLACEHOLDER.password}`);
    expect(r('my password is Winter2024!')).toBe(`my password is ${PLACEHOLDER.password}`);
    expect(r('my password is expired')).toBe('my password is expired');
    expect(r('password reset does not work')).toBe('password reset does not work');
  });

  it('removes card numbers only when the Luhn check passes', () => {
    expect(r('card 4111 1111 1111 1111 was charged')).toBe(`card ${PLACEHOLDER.card} was charged`);
    expect(r('card 4111-1111-1111-1111')).toBe(`card ${PLACEHOLDER.card}`);
    expect(r('order 1234 5678 9012 3456')).toBe('order 1234 5678 9012 3456');
    expect(luhnValid('79927398713')).toBe(false);
    expect(luhnValid('4012888888881881')).toBe(true);
  });

  it('removes phone numbers but not dates, IP addresses or versions', () => {
    expect(r('call me at +44 20 7946 0958')).toBe(`call me at ${PLACEHOLDER.phone}`);
    expect(r('desk (555) 123-4567 today')).toBe(`desk ${PLACEHOLDER.phone} today`);
    expect(r('mobile: 0151 234 5678')).toBe(`mobile: ${PLACEHOLDER.phone}`);
    expect(r('phone 015123456789')).toBe(`phone ${PLACEHOLDER.phone}`);
    for (const keep of ['since 2024-01-05 10:30', 'server 192.168.100.200 is down', 'client 10.2.3.4411 crashed', 'ticket 12345678 again', 'error 0x80070005']) {
      expect(r(keep)).toBe(keep);
    }
  });

  it('counts findings per kind without keeping values', () => {
    const out = redactText('a@b.io and c@d.io, password: x1y2z3');
    expect(out.counts).toEqual({ email: 2, password: 1 });
  });

  it('is idempotent', () => {
    const once = r('mail a@b.io, key sk-abcdefghijklmnopqrstuvwx, call +1 415 555 2671');
    expect(r(once)).toBe(once);
  });
});
