import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordIdentity } from '../../adapters/discord/index.js';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

describe('Discord /skills and /tickets', () => {
  let h: DiscordHarness;
  const run = async (user: keyof DiscordHarness['users'], name: string, options: Parameters<DiscordHarness['fake']['slash']>[2] = [], inGuild = true) => {
    const r = h.fake.slash(h.users[user], name, options, inGuild ? { guild: h.guild } : { dm: true });
    const first = await h.fake.answered(r);
    expect(first.data?.['flags'] ?? 64).toBe(64);
    return h.fake.replyText(r);
  };
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => h?.close());

  it('refuses non-admins without touching the person they named', async () => {
    const text = await run('dave', 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'python')])]);
    expect(text).toBe('Only helpdesk admins can do that.');
    expect(await h.person(h.users.bob)).toBeNull();
    expect(await run('dave', 'skills', [opt.sub('list')])).toContain('Dave — user, available');
  });

  it('lets HELPDESK_ADMINS manage people who never used the helpdesk', async () => {
    const text = await run('root', 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'VPN, networking')])]);
    expect(text).toContain('Bob — moderator');
    expect(text).toContain('vpn, networking');
    expect(text).toContain('made a moderator');
    const bob = await h.person(h.users.bob);
    expect(bob).toMatchObject({ role: 'moderator', skills: ['vpn', 'networking'], identities: [discordIdentity(h.users.bob.id)] });
    expect(await run('root', 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'basket-weaving')])])).toContain('Unknown skill');
  });

  it('lets members holding the admin role act as admins in the served server, without storing a promotion', async () => {
    const text = await run('carol', 'skills', [opt.sub('role', [opt.user('user', h.users.bob), opt.string('role', 'moderator')])]);
    expect(text).toContain('Bob is now a moderator.');
    expect((await h.person(h.users.carol))?.role).toBe('user');
    // In DMs there are no roles to see: Carol acts with the role on record.
    expect(await run('carol', 'skills', [opt.sub('list', [opt.user('user', h.users.bob)])], false)).toBe('Only helpdesk admins can do that.');
  });

  it('lets moderators mark themselves away and back', async () => {
    expect(await run('bob', 'skills', [opt.sub('away')], false)).toBe('Bob is now away.');
    expect(await run('bob', 'skills', [opt.sub('back')], false)).toBe('Bob is now available.');
    expect(await run('bob', 'skills', [opt.sub('away', [opt.user('user', h.users.root)])])).toBe('Only helpdesk admins can do that.');
  });

  it('completes skills from the catalog, one comma-separated entry at a time', async () => {
    const r = h.fake.autocomplete(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn, netw', true)])]);
    const answer = await h.fake.answered(r);
    expect(answer.type).toBe(8);
    const choices = (answer.data?.['choices'] ?? []) as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.value).toBe('vpn, networking');
  });

  it('links a Discord user to an existing person by email, only when an admin says so', async () => {
    const erinSlack = await h.helpdesk.identify({ identity: 'slack:T1:UERIN', displayName: 'Erin', email: 'erin@example.com' });
    if (!erinSlack.ok) throw new Error('setup');
    const erin = h.fake.addUser('erin', { globalName: 'Erin E.' });
    h.fake.addMember(h.guild, erin);
    const linkArgs = [opt.sub('link', [opt.user('user', erin), opt.string('identity', 'erin@example.com')])];

    expect(await run('dave', 'skills', linkArgs)).toBe('Only helpdesk admins can do that.');
    expect(await run('root', 'skills', linkArgs)).toContain(`Linked: Erin now also signs in as ${discordIdentity(erin.id)}`);
    const r = h.fake.slash(erin, 'tickets', [], { guild: h.guild });
    await h.fake.replyText(r);
    const linked = await h.store.findPersonByIdentity(discordIdentity(erin.id));
    expect(linked?.id).toBe(erinSlack.value.id);
    expect(linked?.identities).toEqual(['slack:T1:UERIN', discordIdentity(erin.id)]);

    // Two records that both exist are never merged.
    await h.helpdesk.identify({ identity: 'slack:T1:UDAVE', displayName: 'Dave on Slack' });
    const refused = await run('root', 'skills', [opt.sub('link', [opt.user('user', h.users.dave), opt.string('identity', 'slack:T1:UDAVE')])]);
    expect(refused).toContain('already have separate helpdesk records');
    expect(await run('root', 'skills', [opt.sub('link', [opt.user('user', h.users.dave), opt.string('identity', 'not an identity')])])).toContain('platform:id');
  });

  it('/tickets lists what each person may see, privately, with the console filters as options', async () => {
    for (const title of ['VPN down at home', 'VPN slow in office']) {
      const r = h.fake.slash(h.users.alice, 'ticket', [opt.string('text', title)], { guild: h.guild });
      await h.fake.replyText(r);
    }
    await h.settled();
    const mine = await run('alice', 'tickets');
    expect(mine).toContain('Tickets you filed: 2 tickets match');
    expect(mine).toContain('VPN down at home');

    const queue = await run('bob', 'tickets');
    expect(queue).toContain('Assigned to you and unassigned: 2 tickets match');
    expect(await run('bob', 'tickets', [opt.string('search', 'office')])).not.toContain('at home');
    expect(await run('bob', 'tickets', [opt.string('status', 'DONE')])).toContain('none');
    expect(await run('alice', 'tickets', [opt.string('scope', 'all')])).toContain('You can list only the tickets you filed');
    expect(await run('alice', 'tickets', [opt.string('skill', 'basket-weaving')])).toContain('not a skill in the catalog');
    expect(await run('root', 'tickets', [opt.string('skill', 'vpn')])).toContain('All tickets: 2 tickets match');
  });
});

