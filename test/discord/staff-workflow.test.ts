import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedTriage } from '../../core/testing/fakes.js';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { customIds, idFor, labels, modalOf, textOf } from './helpers.js';

/** The staff workflow on Discord, the real discord.js client against the fake Discord: Take it, Note…, Reply with…, /tickets pages, the staff commands. */
describe('Discord: the staff workflow', () => {
  let h: DiscordHarness;
  let ticket: { id: string; ref: number };
  let notice: Json;

  beforeAll(async () => {
    // Nobody holds "kubernetes".
    h = await startDiscordHarness({ triage: new FixedTriage({ skills: ['kubernetes'], priority: 'HIGH', category: 'infra', summary: 'Cluster down' }) });
    for (const who of [h.users.bob, h.users.dave]) {
      const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', who), opt.string('skills', 'vpn')])], { guild: h.guild });
      expect(await h.fake.replyText(setup)).toContain('moderator');
    }
    // The only admin is away, so nobody gets the ticket: the admins are told it needs an assignee.
    const away = h.fake.slash(h.users.root, 'skills', [opt.sub('away')], { guild: h.guild });
    expect(await h.fake.replyText(away)).toMatch(/away/i);
    const alice = await h.helpdesk.identify({ identity: `discord:${h.users.alice.id}`, displayName: 'Alice' });
    if (!alice.ok) throw new Error(alice.error.message);
    const filed = await h.helpdesk.fileTicket({ requesterId: alice.value.id, title: 'Cluster down', origin: { platform: 'discord' } });
    if (!filed.ok) throw new Error(filed.error.message);
    ticket = { id: filed.value.ticket.id, ref: filed.value.ticket.ref };
    notice = await h.fake.waitFor(() => h.fake.dms(h.users.root).find((m) => textOf(m).includes('needs an assignee')), 'the admin notice');
  });
  afterAll(async () => {
    expect(h?.drainErrors ?? []).toEqual([]);
    await h?.close();
  });

  it('two moderators click Take it at once: one gets the ticket, the other is told privately who has it', async () => {
    expect(labels(notice)).toEqual(['Take it', 'Assign…']);
    const take = idFor(notice, 'claim');
    const [a, b] = [h.fake.click(h.users.bob, notice, take), h.fake.click(h.users.dave, notice, take)];
    const [first, second] = await Promise.all([h.fake.answered(a), h.fake.answered(b)]);
    // Each message changes in place (type 7), then each clicker gets a private line.
    expect([first.type, second.type]).toEqual([7, 7]);
    const after = (await h.store.getTicket(ticket.id))!;
    const bob = (await h.person(h.users.bob))!;
    const dave = (await h.person(h.users.dave))!;
    expect([bob.id, dave.id]).toContain(after.assigneeId);
    const [won, lost] = after.assigneeId === bob.id ? [first, second] : [second, first];
    const winnerName = after.assigneeId === bob.id ? 'Bob' : 'Dave';
    expect(labels(won.data)).toContain(`Yours: #${ticket.ref}`);
    expect(labels(lost.data)).toContain(`#${ticket.ref}: taken by ${winnerName}`);
    expect(textOf(lost.data)).toContain('needs an assignee');
    const privately = await h.fake.waitFor(() => {
      const lines = [h.users.bob, h.users.dave].flatMap((u) => h.fake.state.channelMessages(h.fake.state.dmChannel(u.id).id)).filter((m) => (Number(m['flags'] ?? 0) & 64) !== 0).map(textOf);
      return lines.length >= 2 ? lines : null;
    }, 'both private answers');
    expect(privately.join('\n')).toContain(`#${ticket.ref} is yours now`);
    expect(privately.join('\n')).toContain(`already taken: ${winnerName} has it`);
    expect(JSON.stringify(after.history).match(/"rule":"claim"/g)).toHaveLength(1);
    // The rest of this file works with Bob holding the ticket.
    if (after.assigneeId !== bob.id) expect((await h.helpdesk.reassignTicket({ ticketId: ticket.id, actorId: (await h.person(h.users.root))!.id, to: bob.id })).ok).toBe(true);
    await h.settled();
  });

  it('Note… opens a form; the note reaches the card as internal and never the requester', async () => {
    const card = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('Cluster down') && customIds(m).some((c) => c.startsWith('hd:inote:'))), 'the card with Note…');
    expect(labels(card)).toEqual(expect.arrayContaining(['Note…', 'Reply with…']));
    const open = h.fake.click(h.users.bob, card, idFor(card, 'inote'));
    const modal = await h.fake.answered(open);
    expect(modal.type).toBe(9);
    const form = modalOf(modal.data);
    // Someone who does not work on the ticket is refused privately, and nothing is added.
    const refused = h.fake.submit(h.users.dave, form.customId, { internal_note: 'not mine' }, { dm: true }, card);
    expect(await h.fake.replyText(refused)).toMatch(/assign|admin/i);
    const sent = h.fake.submit(h.users.bob, form.customId, { internal_note: 'SECRET-lynx: the etcd disk is full' }, { dm: true }, card);
    expect(await h.fake.replyText(sent)).toContain('the requester does not see it');
    await h.settled();
    const note = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('Internal note from')), 'the note on the card');
    expect(textOf(note)).toContain('SECRET-lynx');
    const stored = (await h.store.getTicket(ticket.id))!;
    expect(JSON.stringify(stored.history)).not.toContain('not mine');
    // A relayed message goes to Alice; the note does not.
    h.fake.dm(h.users.bob, 'Could you retry the deploy?', card);
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).some((m) => textOf(m).includes('retry the deploy')), 'the relayed message');
    await h.settled();
    for (const m of h.fake.dms(h.users.alice)) expect(textOf(m)).not.toContain('SECRET-lynx');
    for (const m of h.email.sent) expect(JSON.stringify(m.notification)).not.toContain('SECRET-lynx');
  });

  it('Reply with… offers the saved replies as a select; picking one sends it to the requester as the moderator', async () => {
    const add = h.fake.slash(h.users.root, 'replies', [opt.sub('add', [opt.string('name', 'k8s-wait'), opt.string('text', 'Hi {requester}, we are on {ref} ({title}). — {assignee}')])]);
    expect(await h.fake.replyText(add)).toContain('Saved reply k8s-wait added');
    const card = h.fake.dms(h.users.bob).find((m) => customIds(m).some((c) => c.startsWith('hd:replywith:')))!;
    const open = h.fake.click(h.users.bob, card, idFor(card, 'replywith'));
    const picker = await h.fake.answered(open);
    expect(picker.data?.['flags']).toBe(64);
    const select = ((picker.data?.['components'] as Json[])[0]!['components'] as Json[])[0]!;
    expect((select['options'] as Json[]).map((o) => o['value'])).toEqual(['k8s-wait']);
    const pickerMessage = h.fake.message(open.originalId!)!;
    const pick = h.fake.select(h.users.bob, pickerMessage, String(select['custom_id']), ['k8s-wait']);
    const done = await h.fake.answered(pick);
    expect(done.type).toBe(7);
    expect(textOf(done.data)).toContain('Sent “k8s-wait” on #1');
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).some((m) => textOf(m).includes('we are on #1')), 'the saved reply reaches Alice');
    // As Bob, with the placeholders filled (the relayed text is escaped for Discord markdown).
    expect(h.fake.dms(h.users.alice).map(textOf).join('\n')).toContain('Bob on #1\nHi Alice, we are on #1 \\(Cluster down\\). — Bob');
    await h.settled();
  });

  it('/tickets says how many match and pages with Previous / Next, the filters carried in the buttons', async () => {
    for (let i = 0; i < 22; i++) {
      // One requester each: filing is rate-limited per person.
      const who = await h.helpdesk.identify({ identity: `discord:99${i}`, displayName: `p${i}` });
      if (!who.ok) throw new Error(who.error.message);
      const filed = await h.helpdesk.fileTicket({ requesterId: who.value.id, title: `Printer ${i}`, origin: { platform: 'discord' } });
      expect(filed.ok ? 'filed' : filed.error.message).toBe('filed');
    }
    await h.settled();
    const list = h.fake.slash(h.users.root, 'tickets', [opt.string('scope', 'all'), opt.string('search', 'printer')]);
    const first = await h.fake.answered(list);
    expect(textOf(first.data)).toContain('All tickets: 22 tickets match · page 1 of 2');
    const ids = customIds(first.data);
    expect(ids.filter((c) => c.startsWith('hd:page:'))).toEqual(['hd:page:2:l--::printer']);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    const message = h.fake.message(list.originalId!)!;
    const next = h.fake.click(h.users.root, message, 'hd:page:2:l--::printer');
    const second = await h.fake.answered(next);
    expect(second.type).toBe(7);
    expect(textOf(second.data)).toContain('page 2 of 2');
    expect((textOf(second.data).match(/Printer \d+/g) ?? []).length).toBe(2);
    expect(labels(second.data).filter((l) => !l.startsWith('Take it'))).toEqual(['Previous']);
    const zero = h.fake.slash(h.users.root, 'tickets', [{ name: 'page', type: 4, value: 9 }]);
    expect(await h.fake.replyText(zero)).toContain('There is no page 9');
    // A requester's list has no Take it.
    const mine = h.fake.slash(h.users.alice, 'tickets');
    const theirs = await h.fake.answered(mine);
    expect(labels(theirs.data).some((l) => l.startsWith('Take it'))).toBe(false);
  });

  it('/claim, /note and /reply take the shared grammar; /audit is for admins only and names who did what', async () => {
    const bad = h.fake.slash(h.users.bob, 'claim', [opt.string('ticket', 'banana')]);
    expect(await h.fake.replyText(bad)).toMatch(/ticket number|#12/i);
    const resolved = h.fake.slash(h.users.bob, 'reply', [opt.string('ticket', '#1'), opt.string('name', 'nope')]);
    expect(await h.fake.replyText(resolved)).toContain('There is no saved reply called "nope"');
    const noted = h.fake.slash(h.users.bob, 'note', [opt.string('ticket', '#1'), opt.string('text', 'checked the logs')]);
    expect(await h.fake.replyText(noted)).toContain('Internal note added to #1');
    const denied = h.fake.slash(h.users.bob, 'audit');
    expect(await h.fake.replyText(denied)).toMatch(/admin/i);
    const audit = h.fake.slash(h.users.root, 'audit', [opt.user('user', h.users.bob)]);
    const text = await h.fake.replyText(audit);
    expect(text).toMatch(/Bob — note #1/);
    expect(text).toMatch(/saved-reply #1/);
    await h.settled();
  });
});
