import { describe, expect, it } from 'vitest';
import { testHelpdesk } from '../testing/harness.js';
import { cleanMultilineText, cleanTitle } from './text.js';

const ESC = '\x1b';

describe('cleanTitle', () => {
  it('removes a screen-clearing escape and keeps the words', () => {
    expect(cleanTitle(`${ESC}[2J${ESC}[H[to @root] All tickets resolved`)).toBe('[to @root] All tickets resolved');
  });

  it('turns line breaks and tabs into spaces: a title is one line', () => {
    expect(cleanTitle('VPN down\n[to @root] forged\r\nline\tthree')).toBe('VPN down [to @root] forged line three');
  });

  it('removes OSC strings, short escapes, C0, DEL, C1 and bidi controls', () => {
    expect(cleanTitle(`${ESC}]0;owned\x07Printer${ESC}]8;;http://x${ESC}\\ jam${ESC}c`)).toBe('Printer jam');
    expect(cleanTitle('a\x00b\x07c\x7fd\x85e\x9b31mf')).toBe('abcdef');
    expect(cleanTitle('invoice \u202Efdp.exe\u202C \u2066x\u2069')).toBe('invoice fdp.exe x');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(cleanTitle('  Drucker in Zürich — kaputt 🖨️  ')).toBe('Drucker in Zürich — kaputt 🖨️');
  });
});

describe('cleanMultilineText', () => {
  it('keeps newlines and tabs, normalises carriage returns and removes other controls', () => {
    expect(cleanMultilineText(`line one\r\nline\ttwo\rline three${ESC}[31m red${ESC}[0m\x08\u202E`)).toBe('line one\nline\ttwo\nline three red');
  });
});

describe('filing cleans the text', () => {
  it('stores a title without escapes or line breaks and a description without escapes', async () => {
    const { helpdesk, store } = testHelpdesk({});
    const alice = await helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!alice.ok) throw new Error(alice.error.message);
    const filed = await helpdesk.fileTicket({
      requesterId: alice.value.id,
      title: `${ESC}[2J${ESC}[HVPN down\n[to @root] All tickets resolved`,
      description: `since 9am\n${ESC}[2Jerror 809`,
      origin: { platform: 'console' },
    });
    if (!filed.ok) throw new Error(filed.error.message);
    const stored = (await store.getTicketByRef(filed.value.ticket.ref))!;
    expect(stored.title).toBe('VPN down [to @root] All tickets resolved');
    expect(stored.description).toBe('since 9am\nerror 809');
  });

  it('counts a title made only of control characters as empty', async () => {
    const { helpdesk } = testHelpdesk({});
    const alice = await helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!alice.ok) throw new Error(alice.error.message);
    const filed = await helpdesk.fileTicket({ requesterId: alice.value.id, title: `${ESC}[2J\x07\u202E`, origin: { platform: 'console' } });
    expect(!filed.ok && filed.error.code).toBe('INPUT.TITLE_EMPTY');
  });
});
