import { describe, expect, it } from 'vitest';
import { parseMention, slackIdentity, slackUserId } from './identity.js';
import { slackToPlain, splitTicketText } from './text.js';
import { TtlCache } from './ttl-cache.js';

describe('splitTicketText', () => {
  it('splits on the first bar like the console, else uses the first line as the title', () => {
    expect(splitTicketText(' VPN down | since 9am | really ')).toEqual({ title: 'VPN down', description: 'since 9am | really' });
    expect(splitTicketText('Printer jammed')).toEqual({ title: 'Printer jammed', description: 'Printer jammed' });
    expect(splitTicketText('Printer jammed\nTray 2, since noon')).toEqual({ title: 'Printer jammed', description: 'Printer jammed\nTray 2, since noon' });
  });

  it('cuts an over-long first line at a word boundary, keeping the whole text as the description', () => {
    const long = `${'word '.repeat(60)}end`;
    const { title, description } = splitTicketText(long);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('word…')).toBe(true);
    expect(description).toBe(long.trim());
  });
});

describe('slackToPlain', () => {
  it('turns Slack markup into plain text', () => {
    expect(slackToPlain('hi <@U123|max> and <@U456>, see <https://a.example/x|the doc> or <https://b.example> in <#C1|general> &lt;3 &amp; <!here>')).toBe(
      'hi @max and @U456, see the doc (https://a.example/x) or https://b.example in #general <3 & @here',
    );
  });
});

describe('identities', () => {
  it('maps Slack users to identities and back', () => {
    expect(slackIdentity('T1', 'U1')).toBe('slack:T1:U1');
    expect(slackUserId(['console:bob', 'slack:T1:U1'])).toBe('U1');
    expect(slackUserId(['console:bob'])).toBeNull();
    expect(parseMention('<@U123|max>')).toBe('U123');
    expect(parseMention('<@W123>')).toBe('W123');
    expect(parseMention('@max')).toBeNull();
  });
});

describe('TtlCache', () => {
  it('evicts the least recently used entry and expires old ones', () => {
    let now = 0;
    const cache = new TtlCache<string>(2, 100, () => now);
    cache.set('a', '1');
    cache.set('b', '2');
    expect(cache.get('a')).toBe('1');
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    now = 150;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
