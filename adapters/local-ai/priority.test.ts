import { describe, expect, it } from 'vitest';
import { readPriority } from './priority.js';

describe('readPriority', () => {
  it.each([
    ['VPN is down for everyone', ''],
    ['Outage: payroll site', 'Many users affected since 9am'],
    ['Suspicious email', 'I think I was phished and my account is compromised'],
    ['Laptop stolen', 'Possible data breach'],
    ['Shared drive', 'We lost data after the sync, data loss on the finance folder'],
    ['Report export broken', 'Deadline is today, urgent please'],
    ['URGENT: cannot submit invoices', ''],
  ])('reads HIGH from %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it.each([
    ['How do I add a shared calendar', ''],
    ['Is it possible to get a second monitor', ''],
    ['Where can I find the VPN guide?', ''],
    ['Question about licences', 'Not urgent, just wondering'],
  ])('reads LOW from %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it('reads MEDIUM without signals', () => {
    expect(readPriority('Printer on floor 3 jams', 'It jams on duplex jobs.')).toEqual({ priority: 'MEDIUM', reasons: [] });
  });

  it('does not count a negated urgency', () => {
    expect(readPriority('New keyboard', 'Not urgent, whenever you have time').priority).toBe('LOW');
  });

  it('lets a HIGH signal win over question wording', () => {
    const r = readPriority('How do I recover? Ransomware on my laptop', '');
    expect(r.priority).toBe('HIGH');
    expect(r.reasons[0]).toContain('security');
  });

  it('treats pattern characters in text as plain text', () => {
    expect(() => readPriority('((( [a-z]+ $$$ \\', '.*+? ^$ {2,}')).not.toThrow();
  });
});
