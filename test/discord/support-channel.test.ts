import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type FakeChannel, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { textOf } from './helpers.js';

/** Support channels: a new message becomes a ticket with a private thread, which is the requester's thread. */
describe('Discord: support channels with private threads', () => {
  let h: DiscordHarness;
  let thread: FakeChannel;
  let post: Json;

  const botMessagesIn = (channelId: string) => h.fake.state.channelMessages(channelId).filter((m) => (m['author'] as Json)['id'] === h.fake.state.bot.id);
  const ticketCount = async () => (await h.store.listTickets({})).length;
  /** Posts a message that is filed, and waits until it is: everything dispatched before it has been looked at. */
  const probe = async (text: string) => {
    h.fake.say(h.guild, h.users.dave, text);
    const made = await h.fake.waitFor(() => h.fake.threads(h.guild.channelId).find((t) => t.name?.includes(text)), `the probe "${text}"`);
    await h.fake.waitFor(() => botMessagesIn(made.id).find((m) => textOf(m).includes('filed')), `the probe "${text}" filed`);
    await h.settled();
  };

  beforeAll(async () => {
    h = await startDiscordHarness({ supportChannels: true });
    const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])], { guild: h.guild });
    expect(await h.fake.replyText(setup)).toContain('Bob');
  });
  afterAll(async () => h?.close());

  it('an admin watches the channel; others may not', async () => {
    expect(await h.fake.replyText(h.fake.slash(h.users.dave, 'helpdesk', [opt.sub('watch')], { guild: h.guild }))).toContain('Only helpdesk admins');
    expect(await h.fake.replyText(h.fake.slash(h.users.carol, 'helpdesk', [opt.sub('watch')], { guild: h.guild }))).toContain('is now a support channel');
    expect(await h.fake.replyText(h.fake.slash(h.users.carol, 'helpdesk', [opt.sub('list')], { guild: h.guild }))).toContain(`<#${h.guild.channelId}>`);
  });

  it('a new message becomes a ticket for its author with a private thread they are in', async () => {
    post = h.fake.say(h.guild, h.users.alice, 'VPN drops every hour\nSince Monday, on the office Wi-Fi too.');
    thread = await h.fake.waitFor(() => h.fake.threads(h.guild.channelId)[0], 'the private thread');
    expect(thread).toMatchObject({ type: 12, invitable: false });
    expect(thread.name).toBe('Alice: VPN drops every hour');
    const create = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${h.guild.channelId}/threads`);
    expect(create?.body).toMatchObject({ type: 12, invitable: false });
    await h.fake.waitFor(() => thread.members?.has(h.users.alice.id), 'the author in the thread');

    const filed = await h.fake.waitFor(() => botMessagesIn(thread.id).find((m) => textOf(m).includes('filed')), 'the filed answer');
    expect(textOf(filed)).toContain('ticket **#1** filed: VPN drops every hour');
    expect(textOf(filed)).toContain('only you and the helpdesk staff');
    const ticket = await h.store.getTicketByRef(1);
    expect(ticket).toMatchObject({ title: 'VPN drops every hour', requesterId: (await h.person(h.users.alice))?.id, origin: { platform: 'discord', channelId: thread.id, messageId: post['id'] } });
    expect(ticket?.description).toContain('office Wi-Fi');
  });

  it('the assignee joins the thread; requester updates go to the thread, not by DM', async () => {
    await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('New ticket for you: #1')), 'the moderator card');
    await h.fake.waitFor(() => thread.members?.has(h.users.bob.id), 'the assignee in the thread');
    await h.fake.waitFor(() => botMessagesIn(thread.id).find((m) => textOf(m).includes('triaged')), 'the triage notice in the thread');
    await h.fake.waitFor(() => botMessagesIn(thread.id).find((m) => textOf(m).includes('is handling #1')), 'the assignment notice in the thread');
    expect(h.fake.dms(h.users.alice)).toEqual([]);
  });

  it('relays both ways: the requester writes in the thread, the moderator answers from the card', async () => {
    h.fake.say(h.guild, h.users.alice, 'It just dropped again at 10:02', thread.id);
    const relayed = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('dropped again at 10:02')), 'the message on the moderator side');
    expect(textOf(relayed)).toContain('Alice on #1');

    h.fake.dm(h.users.bob, 'Please update the VPN client to 5.2', relayed);
    const answer = await h.fake.waitFor(() => botMessagesIn(thread.id).find((m) => textOf(m).includes('update the VPN client')), 'the answer in the thread');
    expect(textOf(answer)).toContain('Bob on #1');
    expect(h.fake.dms(h.users.alice)).toEqual([]);
  });

  it('staff writing in the thread reach the ticket without an echo in the thread', async () => {
    const said = h.fake.say(h.guild, h.users.bob, 'I can see the drops in the gateway log', thread.id);
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.method === 'PUT' && c.path.includes(`/messages/${String(said['id'])}/reactions/`)), 'the receipt');
    await h.settled();
    const history = (await h.store.getTicketByRef(1))?.history.filter((e) => e.type === 'message').map((e) => (e.type === 'message' ? e.text : '')) ?? [];
    expect(history).toContain('I can see the drops in the gateway log');
    expect(botMessagesIn(thread.id).filter((m) => textOf(m).includes('gateway log'))).toEqual([]);
  });

  it('does not file bots, webhooks, system messages, thread chatter elsewhere, edits or other servers', async () => {
    const before = await ticketCount();
    const bot = h.fake.addUser('otherbot', { bot: true });
    h.fake.say(h.guild, bot, 'I am a bot');
    h.fake.say(h.guild, h.users.alice, 'via webhook', h.guild.channelId, { webhook_id: '123456789012345678' });
    h.fake.say(h.guild, h.users.alice, '', h.guild.channelId, { type: 7 });
    h.fake.gateway.dispatch('MESSAGE_UPDATE', { ...post, content: 'edited text', edited_timestamp: new Date().toISOString() });
    h.fake.say(h.other, h.users.mallory, 'from a server the helpdesk does not serve');
    await probe('Probe one');
    expect(await ticketCount()).toBe(before + 1);
  });

  it('the same message delivered twice, and a burst of 50, never make duplicates', async () => {
    const before = await ticketCount();
    const threadsBefore = h.fake.threads(h.guild.channelId).length;
    const once = h.fake.say(h.guild, h.users.dave, 'Printer offline on floor 2');
    h.fake.gateway.dispatch('MESSAGE_CREATE', once);
    for (let i = 0; i < 50; i++) h.fake.say(h.guild, h.users.dave, `Burst item ${i}`);
    await h.fake.waitFor(() => h.fake.threads(h.guild.channelId).length >= threadsBefore + 51, 'threads for every message', 60_000);
    await h.fake.waitFor(() => h.fake.threads(h.guild.channelId).every((t) => botMessagesIn(t.id).some((m) => textOf(m).includes('filed'))), 'every filed answer', 60_000);
    await h.settled();
    expect(await ticketCount()).toBe(before + 51);
    expect(h.fake.threads(h.guild.channelId)).toHaveLength(threadsBefore + 51);
    expect(h.fake.threads(h.guild.channelId).filter((t) => t.name?.includes('Printer offline'))).toHaveLength(1);
  });

  it('after unwatch, new messages are not filed', async () => {
    expect(await h.fake.replyText(h.fake.slash(h.users.carol, 'helpdesk', [opt.sub('unwatch')], { guild: h.guild }))).toContain('is no longer a support channel');
    const before = await ticketCount();
    h.fake.say(h.guild, h.users.alice, 'Not a ticket any more');
    // Handled after the post (the gateway delivers in order) and slower than ignoring it: a DM answered.
    const dm = h.fake.dm(h.users.alice, 'probe');
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => (m['message_reference'] as Json | undefined)?.['message_id'] === dm['id']), 'the DM answer');
    expect(h.fake.threads(h.guild.channelId).filter((t) => t.name?.includes('Not a ticket any more'))).toEqual([]);
    expect(await ticketCount()).toBe(before);
  });
});

describe('Discord: support channels are opt-in', () => {
  it('without DISCORD_SUPPORT_CHANNELS, /helpdesk watch says how to turn them on and stores nothing', async () => {
    const h = await startDiscordHarness();
    try {
      const answer = await h.fake.replyText(h.fake.slash(h.users.root, 'helpdesk', [opt.sub('watch')], { guild: h.guild }));
      expect(answer).toContain('DISCORD_SUPPORT_CHANNELS=on');
      expect(await h.store.listWatchedChannels('discord')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
