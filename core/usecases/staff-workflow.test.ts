import { describe, expect, it } from 'vitest';
import { runCommand } from '../../adapters/console/commands.js';
import type { Person } from '../domain/person.js';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';

/** root (admin), bob and maya (moderators: vpn / printers), alice and carol (requesters); console chat plus email fallback. */
async function setup(triageSkills: (title: string) => string[] = (t) => (/vpn/i.test(t) ? ['vpn'] : /printer/i.test(t) ? ['printers'] : ['kubernetes'])) {
  const chat = new RecordingChannel('console');
  const email = new RecordingChannel('email', 'email', () => true);
  const t = await staffedHelpdesk({
    channels: [chat, email],
    triage: new FixedTriage((r) => ({ skills: triageSkills(r.ticket.title), priority: /down/i.test(r.ticket.title) ? 'HIGH' : 'MEDIUM', notes: 'check the client' })),
    people: ['alice', 'carol', 'bob', 'maya'],
    skills: { bob: ['vpn'], maya: ['printers'] },
  });
  const say = async (who: Person, line: string) => {
    const r = await runCommand(t.helpdesk, (await t.store.getPerson(who.id))!, line);
    await t.engine.drain();
    return r.ok ? r.value : `error ${r.error.code}: ${r.error.message}`;
  };
  return { ...t, ...t.people, chat, email, say };
}

describe('claim', () => {
  it('takes a ticket an admin holds as fallback; the history and the requester say who has it', async () => {
    const { helpdesk, engine, chat, store, file, root, alice, maya } = await setup();
    const t = await file(alice, 'Cluster down');
    expect(t.assigneeId).toBe(root.id);
    const claimed = await helpdesk.claimTicket({ ticketId: t.id, actorId: maya.id });
    expect(claimed.ok && claimed.value.previousAssigneeId).toBe(root.id);
    await engine.drain();
    const after = (await store.getTicket(t.id))!;
    expect(after.assigneeId).toBe(maya.id);
    expect(after.history.at(-1)).toMatchObject({ type: 'reassigned', actorId: maya.id, fromId: root.id, toId: maya.id, reason: { rule: 'claim' } });
    const told = chat.sent.filter((s) => s.person.id === alice.id && s.notification.kind === 'ticket.assigned').at(-1);
    expect(told?.notification).toMatchObject({ assignee: { displayName: 'maya' } });
    expect(chat.kindsFor(maya.id)).toContain('ticket.assignment');
    expect((await store.getPerson(root.id))!.openTickets).toBe(0);
    expect((await store.getPerson(maya.id))!.openTickets).toBe(1);
  });

  it('takes an unassigned ticket', async () => {
    const { helpdesk, store, alice, bob } = await setup();
    await store.ensurePerson({ id: 'x', identity: 'console:x', displayName: 'x', email: null, role: 'user', createdAt: '2026-01-05T09:00:00.000Z' });
    const filed = await helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN slow', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error('not filed');
    // Not triaged or assigned yet: nobody holds it.
    const claimed = await helpdesk.claimTicket({ ticketId: filed.value.ticket.id, actorId: bob.id });
    expect(claimed.ok && claimed.value.ticket.assigneeId).toBe(bob.id);
    expect(claimed.ok && claimed.value.previousAssigneeId).toBeNull();
  });

  it('two claims at once: one wins, the other is told who did, and the ticket changes once', async () => {
    const { helpdesk, store, file, alice, bob, maya } = await setup();
    const t = await file(alice, 'Cluster down');
    const [a, b] = await Promise.all([helpdesk.claimTicket({ ticketId: t.id, actorId: bob.id }), helpdesk.claimTicket({ ticketId: t.id, actorId: maya.id })]);
    const results = [a, b];
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (await store.getTicket(t.id))!.assigneeId;
    const winnerName = winner === bob.id ? 'bob' : 'maya';
    const loss = lost[0];
    if (!loss || loss.ok) throw new Error('expected a lost claim');
    expect(loss.error.code).toBe('TICKET.ALREADY_CLAIMED');
    expect(loss.error.message).toContain(winnerName);
    expect(loss.error.details).toMatchObject({ assigneeId: winner, assigneeName: winnerName });
    expect((await store.getTicket(t.id))!.history.filter((h) => h.type === 'reassigned')).toHaveLength(1);
  });

  it('refuses, changing nothing: a resolved ticket, one a moderator holds, a requester claiming', async () => {
    const { helpdesk, store, file, alice, bob, maya } = await setup();
    const vpn = await file(alice, 'VPN slow');
    expect(vpn.assigneeId).toBe(bob.id);
    const taken = await helpdesk.claimTicket({ ticketId: vpn.id, actorId: maya.id });
    expect(!taken.ok && taken.error.code).toBe('TICKET.ALREADY_CLAIMED');
    expect(!taken.ok && taken.error.message).toContain('bob');
    const byRequester = await helpdesk.claimTicket({ ticketId: vpn.id, actorId: alice.id });
    expect(!byRequester.ok && byRequester.error.code).toBe('PERSON.NOT_MODERATOR');
    expect((await helpdesk.resolveTicket({ ticketId: vpn.id, actorId: bob.id, note: 'fixed' })).ok).toBe(true);
    const before = (await store.getTicket(vpn.id))!;
    const resolved = await helpdesk.claimTicket({ ticketId: vpn.id, actorId: maya.id });
    expect(!resolved.ok && resolved.error.code).toBe('TICKET.ALREADY_RESOLVED');
    expect(await store.getTicket(vpn.id)).toEqual(before);
  });
});

