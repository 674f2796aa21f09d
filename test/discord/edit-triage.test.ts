import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { customIds, idFor, labels, modalOf, textOf } from './helpers.js';

interface ModalSelect { custom_id: string; options?: { value: string; default?: boolean }[] }

/** "Edit triage" on the Discord moderator card: the real discord.js client against the fake Discord. */
describe('Discord: Edit triage from the moderator card', () => {
  let h: DiscordHarness;
  let card: Json;
  let formId: string;

  const ticket = async () => (await h.store.getTicketByRef(1))!;
  const current = () => h.fake.message(String(card['id'])) as Json;
  const submit = (user: DiscordHarness['users']['bob'], fields: { priority: string; category: string; skills: string[]; other?: string }) =>
    h.fake.submit(user, formId, { priority: [fields.priority], category: [fields.category], skills: fields.skills, other_skills: fields.other ?? '' }, { dm: true }, current());

  beforeAll(async () => {
    h = await startDiscordHarness();
    for (const [user, skills] of [[h.users.bob, 'vpn, networking'], [h.users.dave, 'email']] as const) {
      const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', user), opt.string('skills', skills)])], { guild: h.guild });
      expect(await h.fake.replyText(setup)).toContain(user.global_name ?? '');
    }
    const open = h.fake.slash(h.users.alice, 'ticket', [], { guild: h.guild });
    const form = modalOf((await h.fake.answered(open)).data);
    await h.fake.answered(h.fake.submit(h.users.alice, form.customId, { title: 'VPN drops every hour', description: 'The tunnel disconnects', urgency: [] }, { guild: h.guild }));
    card = await h.fake.waitFor(() => h.fake.dms(h.users.bob)[0], 'the moderator card');
  });
  afterAll(async () => h?.close());

  it('the card has the button; clicking opens a form prefilled with the current values and the helpdesk\'s skills', async () => {
    expect(labels(card)).toContain('Edit triage');
    const modal = await h.fake.answered(h.fake.click(h.users.bob, card, idFor(card, 'triage')));
    expect(modal.type).toBe(9);
    formId = String(modal.data?.['custom_id']);
    expect(formId).toMatch(/^hd:triage:/);
    const fields = Object.fromEntries(((modal.data?.['components'] ?? []) as { type: number; component: ModalSelect }[]).map((c) => [c.component.custom_id, c]));
    expect(Object.keys(fields)).toEqual(['priority', 'category', 'skills', 'other_skills']);
    for (const f of Object.values(fields)) expect(f.type).toBe(18);
    const chosen = (id: string) => fields[id]?.component.options?.filter((o) => o.default).map((o) => o.value);
    expect(chosen('priority')).toEqual(['HIGH']);
    expect(chosen('category')).toEqual(['network']);
    expect(chosen('skills')).toEqual(['vpn']);
    const offered = fields['skills']?.component.options?.map((o) => o.value) ?? [];
    expect(offered[0]).toBe('vpn');
    expect(offered).toEqual(expect.arrayContaining(['networking', 'email', 'printers']));
    expect(offered).not.toContain('java');
    expect(offered.length).toBeLessThanOrEqual(25);
  });

  it('someone else clicking the button gets one private sentence and no form', async () => {
    const refusal = await h.fake.answered(h.fake.click(h.users.alice, card, idFor(card, 'triage')));
    expect(refusal.type).toBe(4);
    expect(refusal.data?.['flags']).toBe(64);
    expect(String(refusal.data?.['content'])).toBe('Only the assignee of #1 or an admin can change its triage.');
  });

  it('an unknown skill or a stranger\'s submission gets one clear private message and changes nothing', async () => {
    const before = await ticket();
    expect(await h.fake.replyText(submit(h.users.bob, { priority: 'LOW', category: 'network', skills: ['vpn'], other: 'teleportation' }))).toMatch(/^Unknown skill: "teleportation".*Nothing was changed\.$/);
    expect(await h.fake.replyText(submit(h.users.alice, { priority: 'LOW', category: 'network', skills: ['vpn'] }))).toBe('Only the assignee of #1 or an admin can change its triage.');
    expect((await ticket()).version).toBe(before.version);
  });

  it('a valid submission records who changed what, redraws the card and tells the requester of the new priority', async () => {
    const bob = await h.person(h.users.bob);
    const answer = await h.fake.answered(submit(h.users.bob, { priority: 'LOW', category: 'access', skills: ['vpn', 'networking'] }));
    expect(answer.type).toBe(7);
    const after = await ticket();
    expect(after).toMatchObject({ priority: 'LOW', category: 'access', skills: ['vpn', 'networking'], assigneeId: bob?.id });
    expect(after.history.at(-1)).toMatchObject({
      type: 'triage-corrected',
      actorId: bob?.id,
      changes: [
        { field: 'priority', from: 'HIGH', to: 'LOW' },
        { field: 'category', from: 'network', to: 'access' },
        { field: 'skills', from: 'vpn', to: 'vpn, networking' },
      ],
    });
    expect(textOf(current())).toContain('Priority: LOW');
    expect(textOf(current())).toContain('Skills: vpn, networking');
    expect(labels(current())).toContain('Edit triage');
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).some((m) => textOf(m).includes('LOW priority')), 'the requester told of the new priority');
    await h.settled();
    expect(h.drainErrors).toEqual([]);
  });

  it('new skills its moderator holds none of move an unstarted ticket to someone who does; everyone affected hears of it', async () => {
    const dave = await h.person(h.users.dave);
    const answer = await h.fake.answered(submit(h.users.bob, { priority: 'LOW', category: 'email', skills: ['email'] }));
    expect(answer.type).toBe(7);
    expect((await ticket()).assigneeId).toBe(dave?.id);
    expect(textOf(current())).toContain(`#1 is now with <@${h.users.dave.id}>`);
    expect(textOf(current())).toContain('No longer yours');
    expect(customIds(current())).toEqual([]);
    const daveCard = await h.fake.waitFor(() => h.fake.dms(h.users.dave).find((m) => textOf(m).includes('#1 · VPN drops every hour')), 'the new moderator\'s card');
    expect(labels(daveCard)).toContain('Edit triage');
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).some((m) => textOf(m).includes('**Dave**')), 'the requester told who has it now');
  });
});
