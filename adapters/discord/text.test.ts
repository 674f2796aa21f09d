import type { APIApplicationCommand } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { SkillCatalog } from '../../core/index.js';
import { commandDefinitions } from './commands.js';
import { customId, parseCustomId } from './ids.js';
import { redactUrl } from './errors.js';
import { discordUserId, displayNameOf } from './identity.js';
import { RecentIds } from './recent.js';
import { diffCommands } from './register.js';
import { messageToTicket, skillChoices, splitSkills } from './text.js';

describe('text helpers', () => {
  it('completes the last skill of a comma-separated list from the catalog', () => {
    const catalog = new SkillCatalog();
    const choices = skillChoices('vpn, netw', (p, n) => catalog.suggest(p, n));
    expect(choices[0]).toEqual({ name: 'vpn, networking', value: 'vpn, networking' });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(skillChoices('vpn, vp', (p, n) => catalog.suggest(p, n)).map((c) => c.value)).not.toContain('vpn, vpn');
    expect(skillChoices(`${'x'.repeat(99)},`, () => ['vpn'])).toEqual([]);
    expect(splitSkills(' vpn,networking  python ')).toEqual(['vpn', 'networking', 'python']);
  });

  it('turns a message into a ticket draft with its attachments and author', () => {
    const draft = messageToTicket('\nPrinter jammed\nerror E42', ['https://cdn/x.png'], 'Dave');
    expect(draft.title).toBe('Printer jammed');
    expect(draft.description).toContain('https://cdn/x.png');
    expect(draft.description).toContain('Posted by Dave.');
    expect(messageToTicket('', [], 'Dave').title).toBe('Message from Dave');
  });
});

describe('ids and identities', () => {
  it('round-trips custom ids and rejects foreign ones', () => {
    expect(parseCustomId(customId('start', 'abc', 3))).toEqual({ action: 'start', args: ['abc', '3'] });
    expect(parseCustomId('other-app:thing')).toBeNull();
    expect(parseCustomId('hd:unknown')).toBeNull();
    expect(() => customId('start', 'a:b')).toThrow();
    expect(() => customId('start', 'x'.repeat(120))).toThrow();
  });

  it('reads Discord user ids and display names', () => {
    expect(discordUserId(['slack:T1:U1', 'discord:123456789012345678'])).toBe('123456789012345678');
    expect(discordUserId(['console:bob'])).toBeNull();
    expect(displayNameOf({ globalName: null, username: 'bob' })).toBe('bob');
    expect(displayNameOf({ globalName: 'B'.repeat(100), username: 'bob' })).toHaveLength(80);
  });
});

describe('command registration diff', () => {
  it('treats what Discord echoes back (ids, versions, default flags) as unchanged', () => {
    const wanted = commandDefinitions('global');
    const echoed = wanted.map((w, i) => ({ ...w, id: String(i), application_id: '1', version: '1', default_member_permissions: null, nsfw: false, description: 'description' in w ? w.description : '' })) as unknown as APIApplicationCommand[];
    expect(diffCommands(wanted, echoed).every((c) => c.change === 'unchanged')).toBe(true);
    const changed = echoed.map((c) => (c.name === 'tickets' ? { ...c, options: [] } : c));
    expect(diffCommands(wanted, changed).find((c) => c.name === 'tickets')?.change).toBe('updated');
    expect(diffCommands(wanted, []).every((c) => c.change === 'created')).toBe(true);
  });

  it('declares contexts only for global commands', () => {
    expect(commandDefinitions('guild').some((c) => 'contexts' in c)).toBe(false);
    expect(commandDefinitions('global').find((c) => c.name === 'Create ticket')).toMatchObject({ contexts: [0] });
  });
});

describe('delivery bookkeeping', () => {
  it('remembers ids for a while, within a bound', () => {
    const recent = new RecentIds(1000, 3);
    expect(recent.firstTime('a', 0)).toBe(true);
    expect(recent.firstTime('a', 500)).toBe(false);
    expect(recent.firstTime('a', 1500)).toBe(true);
    for (const id of ['b', 'c', 'd']) recent.firstTime(id, 1600);
    expect(recent.firstTime('a', 1700)).toBe(true);
  });

  it('keeps interaction tokens out of logged URLs', () => {
    expect(redactUrl('https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb24/messages/%40original')).toBe('https://discord.com/api/v10/webhooks/123/[token]/messages/%40original');
    expect(redactUrl('https://discord.com/api/v10/interactions/456/tok_abc/callback?with_response=false')).toBe('https://discord.com/api/v10/interactions/456/[token]/callback?with_response=false');
    expect(redactUrl('https://discord.com/api/v10/channels/1/messages')).toBe('https://discord.com/api/v10/channels/1/messages');
  });
});