describe('internal notes', () => {
  it('no path lets a note reach the requester: relay, email fallback, notices, /show, search', async () => {
    const { helpdesk, engine, chat, email, store, file, say, alice, bob, maya, root } = await setup();
    const t = await file(alice, 'VPN slow');
    const secret = 'SECRET-zebra: requester is on the old client, do not tell';
    expect(await say(bob, `/note #${t.ref} ${secret}`)).toContain('Internal note added');
    // Everything that reaches the requester afterwards: a relayed message, a notice by email (chat unreachable), reassign, resolve.
    expect(await say(bob, `/say #${t.ref} Could you restart the client?`)).toContain('Sent');
    chat.unreachable.add(alice.id);
    expect((await helpdesk.reassignTicket({ ticketId: t.id, actorId: root.id, to: maya.id })).ok).toBe(true);
    expect((await helpdesk.resolveTicket({ ticketId: t.id, actorId: maya.id, note: 'Updated the client' })).ok).toBe(true);
    await engine.drain();
    const toAlice = [...chat.sent, ...email.sent].filter((s) => s.person.id === alice.id);
    expect(email.sent.some((s) => s.person.id === alice.id)).toBe(true);
    expect(toAlice.length).toBeGreaterThan(3);
    for (const s of toAlice) {
      expect(JSON.stringify(s.notification)).not.toContain('SECRET-zebra');
      expect(s.notification.ticket.history.some((h) => h.type === 'note')).toBe(false);
    }
    // The requester's own views: /show and a search for the note's words.
    expect(await say(alice, `/show #${t.ref}`)).not.toContain('SECRET-zebra');
    expect(await say(alice, '/tickets status:done SECRET-zebra')).toBe('No tickets match.');
    const listed = await helpdesk.listTickets(alice, { statuses: ['DONE'] });
    expect(listed.ok && JSON.stringify(listed.value)).not.toContain('SECRET-zebra');
    // Staff on the ticket still see it, marked as internal; so does the next assignee.
    expect(await say(maya, `/show #${t.ref}`)).toContain(`Internal note from bob: ${secret}`);
    expect(await say(root, `/show #${t.ref}`)).toContain('Internal note from bob');
    expect((await store.getTicket(t.id))!.history.filter((h) => h.type === 'note')).toHaveLength(1);
  });

  it('refuses a note on a ticket you do not work on, and an empty one, changing nothing', async () => {
    const { helpdesk, store, file, alice, maya, bob } = await setup();
    const t = await file(alice, 'VPN slow');
    const before = await store.getTicket(t.id);
    const other = await helpdesk.addNote({ ticketId: t.id, actorId: maya.id, text: 'hmm' });
    expect(!other.ok && other.error.code).toBe('AUTH.NOT_ASSIGNEE');
    const requester = await helpdesk.addNote({ ticketId: t.id, actorId: alice.id, text: 'hmm' });
    expect(!requester.ok && requester.error.code).toBe('AUTH.NOT_ASSIGNEE');
    const empty = await helpdesk.addNote({ ticketId: t.id, actorId: bob.id, text: '   ' });
    expect(!empty.ok && empty.error.code).toBe('INPUT.MESSAGE_EMPTY');
    expect(await store.getTicket(t.id)).toEqual(before);
  });
});

