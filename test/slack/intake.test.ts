import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, channelPost, dmReply, eventEnvelope, reactionAdded, slashCommand, type Actor } from './fake-slack/payloads.js';
import type { FakeMessage } from './fake-slack/server.js';
import { blockText, buttons, buttonValue, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startSlackHarness, startStaffedSlackHarness, type SlackHarness } from './harness.js';

const HELP = 'CHELP';
const RANDOM = 'CRANDOM';
const OUTSIDER: Actor = { team: 'T1', user: 'UOUT', name: 'otto' };

/** Messages the bot posted in a channel thread. */
const inThread = (h: SlackHarness, channel: string, ts: string): FakeMessage[] => h.fake.messages.filter((m) => m.channel === channel && m.threadTs === ts);

async function command(h: SlackHarness, actor: Actor, text: string, id: string): Promise<string> {
  await h.signer.command(slashCommand(actor, '/helpdesk', text, h.fake.responseUrl(id)));
  await h.settle(() => h.fake.responses.some((r) => r.id === id), id);
  return String(h.fake.responses.find((r) => r.id === id)?.body.text);
}

async function post(h: SlackHarness, actor: Actor, channel: string, text: string, options: Parameters<typeof channelPost>[3] = {}, eventId?: string) {
  const event = channelPost(actor, channel, text, options);
  const envelope = eventEnvelope(actor.team, event, eventId);
  expect((await h.signer.event(envelope)).status).toBe(200);
  return { ts: event.ts as string, envelope };
}

