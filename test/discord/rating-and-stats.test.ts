import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTicketStats } from '../../core/testing/memory-stats.js';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { customIds, labels, modalOf, repliesTo, textOf } from './helpers.js';

/** Ratings, /hold and /stats in Discord: the real discord.js client against the fake Discord. */
describe('Discord: rating a resolution, /hold and /stats', () => {
  let h: DiscordHarness;
  let modCard: Json;

  beforeAll(async () => {
    // Answers go out as the interaction's one response (no deferral), so flags are checked on the first callback.
    h = await startDiscordHarness({ stats: new MemoryTicketStats(), ackAfterMs: 60_000 });
    expect(await h.fake.replyText(h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])], { guild: h.guild }))).toContain('Bob');
    await h.fake.answered(h.fake.slash(h.users.alice, 'ticket', [opt.string('text', 'VPN drops | since this morning')], { guild: h.guild }));
    modCard = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('#1 · VPN drops') && !repliesTo(m)), 'the moderator card');
  });
  afterAll(async () => h?.close());

  const card = () => h.fake.message(String(modCard['id']));
  const resolvedReply = () => h.fake.dms(h.users.alice).find((m) => customIds(m).some((id) => id.startsWith('hd:rate:')));
  const privately = async (record: ReturnType<DiscordHarness['fake']['slash']>) => {
    const answer = await h.fake.answered(record);
    expect(answer.type).toBe(4);
    expect(answer.data?.['flags']).toBe(64);
    return String(answer.data?.['content'] ?? '');
  };

  it('/hold answers privately, and refuses the requester', async () => {
    expect(await privately(h.fake.slash(h.users.bob, 'hold', [opt.string('ticket', '#1')]))).toContain('#1 is on hold');
    expect(await privately(h.fake.slash(h.users.alice, 'hold', [opt.string('ticket', '#1')]))).toBe('Only the moderator assigned to #1 or an admin can do that.');
    expect(await privately(h.fake.slash(h.users.bob, 'hold', [opt.string('ticket', 'soon')]))).toBe('"soon" is not a ticket reference. Usage: /hold ticket:#n [off:true]');
    expect(await privately(h.fake.slash(h.users.bob, 'hold', [opt.string('ticket', '#1'), { name: 'off', type: 5, value: true }]))).toContain('#1 is off hold');
    const held = (await h.store.getTicketByRef(1))?.history.filter((e) => e.type === 'held').map((e) => (e.type === 'held' ? e.on : null));
    expect(held).toEqual([true, false]);
  });

  it('resolve → 👍/👎 on the requester’s message → 👎 with a comment: the card shows it and the assignee is told, with Reopen', async () => {
    const bob = await h.person(h.users.bob);
    const ticket = await h.store.getTicketByRef(1);
    expect((await h.helpdesk.resolveTicket({ ticketId: ticket!.id, actorId: bob!.id, note: 'Restarted the gateway' })).ok).toBe(true);
    const reply = await h.fake.waitFor(resolvedReply, 'the resolved message with rating buttons');
    expect(labels(reply)).toEqual(['Not fixed? Reopen', 'Solved', 'Not really']);
    const [good, bad] = customIds(reply).filter((id) => id.startsWith('hd:rate:'));

    // Someone else clicking gets one private, clear refusal and no form.
    expect(await privately(h.fake.click(h.users.bob, reply, good!))).toBe('Only the person who filed #1 can rate it.');

    const modal = await h.fake.answered(h.fake.click(h.users.alice, reply, bad!));
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    expect(Object.keys(form.values)).toEqual(['comment']);
    expect(await privately(h.fake.submit(h.users.alice, form.customId, { comment: 'Still drops every hour' }, { dm: true }, reply))).toContain('you rated #1 👎');

    await h.fake.waitFor(() => textOf(card()).includes('Rating: 👎 Rated bad by the requester:\n> Still drops every hour'), 'the card with the rating');
    const notice = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('rated #1 👎')), 'the 👎 notice');
    expect(textOf(notice)).toContain('Still drops every hour');
    expect(repliesTo(notice)).toBe(modCard['id']);
    expect(customIds(notice).map((id) => id.split(':')[1])).toEqual(['reopen']);
  });

  it('a second click changes the rating', async () => {
    const reply = resolvedReply()!;
    const good = customIds(reply).find((id) => id.startsWith('hd:rate:') && id.endsWith(':good'))!;
    const modal = await h.fake.answered(h.fake.click(h.users.alice, reply, good));
    expect(modal.type).toBe(9);
    expect(await privately(h.fake.submit(h.users.alice, modalOf(modal.data).customId, { comment: '' }, { dm: true }, reply))).toContain('you rated #1 👍');
    await h.fake.waitFor(() => textOf(card()).includes('Rating: 👍 Rated good by the requester'), 'the card with the new rating');
    const ticket = await h.store.getTicketByRef(1);
    expect(ticket?.history.filter((e) => e.type === 'rated').map((e) => (e.type === 'rated' ? e.rating : null))).toEqual(['bad', 'good']);
    await h.settled();
    expect(h.drainErrors).toEqual([]);
  });

  it('/stats answers privately with an embed; a bad period and a requester get one clear message', async () => {
    const record = h.fake.slash(h.users.root, 'stats', [opt.string('period', '7d'), opt.user('moderator', h.users.bob)]);
    const answer = await h.fake.answered(record);
    expect(answer.type).toBe(4);
    expect(answer.data?.['flags']).toBe(64);
    const text = textOf(answer.data);
    expect(text).toContain('Stats for the last 7 days (Bob)');
    expect(text).toContain('Tickets in / out: 1 / 1');
    expect(text).toContain('Satisfaction: 100% 👍 (1 👍, 0 👎)');
    expect(text).toMatch(/Bob: 1 resolved/);
    expect(await privately(h.fake.slash(h.users.root, 'stats', [opt.string('period', '0d')]))).toMatch(/^"0d" is not a period/);
    expect(await privately(h.fake.slash(h.users.alice, 'stats'))).toMatch(/Only admins/);
  });
});