describe('saved replies', () => {
  it('admins manage them; staff send one as themselves, filled in, relayed and recorded', async () => {
    const { helpdesk, engine, chat, store, file, say, root, alice, bob } = await setup();
    expect(await say(root, '/replies add vpn-reset Hi {requester}, for {ref} ({title}) please restart the VPN client. — {assignee} {unknown}')).toContain('added');
    expect(await say(bob, '/replies add x y')).toContain('AUTH.ADMIN_ONLY');
    expect(await say(bob, '/replies list')).toContain('vpn-reset — Hi {requester}');
    const t = await file(alice, 'VPN slow');
    const sent = await say(bob, `/reply #${t.ref} vpn-reset`);
    expect(sent).toContain('Sent to alice');
    const text = 'Hi alice, for #1 (VPN slow) please restart the VPN client. — bob {unknown}';
    expect(sent).toContain(text);
    await engine.drain();
    const relayed = chat.sent.filter((s) => s.person.id === alice.id && s.notification.kind === 'ticket.message').at(-1);
    expect(relayed?.notification).toMatchObject({ text, from: { displayName: 'bob' } });
    expect((await store.getTicket(t.id))!.history.at(-1)).toMatchObject({ type: 'message', actorId: bob.id, text, savedReply: 'vpn-reset' });
    expect(await say(root, '/replies remove vpn-reset')).toContain('removed');
    expect(await helpdesk.listSavedReplies({ actorId: root.id })).toEqual({ ok: true, value: [] });
  });

  it('a saved reply that does not exist: one clear message, nothing sent', async () => {
    const { store, file, say, alice, bob, root } = await setup();
    const t = await file(alice, 'VPN slow');
    const before = await store.getTicket(t.id);
    expect(await say(bob, `/reply #${t.ref} nope`)).toMatch(/REPLY.NOT_FOUND: There is no saved reply called "nope"/);
    expect(await say(root, '/replies remove nope')).toContain('REPLY.NOT_FOUND');
    expect(await say(bob, `/reply #${t.ref} hello there`)).toContain('REPLY.NOT_FOUND');
    expect(await store.getTicket(t.id)).toEqual(before);
  });
});