describe('Slack: support channels', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
  });
  afterAll(async () => h?.close());

  it('only admins watch; the bot must be in the channel; list shows what is watched', async () => {
    expect(await command(h, REQUESTER, `watch <#${HELP}|it-help>`, 'w-user')).toBe('Only helpdesk admins can do that.');
    h.fake.channelErrors.set('CNOTIN', 'not_in_channel');
    expect(await command(h, ADMIN, 'watch <#CNOTIN|elsewhere>', 'w-out')).toContain('Invite me first');
    expect(await command(h, ADMIN, `watch <#${HELP}|it-help>`, 'w-ok')).toContain('is now a support channel');
    expect(h.fake.messages.some((m) => m.channel === HELP && m.text.includes('This is now a support channel'))).toBe(true);
    expect(await command(h, ADMIN, 'list', 'w-list')).toContain(`<#${HELP}>`);
    expect(await command(h, ADMIN, 'list', 'w-list2')).not.toContain('CNOTIN');
  });

  it('a post is filed for its author, answered in its thread, and the thread is the requester\'s even when DMs fail', async () => {
    h.fake.dmErrors.set(REQUESTER.user, 'messages_tab_disabled');
    const { ts, envelope } = await post(h, REQUESTER, HELP, "my laptop won't charge", {}, 'Ev-post-1');
    await h.signer.event(envelope, { retryNum: 1 });
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1 && inThread(h, HELP, ts).length >= 3, 'card and thread notices');
    const ticket = (await h.store.getTicketByRef(1))!;
    expect(ticket).toMatchObject({ title: "my laptop won't charge", requesterId: (await h.person(REQUESTER))!.id, origin: { platform: 'slack', channelId: HELP, messageId: ts } });
    expect(await h.store.countTickets({})).toBe(1);
    const thread = inThread(h, HELP, ts);
    expect(thread[0]!.text).toContain('Ticket #1 filed');
    expect(buttons(thread[0]!)).toEqual(['ticket_withdraw']);
    expect(thread.map((m) => blockText(m) || m.text).join('\n')).toContain('#1');
    expect(h.fake.dm(REQUESTER.user)).toHaveLength(0);

    // The moderator answers from the card's thread; the employee reads it in the channel thread.
    const card = roots(h.fake, MODERATOR.user)[0]!;
    await h.signer.event(eventEnvelope(MODERATOR.team, dmReply(MODERATOR, card.channel, card.ts, 'Try another charger, please.')));
    await h.settle(() => inThread(h, HELP, ts).some((m) => blockText(m).includes('Try another charger')), 'the answer in the channel thread');

    // The employee's reply there reaches the moderator's thread.
    await post(h, REQUESTER, HELP, 'Another charger works, thanks!', { threadTs: ts });
    await h.settle(() => replies(h.fake, card).some((m) => blockText(m).includes('Another charger works')), 'the reply on the card thread');
    expect((await h.store.getTicketByRef(1))!.history.filter((e) => e.type === 'message')).toHaveLength(2);
  });

  it('edits, deletions, bots, joins, staff posts, thread chatter and unwatched channels file nothing', async () => {
    const before = await h.store.countTickets({});
    const { ts } = await post(h, OUTSIDER, HELP, 'root for chatter', {}, 'Ev-root');
    await h.settle(async () => (await h.store.countTickets({})) === before + 1, 'the root post');
    await post(h, OUTSIDER, HELP, 'edited', { subtype: 'message_changed' });
    await post(h, OUTSIDER, HELP, 'gone', { subtype: 'message_deleted' });
    await post(h, OUTSIDER, HELP, 'from a bot', { subtype: 'bot_message', botId: 'BOTHER' });
    await post(h, OUTSIDER, HELP, '<@UOUT> has joined the channel', { subtype: 'channel_join' });
    await post(h, ADMIN, HELP, 'Staff here: try restarting first');
    await post(h, OUTSIDER, HELP, 'a reply in some thread', { threadTs: '1699999999.000001' });
    await post(h, OUTSIDER, RANDOM, 'not a support channel');
    await h.settle(() => h.fake.messages.some((m) => m.threadTs === ts), 'the answer to the root post');
    expect(await h.store.countTickets({})).toBe(before + 1);
  });

  it('a burst of 50 posts, each delivered twice, files 50 tickets; the filing limit still applies', async () => {
    const before = await h.store.countTickets({});
    const people: Actor[] = Array.from({ length: 50 }, (_, i) => ({ team: 'T1', user: `UBURST${i}`, name: `b${i}` }));
    const sent = await Promise.all(people.map((p, i) => post(h, p, HELP, `printer ${i} is jammed`, {}, `Ev-burst-${i}`)));
    await Promise.all(sent.map((s) => h.signer.event(s.envelope, { retryNum: 1 })));
    await h.settle(async () => (await h.store.countTickets({})) === before + 50, '50 tickets');
    const titles = (await h.store.listTickets({ limit: 200 })).map((t) => t.title).filter((t) => t.startsWith('printer '));
    expect(new Set(titles).size).toBe(50);
    expect(titles).toHaveLength(50);

    const eager: Actor = { team: 'T1', user: 'UEAGER', name: 'eager' };
    for (let i = 0; i < 6; i++) await post(h, eager, HELP, `eager ${i}`);
    await h.settle(() => h.fake.callsOf('chat.postEphemeral').some((c) => c.args.user === 'UEAGER'), 'the limit notice');
    expect((await h.store.listTickets({ limit: 300 })).filter((t) => t.title.startsWith('eager '))).toHaveLength(5);
  });
});

