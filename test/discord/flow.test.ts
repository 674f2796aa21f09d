import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { customIds, idFor, labels, modalOf, repliesTo, textOf } from './helpers.js';

/** The whole ticket life in Discord: the real discord.js client against the fake Discord, end to end. */
describe('Discord: /ticket form → pipeline → moderator DM → resolve → requester', () => {
  let h: DiscordHarness;
  let modCard: Json;
  let requesterCard: Json;

  beforeAll(async () => {
    h = await startDiscordHarness();
    // root is in HELPDESK_ADMINS; they make Bob the VPN moderator.
    const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])], { guild: h.guild });
    expect(await h.fake.replyText(setup)).toContain('Bob');
    expect((await h.person(h.users.bob))?.role).toBe('moderator');
  });
  afterAll(async () => h?.close());

  it('/ticket opens the form; submitting it stores the ticket and confirms privately', async () => {
    const open = h.fake.slash(h.users.alice, 'ticket', [], { guild: h.guild });
    const modal = await h.fake.answered(open);
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    expect(Object.keys(form.values)).toEqual(['title', 'description', 'urgency']);

    const submit = h.fake.submit(h.users.alice, form.customId, { title: 'VPN is down', description: 'Cannot connect since 9am', urgency: ['HIGH'] }, { guild: h.guild });
    const answer = await h.fake.answered(submit);
    expect(answer.type).toBe(4);
    expect(answer.data?.['flags']).toBe(64);
    expect(String(answer.data?.['content'])).toContain('Ticket **#1** filed: VPN is down');
    expect(answer.data?.['allowed_mentions']).toEqual({ parse: [] });
    const stored = await h.store.getTicketByRef(1);
    expect(stored).toMatchObject({ title: 'VPN is down', description: 'Cannot connect since 9am', origin: { platform: 'discord', channelId: h.guild.channelId } });
  });

  it('runs the pipeline: requester card with replies, moderator card with notes and buttons', async () => {
    modCard = await h.fake.waitFor(() => h.fake.dms(h.users.bob)[0], 'the moderator card');
    expect(labels(modCard)).toEqual(['Start', 'Resolve', 'Reassign', 'Edit triage', 'Note…', 'Reply with…']);
    const mod = textOf(modCard);
    expect(mod).toContain('New ticket for you: #1');
    expect(mod).toContain('#1 · VPN is down');
    expect(mod).toContain('Check the VPN gateway certificate.');
    expect(mod).toContain(`<@${h.users.alice.id}>`);
    expect(mod).toContain('Why you');

    const replies = await h.fake.waitFor(() => (h.fake.dms(h.users.alice).length >= 3 ? h.fake.dms(h.users.alice) : null), 'requester updates');
    requesterCard = replies[0] as Json;
    expect(textOf(requesterCard)).toContain('#1 · VPN is down');
    expect(textOf(requesterCard)).not.toContain('VPN gateway certificate');
    const later = replies.slice(1);
    expect(later.map(repliesTo)).toEqual(later.map(() => requesterCard['id']));
    expect(later.map(textOf).join('\n')).toContain('triaged: **network**, HIGH priority');
    expect(later.map(textOf).join('\n')).toContain('**Bob**');
    // DMs go through POST /users/@me/channels, then the channel, with the bot token.
    const open = h.fake.calls.find((c) => c.method === 'POST' && c.path === '/users/@me/channels');
    expect(open?.auth).toBe(`Bot ${h.fake.token}`);
  });

  it('Start edits the card in place and tells the requester', async () => {
    const before = h.fake.dms(h.users.alice).length;
    const click = h.fake.click(h.users.bob, modCard, idFor(modCard, 'start'));
    expect((await h.fake.answered(click)).type).toBe(7);
    const card = h.fake.message(String(modCard['id']));
    expect(labels(card)).toEqual(['Resolve', 'Reassign', 'Edit triage', 'Note…', 'Reply with…']);
    expect(textOf(card)).toContain('In progress');
    const started = await h.fake.waitFor(() => h.fake.dms(h.users.alice)[before], 'the started reply');
    expect(textOf(started)).toContain('**Bob**');
    expect(textOf(started)).toContain('started working on #1');
    expect(repliesTo(started)).toBe(requesterCard['id']);
  });

  it('Resolve asks for a note; submitting it resolves, edits the card and sends the requester a Reopen button', async () => {
    const card = h.fake.message(String(modCard['id'])) as Json;
    const click = h.fake.click(h.users.bob, card, idFor(card, 'resolve'));
    const modal = await h.fake.answered(click);
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    expect(form.values).toHaveProperty('note');

    const submit = h.fake.submit(h.users.bob, form.customId, { note: 'Renewed the gateway certificate.' }, { dm: true }, card);
    expect((await h.fake.answered(submit)).type).toBe(7);
    expect((await h.store.getTicketByRef(1))?.status).toBe('DONE');
    const edited = h.fake.message(String(modCard['id']));
    expect(labels(edited)).toEqual(['Reopen']);
    expect(textOf(edited)).toContain('Resolution: Renewed the gateway certificate.');

    const resolved = await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => textOf(m).includes('was resolved by')), 'the resolved reply');
    expect(textOf(resolved)).toContain('Renewed the gateway certificate.');
    expect(repliesTo(resolved)).toBe(requesterCard['id']);
    expect(labels(resolved)).toEqual(['Not fixed? Reopen', 'Solved', 'Not really']);
    // The workflow's own card refresh edited the same message again (no second card).
    await h.settled();
    expect(h.fake.dms(h.users.bob).filter((m) => textOf(m).includes('#1 · VPN is down') && !repliesTo(m))).toHaveLength(1);
    expect(h.drainErrors).toEqual([]);
  });

  it('Reopen from the requester removes the button and gives the moderator the card back', async () => {
    const resolved = h.fake.dms(h.users.alice).find((m) => textOf(m).includes('was resolved by')) as Json;
    const click = h.fake.click(h.users.alice, resolved, idFor(resolved, 'reopen'));
    expect((await h.fake.answered(click)).type).toBe(7);
    expect(customIds(h.fake.message(String(resolved['id'])))).toEqual([]);
    expect(textOf(h.fake.message(String(resolved['id'])))).toContain('Reopened');
    expect((await h.store.getTicketByRef(1))?.status).toBe('TODO');
    await h.fake.waitFor(() => labels(h.fake.message(String(modCard['id']))).includes('Start'), 'the refreshed moderator card');
    const told = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('reopened #1')), 'the moderator told');
    expect(repliesTo(told)).toBe(modCard['id']);
  });

  it('relays DM replies both ways, attributed, and confirms with a reaction', async () => {
    const fromAlice = h.fake.dm(h.users.alice, 'It drops again every 10 minutes', requesterCard);
    const relayed = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('every 10 minutes')), 'the relayed message');
    expect(textOf(relayed)).toContain('Alice on #1');
    expect(repliesTo(relayed)).toBe(modCard['id']);
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.method === 'PUT' && c.path.includes(`/messages/${String(fromAlice['id'])}/reactions/`)), 'the receipt');

    // Bob answers by replying to the relayed message (any message about the ticket works).
    h.fake.dm(h.users.bob, 'Try the new client, please', relayed);
    const back = await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => textOf(m).includes('Try the new client')), 'the answer relayed back');
    expect(textOf(back)).toContain('Bob on #1');
    expect(repliesTo(back)).toBe(requesterCard['id']);
    const history = (await h.store.getTicketByRef(1))?.history.filter((e) => e.type === 'message') ?? [];
    expect(history).toHaveLength(2);
  });

  it('a DM that is not a reply gets a hint and changes nothing', async () => {
    const before = (await h.store.getTicketByRef(1))?.version;
    const hello = h.fake.dm(h.users.alice, 'hello?');
    const hint = await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => repliesTo(m) === hello['id']), 'the hint');
    expect(textOf(hint)).toContain('reply to its message');
    expect((await h.store.getTicketByRef(1))?.version).toBe(before);
  });

  it('Reassign offers staff in a private picker; choosing moves the ticket and retires the old card', async () => {
    // A copy: the stored message is edited in place later, and the copy plays a stale client below.
    const card = structuredClone(h.fake.message(String(modCard['id']))) as Json;
    const click = h.fake.click(h.users.bob, card, idFor(card, 'reassign'));
    const picker = await h.fake.answered(click);
    expect(picker.type).toBe(4);
    expect(picker.data?.['flags']).toBe(64);
    const root = await h.person(h.users.root);
    const options = ((picker.data?.['components'] as Json[])[0]?.['components'] as Json[])[0]?.['options'] as { value: string; label: string }[];
    expect(options.map((o) => o.value)).toEqual(['auto', root?.id]);

    const pickerMessage = h.fake.message(String(h.fake.state.interactions.get(String(click.payload['id']))?.originalId)) as Json;
    const choose = h.fake.select(h.users.bob, pickerMessage, idFor(pickerMessage, 'assign'), [root?.id ?? '']);
    expect((await h.fake.answered(choose)).type).toBe(7);
    expect(textOf(h.fake.message(String(pickerMessage['id'])))).toContain('is now with **Root Admin**');
    expect((await h.store.getTicketByRef(1))?.assigneeId).toBe(root?.id);

    await h.fake.waitFor(() => textOf(h.fake.message(String(modCard['id']))).includes('No longer yours'), 'the retired card');
    expect(customIds(h.fake.message(String(modCard['id'])))).toEqual([]);
    const rootCard = await h.fake.waitFor(() => h.fake.dms(h.users.root).find((m) => textOf(m).includes('New ticket for you: #1')), 'the new assignee card');
    expect(labels(rootCard)).toEqual(['Start', 'Resolve', 'Reassign', 'Edit triage', 'Note…', 'Reply with…']);

    // A stale rendering of Bob's old card: core refuses, Bob is told privately.
    const stale = h.fake.click(h.users.bob, card, idFor(card, 'resolve'));
    const refusal = await h.fake.answered(stale);
    expect(refusal.type).toBe(4);
    expect(refusal.data?.['flags']).toBe(64);
    expect(String(refusal.data?.['content'])).toContain('Only the moderator assigned to #1 or an admin can do that.');
  });

  it('"Create ticket" on a server message opens the form prefilled and links the message', async () => {
    const post = h.fake.post(h.guild, h.users.dave, 'Printer on floor 3 is jammed\nIt shows error E42');
    const menu = h.fake.messageMenu(h.users.alice, h.guild, 'Create ticket', post);
    const modal = await h.fake.answered(menu);
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    expect(form.values['title']).toBe('Printer on floor 3 is jammed');
    expect(form.values['description']).toContain('It shows error E42');
    expect(form.values['description']).toContain('Posted by Dave.');

    const submit = h.fake.submit(h.users.alice, form.customId, { title: form.values['title'] ?? '', description: form.values['description'] ?? '', urgency: [] }, { guild: h.guild });
    expect(await h.fake.replyText(submit)).toContain('filed: Printer on floor 3 is jammed');
    const ticket = (await h.store.listTickets({ text: 'Printer' }))[0];
    const link = `https://discord.com/channels/${h.guild.id}/${h.guild.channelId}/${String(post['id'])}`;
    expect(ticket?.origin.messageLink).toBe(link);
    expect(ticket?.description).toContain(link);
  });
});