describe('the whole queue', () => {
  it('counts, sorts by priority then age, pages, and says how to get the next page', async () => {
    const { helpdesk, engine, clock, say, root, alice } = await setup(() => []);
    const titles: string[] = [];
    for (let i = 0; i < 27; i++) {
      const title = i === 5 ? 'Production down' : i === 20 ? 'Security incident down' : `Question ${i}`;
      titles.push(title);
      await helpdesk.fileTicket({ requesterId: i % 2 ? alice.id : root.id, title, origin: { platform: 'console' }, idempotencyKey: `k${i}` });
      clock.advance(60_000);
    }
    await engine.drain();
    const page1 = await helpdesk.listTickets(root, {});
    if (!page1.ok) throw new Error(page1.error.message);
    expect(page1.value.total).toBe(27);
    expect(page1.value.pages).toBe(2);
    expect(page1.value.tickets.slice(0, 3).map((t) => t.title)).toEqual(['Production down', 'Security incident down', 'Question 0']);
    expect(page1.value.tickets).toHaveLength(20);
    const out = await say(root, '/tickets');
    expect(out.split('\n')[0]).toBe('27 tickets match, page 1 of 2:');
    expect(out).toContain('Next page: /tickets page:2');
    const page2 = await say(root, '/tickets page:2');
    expect(page2.split('\n')).toHaveLength(8);
    expect(page2).toContain('#27');
  });

  it('mine is assigned-to-me for staff and filed-by-me for requesters; requester:, assignee:, older:', async () => {
    const { helpdesk, clock, file, alice, carol, bob, root } = await setup();
    await file(alice, 'VPN slow');
    clock.advance(4 * 86_400_000);
    await file(carol, 'VPN broken');
    await file(carol, 'Printer jam');
    const refs = async (viewer: Person, filters: Parameters<typeof helpdesk.listTickets>[1]) => {
      const r = await helpdesk.listTickets(viewer, filters);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.tickets.map((t) => t.ref);
    };
    expect(await refs(bob, { scope: 'mine' })).toEqual([1, 2]);
    expect(await refs(alice, { scope: 'mine' })).toEqual([1]);
    expect(await refs(root, { requester: 'console:carol' })).toEqual([2, 3]);
    expect(await refs(root, { assignee: 'console:bob' })).toEqual([1, 2]);
    expect(await refs(root, { olderThanMs: 3 * 86_400_000 })).toEqual([1]);
    expect(await refs(root, { requester: 'console:nobody' })).toEqual([]);
  });

  it('bad filters: one clear message', async () => {
    const { say, root } = await setup();
    expect(await say(root, '/tickets page:0')).toMatch(/INPUT.BAD_FILTER: page: takes a page number from 1/);
    expect(await say(root, '/tickets older:banana')).toMatch(/INPUT.BAD_FILTER: older: takes an age like 3d/);
    expect(await say(root, '/tickets requester:bob')).toMatch(/INPUT.BAD_FILTER: requester: needs a person/);
  });
});

describe('audit', () => {
  it('records role and skill changes, claims, triage corrections, reassignments, notes and saved replies with actor and time', async () => {
    const { helpdesk, store, clock, file, say, root, alice, bob, maya } = await setup();
    expect(await say(root, '/skills role @carol moderator')).toContain('moderator');
    const t = await file(alice, 'Cluster down');
    expect((await helpdesk.claimTicket({ ticketId: t.id, actorId: maya.id })).ok).toBe(true);
    clock.advance(1000);
    expect((await helpdesk.correctTriage({ ticketId: t.id, actorId: maya.id, priority: 'low' })).ok).toBe(true);
    expect((await helpdesk.addNote({ ticketId: t.id, actorId: maya.id, text: 'looks like DNS' })).ok).toBe(true);
    expect(await say(root, '/replies add thanks Thanks {requester}!')).toContain('added');
    expect((await helpdesk.sendSavedReply({ ticketId: t.id, actorId: maya.id, name: 'thanks' })).ok).toBe(true);
    expect((await helpdesk.reassignTicket({ ticketId: t.id, actorId: root.id, to: bob.id })).ok).toBe(true);
    const all = await store.listAudit({});
    expect(all.map((e) => e.action).sort()).toEqual(['claim', 'note', 'reassign', 'reply-added', 'role', 'role', 'role', 'saved-reply', 'skills', 'skills', 'triage'].sort());
    expect(all.every((e) => e.at && e.actorId)).toBe(true);
    expect(all.find((e) => e.action === 'reassign')).toMatchObject({ actorId: root.id, ref: t.ref, subjectId: bob.id, detail: 'from maya to bob' });
    const out = await say(root, '/audit @maya');
    // maya's own actions, and the role and skills she was given.
    expect(out).toMatch(/^6 audit entries for @maya, page 1 of 1/);
    expect(out).toContain('root — skills: maya: skills none → printers');
    expect(out).toContain('maya — claim #1: took it from root');
    expect(await say(bob, '/audit')).toContain('AUTH.ADMIN_ONLY');
    expect(await say(root, '/audit page:0')).toContain('INPUT.BAD_FILTER');
    const shown = await say(root, `/show #${t.ref}`);
    expect(shown).toContain('reassigned from root to maya by maya');
    expect(shown).toContain('reassigned from maya to bob by root');
    expect(shown).toContain('triage changed by maya');
  });
});