describe('Slack: emoji intake, "Not a ticket" and the DM offer', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => h?.close());

  it('the ticket emoji files the message for its author once, however many react', async () => {
    const ts = '1700000900.000100';
    h.fake.history.set(`${RANDOM}:${ts}`, { user: REQUESTER.user, text: 'The wifi in room 4 drops every hour' });
    const first = eventEnvelope('T1', reactionAdded(ADMIN, RANDOM, ts, 'ticket', REQUESTER.user), 'Ev-react-1');
    await h.signer.event(first);
    await h.signer.event(first, { retryNum: 1 });
    await h.signer.event(eventEnvelope('T1', reactionAdded(OUTSIDER, RANDOM, ts, 'ticket', REQUESTER.user)));
    await h.signer.event(eventEnvelope('T1', reactionAdded(OUTSIDER, RANDOM, '1700000900.000200', 'thumbsup', REQUESTER.user)));
    await h.settle(() => inThread(h, RANDOM, ts).some((m) => m.text.includes('Ticket #1 filed')), 'the answer');
    const tickets = await h.store.listTickets({});
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ title: 'The wifi in room 4 drops every hour', requesterId: (await h.person(REQUESTER))!.id });
    expect(tickets[0]!.origin.messageLink).toContain(`/archives/${RANDOM}/`);
    expect(h.fake.callsOf('conversations.history')).toHaveLength(1);
    expect(inThread(h, RANDOM, ts).filter((m) => m.text.includes('filed'))).toHaveLength(1);
  });

  it('when the message cannot be read (rate limit), the ticket is filed with its link', async () => {
    const ts = '1700000900.000300';
    h.fake.failNext('conversations.history', { error: 'ratelimited' });
    await h.signer.event(eventEnvelope('T1', reactionAdded(ADMIN, RANDOM, ts, 'ticket', OUTSIDER.user)));
    await h.settle(() => inThread(h, RANDOM, ts).length > 0, 'the answer');
    const ticket = (await h.store.listTickets({})).find((t) => t.origin.messageId === ts)!;
    expect(ticket.title).toContain('https://fake.slack.test/archives/');
  });

  it('"Not a ticket": others are refused; the author withdraws it and a later reaction does not file it again', async () => {
    const ts = '1700000900.000100';
    const answer = inThread(h, RANDOM, ts).find((m) => m.text.includes('Ticket #1 filed'))!;
    const value = buttonValue(answer, 'ticket_withdraw');
    const click = (actor: Actor, id: string) => h.signer.interaction(buttonClick(actor, { actionId: 'ticket_withdraw', value, channel: RANDOM, messageTs: answer.ts, responseUrl: h.fake.responseUrl(id) }));
    await click(OUTSIDER, 'no');
    await h.settle(() => h.fake.responses.some((r) => r.id === 'no'), 'the refusal');
    expect(String(h.fake.responses.find((r) => r.id === 'no')?.body.text)).toContain('Only the person who posted it');
    await click(REQUESTER, 'yes');
    await h.settle(() => answer.updates > 0, 'the answer updated');
    expect(answer.text).toContain('withdrawn');
    expect(buttons(answer)).toEqual([]);
    expect(await h.store.getTicketByRef(1)).toBeNull();
    await h.signer.event(eventEnvelope('T1', reactionAdded(MODERATOR, RANDOM, ts, 'ticket', REQUESTER.user)));
    await h.signer.event(eventEnvelope('T1', { type: 'app_home_opened', user: ADMIN.user, channel: `D${ADMIN.user}`, tab: 'home' }));
    await h.settle(() => h.fake.callsOf('views.publish').length === 1, 'a later event handled');
    expect((await h.store.listTickets({})).some((t) => t.origin.messageId === ts)).toBe(false);
  });

  it('a DM to the bot offers "File this as a ticket", and one click files it', async () => {
    const ts = '1700000950.000001';
    await h.signer.event(eventEnvelope('T1', { type: 'message', channel: `D${REQUESTER.user}`, channel_type: 'im', user: REQUESTER.user, text: 'My monitor flickers | since the update', ts }));
    await h.settle(() => h.fake.messages.some((m) => m.threadTs === ts), 'the offer');
    const offer = h.fake.messages.find((m) => m.threadTs === ts)!;
    expect(buttons(offer)).toEqual(['ticket_file_dm']);
    const click = buttonClick(REQUESTER, { actionId: 'ticket_file_dm', value: buttonValue(offer, 'ticket_file_dm'), channel: offer.channel, messageTs: offer.ts, responseUrl: h.fake.responseUrl('dm') });
    await h.signer.interaction(click);
    await h.signer.interaction(click);
    await h.settle(() => offer.updates > 0, 'the offer updated');
    const filed = (await h.store.listTickets({})).filter((t) => t.title === 'My monitor flickers');
    expect(filed).toHaveLength(1);
    expect(filed[0]!.description).toBe('since the update');
    expect(offer.text).toMatch(/Ticket #\d+ filed/);
  });
});
