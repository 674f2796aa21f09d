import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { customIds, idFor, labels, repliesTo, textOf } from './helpers.js';

/** A DM to the bot that is not a reply to a ticket message is offered as a ticket, one click. */
describe('Discord: DMs to the bot', () => {
  let h: DiscordHarness;

  beforeAll(async () => {
    h = await startDiscordHarness();
    // Alice is known from the served server (she used /tickets there once).
    await h.fake.replyText(h.fake.slash(h.users.alice, 'tickets', [], { guild: h.guild }));
  });
  afterAll(async () => h?.close());

  const offerFor = (user: DiscordHarness['users']['alice'], dm: Json) => h.fake.waitFor(() => h.fake.dms(user).find((m) => repliesTo(m) === dm['id']), 'the offer');

  it('offers "File this as a ticket"; one click files the text for its author, once', async () => {
    const dm = h.fake.dm(h.users.alice, 'Monitor flickers\nThe second screen goes black every few seconds.');
    const offer = await offerFor(h.users.alice, dm);
    expect(labels(offer)).toEqual(['File this as a ticket']);
    expect(textOf(offer)).toContain('reply to its message');
    expect(await h.store.listTickets({})).toEqual([]);

    const id = idFor(offer, 'dmfile');
    const click = h.fake.click(h.users.alice, offer, id);
    expect((await h.fake.answered(click)).type).toBe(7);
    const done = h.fake.message(String(offer['id']));
    expect(textOf(done)).toContain('Filed as ticket **#1**: Monitor flickers');
    expect(customIds(done)).toEqual([]);

    // A second click on a stale copy and a re-delivered click: still one ticket.
    const again = h.fake.click(h.users.alice, offer, id);
    await h.fake.answered(again);
    h.fake.redeliver(click);
    await h.settled();
    const tickets = await h.store.listTickets({});
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ title: 'Monitor flickers', requesterId: (await h.person(h.users.alice))?.id, origin: { platform: 'discord' } });
    expect(tickets[0]?.description).toContain('goes black every few seconds');
    expect(tickets[0]?.origin.messageId).toBeUndefined();
    // The ticket goes on like any other: the requester's card arrives in the DM.
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => textOf(m).includes('#1 · Monitor flickers')), 'the requester card');
  });

  it('the same DM delivered twice gets one offer', async () => {
    const dm = h.fake.dm(h.users.alice, 'Keyboard missing keys');
    await offerFor(h.users.alice, dm);
    h.fake.gateway.dispatch('MESSAGE_CREATE', dm);
    const probe = h.fake.dm(h.users.alice, 'probe');
    await offerFor(h.users.alice, probe);
    expect(h.fake.dms(h.users.alice).filter((m) => repliesTo(m) === dm['id'])).toHaveLength(1);
  });

  it('someone the helpdesk does not know is refused and nothing is stored', async () => {
    const dm = h.fake.dm(h.users.mallory, 'please file this');
    const answer = await offerFor(h.users.mallory, dm);
    expect(textOf(answer)).toContain('I only help people from the servers this helpdesk serves');
    expect(customIds(answer)).toEqual([]);
    expect(await h.person(h.users.mallory)).toBeNull();
  });
});
