import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discordIdentity } from '../../adapters/discord/index.js';
import { opt, type FakeGuild, type FakeUser } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

const OTHER_SERVER = 'This helpdesk does not serve this server.';
const STRANGER = 'I only help people from the servers this helpdesk serves.';

async function ask(h: DiscordHarness, user: FakeUser, name: string, options: Parameters<DiscordHarness['fake']['slash']>[2], place: FakeGuild | 'dm'): Promise<string> {
  const r = h.fake.slash(user, name, options, place === 'dm' ? { dm: true } : { guild: place });
  const first = await h.fake.answered(r);
  expect(first.data?.['flags'] ?? 64).toBe(64);
  return h.fake.replyText(r);
}

const listAll = [opt.string('scope', 'all')];

describe('Discord serves only the servers it is configured for', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
    // A ticket with staff-only notes that must never reach another server.
    await ask(h, h.users.alice, 'ticket', [opt.string('text', 'VPN down at home')], h.guild);
    await h.settled();
  });
  afterAll(async () => h?.close());

  it('refuses another server, even for a member holding a role of the admin role’s name, and stores nothing', async () => {
    const people = (await h.store.listPeople({})).length;
    expect(await ask(h, h.users.mallory, 'tickets', listAll, h.other)).toContain(OTHER_SERVER);
    expect(await ask(h, h.users.mallory, 'ticket', [opt.string('text', 'Please file me')], h.other)).toContain(OTHER_SERVER);
    await h.settled();
    expect(await h.person(h.users.mallory)).toBeNull();
    expect((await h.store.listPeople({})).length).toBe(people);
    expect(await h.store.getTicketByRef(2)).toBeNull();
    // Carol holds the role in both servers; in the other one she is refused like anyone else.
    expect(await ask(h, h.users.carol, 'tickets', listAll, h.other)).toContain(OTHER_SERVER);
    expect(await h.person(h.users.carol)).toBeNull();
    const completion = h.fake.autocomplete(h.users.mallory, 'tickets', [opt.string('skill', 'vp', true)], { guild: h.other });
    expect((await h.fake.answered(completion)).data?.['choices']).toEqual([]);
  });

  it('logs the refused server’s id once, so an operator can add it', () => {
    const notes = h.logger.lines.filter((l) => l.obj['guildId'] === h.other.id && l.level === 'warn');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.msg).toContain('DISCORD_GUILD_IDS');
  });

  it('makes a member holding the admin role id an admin for that interaction only: removing the role takes the rights away', async () => {
    const asAdmin = await ask(h, h.users.carol, 'tickets', listAll, h.guild);
    expect(asAdmin).toContain('All tickets: 1 ticket matches');
    const carol = await h.person(h.users.carol);
    expect(carol?.role).toBe('user');
    expect(h.logger.lines.some((l) => l.msg === 'promoted to admin by a platform role')).toBe(false);

    h.guild.members.set(h.users.carol.id, []);
    expect(await ask(h, h.users.carol, 'tickets', listAll, h.guild)).toContain('You can list only the tickets you filed');
    expect(await ask(h, h.users.carol, 'skills', [opt.sub('role', [opt.user('user', h.users.dave), opt.string('role', 'moderator')])], h.guild)).toBe('Only helpdesk admins can do that.');
    h.guild.members.set(h.users.carol.id, [h.adminRoleId]);
  });

  it('keeps DMs working for people known from a served server, and refuses strangers without storing them', async () => {
    expect(await ask(h, h.users.alice, 'tickets', [], 'dm')).toContain('Tickets you filed: 1 ticket matches');
    const card = h.fake.dms(h.users.alice).at(-1);
    expect(card).toBeDefined();

    // Mallory shares no served server with the bot and never used the helpdesk.
    expect(await ask(h, h.users.mallory, 'tickets', [], 'dm')).toContain(STRANGER);
    h.fake.dm(h.users.mallory, 'hello?');
    const refusal = await h.fake.waitFor(() => h.fake.dms(h.users.mallory).find((m) => String(m['content']).includes(STRANGER)), 'the refusal in the DM');
    expect(refusal).toBeDefined();
    expect(await h.person(h.users.mallory)).toBeNull();
    expect(await h.store.findPersonByIdentity(discordIdentity(h.users.mallory.id))).toBeNull();
  });
});

describe('Discord admin role configured by name only', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ adminRoleBy: 'name' });
  });
  afterAll(async () => h?.close());

  it('counts only inside the served server', async () => {
    expect(await ask(h, h.users.carol, 'tickets', listAll, h.guild)).toContain('All tickets: none');
    expect(await ask(h, h.users.mallory, 'tickets', listAll, h.other)).toContain(OTHER_SERVER);
    expect(await h.person(h.users.mallory)).toBeNull();
    expect((await h.person(h.users.carol))?.role).toBe('user');
  });
});

describe('Admin rights an earlier version stored from the Discord role', () => {
  let h: DiscordHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('are removed at start-up, once; HELPDESK_ADMINS and admins promoted afterwards stay', async () => {
    h = await startDiscordHarness({
      seed: async (store, users) => {
        const at = new Date().toISOString();
        for (const [id, user] of [['p-mallory', users.mallory], ['p-root', users.root]] as const) {
          const p = await store.ensurePerson({ id, identity: discordIdentity(user.id), displayName: user.username, email: null, role: 'admin', createdAt: at });
          expect(p.role).toBe('admin');
        }
        await store.ensurePerson({ id: 'p-console', identity: 'console:ops', displayName: 'Ops', email: null, role: 'admin', createdAt: at });
      },
    });
    expect((await h.person(h.users.mallory))?.role).toBe('user');
    expect((await h.person(h.users.root))?.role).toBe('admin');
    expect((await h.store.getPerson('p-console'))?.role).toBe('admin');
    expect(h.logger.lines.filter((l) => l.obj['personId'] === 'p-mallory' && l.level === 'warn')).toHaveLength(1);

    // An admin promotes Dave after the upgrade; the next start leaves him alone.
    expect(await ask(h, h.users.root, 'skills', [opt.sub('role', [opt.user('user', h.users.dave), opt.string('role', 'admin')])], h.guild)).toContain('Dave is now an admin.');
    const dave = await h.person(h.users.dave);
    expect(dave?.role).toBe('admin');
    expect(await h.helpdesk.demoteStoredPlatformAdmins('discord')).toEqual([]);
    expect((await h.person(h.users.dave))?.role).toBe('admin');
  });
});
