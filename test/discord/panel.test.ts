import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { idFor, labels, modalOf, textOf } from './helpers.js';

/** `/panel` posts a ticket panel; its button and desk select open the ticket form for whoever clicks. */
describe('Discord: ticket panels', () => {
  let h: DiscordHarness;
  let panel: Json;

  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => h?.close());

  it('is for admins only: anyone else is told privately and nothing is posted', async () => {
    const tried = h.fake.slash(h.users.dave, 'panel', [], { guild: h.guild });
    expect(await h.fake.replyText(tried)).toContain('Only helpdesk admins');
    expect(h.fake.state.channelMessages(h.guild.channelId).filter((m) => textOf(m).includes('Open a ticket'))).toEqual([]);
  });

  it('an admin posts a panel with desks in the channel and gets a private confirmation', async () => {
    const posted = h.fake.slash(h.users.carol, 'panel', [{ name: 'desks', type: 5, value: true }, opt.string('text', 'Need IT or HR? Start here.')], { guild: h.guild });
    expect(await h.fake.replyText(posted)).toMatch(/Panel posted with \d+ desks/);
    panel = await h.fake.waitFor(() => h.fake.state.channelMessages(h.guild.channelId).find((m) => textOf(m).includes('Need IT or HR?')), 'the panel');
    expect(panel['webhook_id']).toBeUndefined();
    expect(labels(panel)).toContain('Open a ticket');
    const select = ((panel['components'] as Json[])[0]?.['components'] as Json[])[0] as { options: { label: string; value: string }[] };
    expect(select.options.map((o) => o.value)).toEqual(expect.arrayContaining(['network', 'hr', 'facilities']));
    expect(select.options.map((o) => o.value)).not.toContain('dev');
  });

  it('the button opens the ticket form; submitting files a ticket for the clicker', async () => {
    const click = h.fake.click(h.users.alice, panel, idFor(panel, 'panel'));
    const modal = await h.fake.answered(click);
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    expect(Object.keys(form.values)).toEqual(['title', 'description', 'urgency']);
    const submit = h.fake.submit(h.users.alice, form.customId, { title: 'Laptop will not charge', description: 'Since this morning', urgency: [] }, { guild: h.guild });
    expect(await h.fake.replyText(submit)).toContain('filed: Laptop will not charge');
    const alice = await h.person(h.users.alice);
    const mine = await h.store.listTickets({ requesterId: alice?.id ?? '' });
    expect(mine.map((t) => t.title)).toEqual(['Laptop will not charge']);
  });

  it('a desk choice opens the form for that desk, and the ticket records the desk', async () => {
    const choose = h.fake.select(h.users.dave, panel, 'hd:panel:desk', ['hr']);
    const modal = await h.fake.answered(choose);
    expect(modal.type).toBe(9);
    expect(String(modal.data?.['title'])).toBe('New ticket: HR');
    const form = modalOf(modal.data);
    const submit = h.fake.submit(h.users.dave, form.customId, { title: 'Payslip missing', description: 'March payslip is not in the portal', urgency: [] }, { guild: h.guild }, panel);
    expect(await h.fake.replyText(submit)).toContain('filed: Payslip missing');
    const ticket = (await h.store.listTickets({ text: 'Payslip' }))[0];
    expect(ticket?.description).toContain('Desk: HR');
  });

  it('many people clicking get a form each; a re-delivered submission files once', async () => {
    const people = [h.users.bob, h.users.dave, h.users.root];
    const clicks = people.map((u) => h.fake.click(u, panel, idFor(panel, 'panel')));
    const modals = await Promise.all(clicks.map((c) => h.fake.answered(c)));
    expect(modals.map((m) => m.type)).toEqual([9, 9, 9]);
    const before = (await h.store.listTickets({})).length;
    const submits = people.map((u, i) => h.fake.submit(u, modalOf(modals[i]?.data).customId, { title: `Burst ${i}`, description: '', urgency: [] }, { guild: h.guild }, panel));
    await Promise.all(submits.map((s) => h.fake.replyText(s)));
    const first = submits[0];
    if (first) h.fake.redeliver(first);
    await h.settled();
    expect((await h.store.listTickets({})).length).toBe(before + 3);
  });
});
