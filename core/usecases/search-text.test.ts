import { describe, expect, it } from 'vitest';
import { testHelpdesk } from '../testing/harness.js';
import { searchTextProblem } from './search-text.js';

describe('search words for /tickets', () => {
  it('accepts plain words, spacing and emoji', () => {
    for (const text of [undefined, '', 'vpn down', 'tab\there', 'line\nbreak', 'naïve 日本語 🙂', '% _ \\ "quoted"']) expect(searchTextProblem(text)).toBeNull();
  });

  it('names NUL, other control characters and broken characters', () => {
    expect(searchTextProblem('vpn\u0000')).toMatch(/NUL/);
    expect(searchTextProblem('a\u001b[2J')).toMatch(/control characters/);
    expect(searchTextProblem('a\u007f')).toMatch(/control characters/);
    expect(searchTextProblem('half \ud83d of an emoji')).toMatch(/broken character/);
    expect(searchTextProblem('\ude42 tail')).toMatch(/broken character/);
  });

  it('are refused with a coded error before the store is asked, from every surface alike', async () => {
    const t = testHelpdesk();
    const identified = await t.helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!identified.ok) throw new Error(identified.error.message);
    const alice = identified.value;
    let asked = 0;
    const list = t.store.listTickets.bind(t.store);
    t.store.listTickets = (q) => {
      asked++;
      return list(q);
    };
    const refused = await t.helpdesk.listTickets(alice, { scope: 'mine', text: 'printer\u0000' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'INPUT.BAD_FILTER', message: expect.stringMatching(/NUL/) });
    expect(asked).toBe(0);
    expect((await t.helpdesk.listTickets(alice, { scope: 'mine', text: 'printer' })).ok).toBe(true);
    expect(asked).toBe(1);
  });
});