describe('Discord command registration', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => h?.close());

  it('creates, then finds nothing to change, then updates and removes', async () => {
    const { registerCommands } = await import('../../adapters/discord/index.js');
    const options = { token: h.fake.token, applicationId: h.fake.applicationId, apiUrl: h.fake.apiUrl, guildId: h.guild.id };
    const first = await registerCommands(options);
    expect(first.commands.map((c) => `${c.change} ${c.name}`)).toEqual(['created ticket', 'created tickets', 'created claim', 'created note', 'created reply', 'created replies', 'created audit', 'created skills', 'created Create ticket', 'created panel', 'created helpdesk', 'created dashboard', 'created hold', 'created stats']);
    expect(first.wrote).toBe(true);

    const puts = () => h.fake.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/commands')).length;
    const second = await registerCommands(options);
    expect(second.commands.every((c) => c.change === 'unchanged')).toBe(true);
    expect(second.wrote).toBe(false);
    expect(puts()).toBe(1);

    const stored = h.fake.state.guildCommands.get(h.guild.id) as Json[];
    stored[0] = { ...stored[0], description: 'old text' };
    stored.push({ id: '1', name: 'legacy', type: 1, description: 'gone' });
    const third = await registerCommands(options);
    expect(third.commands.map((c) => `${c.change} ${c.name}`)).toEqual(['updated ticket', 'unchanged tickets', 'unchanged claim', 'unchanged note', 'unchanged reply', 'unchanged replies', 'unchanged audit', 'unchanged skills', 'unchanged Create ticket', 'unchanged panel', 'unchanged helpdesk', 'unchanged dashboard', 'unchanged hold', 'unchanged stats', 'removed legacy']);
    expect(puts()).toBe(2);

    const global = await registerCommands({ token: options.token, applicationId: options.applicationId, apiUrl: options.apiUrl });
    expect(global.scope).toBe('global');
    expect((h.fake.state.globalCommands[0] as Json)['contexts']).toEqual([0, 1]);
  });
});
