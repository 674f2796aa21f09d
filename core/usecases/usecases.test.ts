import { describe, expect, it } from 'vitest';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';
import { testHelpdesk } from '../testing/harness.js';

async function setup(triageSkills: string[] = ['vpn']) {
  const channel = new RecordingChannel('console');
  const t = await staffedHelpdesk({
    channels: [channel],
    triage: new FixedTriage({ skills: triageSkills, priority: 'HIGH', category: 'network', notes: 'check the VPN client' }),
    people: ['alice', 'bob'],
    skills: { bob: ['VPN', 'networking'] },
  });
  return { ...t, ...t.people, channel };
}

describe('ticket lifecycle', () => {
  it('files, triages, assigns by skill, notifies, resolves and tells the requester', async () => {
    const { helpdesk, engine, channel, alice, bob, store } = await setup();
    const filed = await helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN down', description: 'cannot connect', origin: { platform: 'console' } });
    expect(filed.ok && filed.value.ticket.ref).toBe(1);
    await engine.drain();
    const ticket = (await store.getTicketByRef(1))!;
    expect(ticket.assigneeId).toBe(bob.id);
    expect(ticket.priority).toBe('HIGH');
    expect(ticket.skills).toEqual(['vpn']);
    expect(ticket.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
    expect(channel.kindsFor(bob.id)).toEqual(['ticket.assignment']);
    expect(channel.kindsFor(alice.id)).toEqual(['ticket.filed', 'ticket.triaged', 'ticket.assigned']);
    expect((await store.getPerson(bob.id))!.openTickets).toBe(1);

    const started = await helpdesk.startTicket({ ticketId: ticket.id, actorId: bob.id });
    expect(started.ok).toBe(true);
    const resolved = await helpdesk.resolveTicket({ ticketId: ticket.id, actorId: bob.id, note: 'Reinstalled the client' });
    expect(resolved.ok).toBe(true);
    await engine.drain();
    expect(channel.kindsFor(alice.id)).toContain('ticket.resolved');
    expect((await store.getPerson(bob.id))!.openTickets).toBe(0);
  });

  it('lets only the assignee or an admin act, with coded errors', async () => {
    const { helpdesk, engine, alice, root } = await setup();
    const filed = await helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN down', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error('not filed');
    await engine.drain();
    const byRequester = await helpdesk.resolveTicket({ ticketId: filed.value.ticket.id, actorId: alice.id, note: 'fixed myself' });
    expect(!byRequester.ok && byRequester.error.code).toBe('AUTH.NOT_ASSIGNEE');
    const byAdmin = await helpdesk.startTicket({ ticketId: filed.value.ticket.id, actorId: root.id });
    expect(byAdmin.ok).toBe(true);
    const again = await helpdesk.startTicket({ ticketId: filed.value.ticket.id, actorId: root.id });
    expect(!again.ok && again.error.code).toBe('TICKET.ALREADY_STARTED');
  });

  it('falls back to an admin when no moderator matches, and reassigns automatically', async () => {
    const { helpdesk, engine, alice, root, bob, store } = await setup(['kubernetes']);
    const filed = await helpdesk.fileTicket({ requesterId: alice.id, title: 'Cluster down', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error('not filed');
    await engine.drain();
    const t = (await store.getTicket(filed.value.ticket.id))!;
    expect(t.assigneeId).toBe(root.id);
    const moved = await helpdesk.reassignTicket({ ticketId: t.id, actorId: root.id, to: bob.id });
    expect(moved.ok && moved.value.assigneeId).toBe(bob.id);
    expect((await store.getPerson(root.id))!.openTickets).toBe(0);
    expect((await store.getPerson(bob.id))!.openTickets).toBe(1);
  });

  it('rejects bad input without storing anything', async () => {
    const { helpdesk, alice, store } = await setup();
    const empty = await helpdesk.fileTicket({ requesterId: alice.id, title: '   ', origin: { platform: 'console' } });
    expect(!empty.ok && empty.error.code).toBe('INPUT.TITLE_EMPTY');
    const huge = await helpdesk.fileTicket({ requesterId: alice.id, title: 'x'.repeat(10 * 1024 * 1024), origin: { platform: 'console' } });
    expect(!huge.ok && huge.error.code).toBe('INPUT.TITLE_TOO_LONG');
    const hugeBody = await helpdesk.fileTicket({ requesterId: alice.id, title: 'ok', description: 'y'.repeat(10 * 1024 * 1024), origin: { platform: 'console' } });
    expect(!hugeBody.ok && hugeBody.error.code).toBe('INPUT.DESCRIPTION_TOO_LONG');
    expect(await store.countTickets({})).toBe(0);
  });

  it('enforces the per-person filing limit', async () => {
    const { helpdesk, alice } = await setup();
    for (let i = 0; i < 5; i++) expect((await helpdesk.fileTicket({ requesterId: alice.id, title: `t${i}`, origin: { platform: 'console' } })).ok).toBe(true);
    const sixth = await helpdesk.fileTicket({ requesterId: alice.id, title: 't6', origin: { platform: 'console' } });
    expect(!sixth.ok && sixth.error.code).toBe('RATE.LIMITED');
  });

  it('answers a retried delivery with its ticket even after the filing limit is used up', async () => {
    const { helpdesk, alice } = await setup();
    const first = await helpdesk.fileTicket({ requesterId: alice.id, title: 't0', origin: { platform: 'console' }, idempotencyKey: 'delivery-0' });
    for (let i = 1; i < 5; i++) expect((await helpdesk.fileTicket({ requesterId: alice.id, title: `t${i}`, origin: { platform: 'console' } })).ok).toBe(true);
    const retried = await helpdesk.fileTicket({ requesterId: alice.id, title: 't0', origin: { platform: 'console' }, idempotencyKey: 'delivery-0' });
    expect(retried.ok && retried.value).toEqual(first.ok && { ticket: first.value.ticket, created: false });
  });

  it('keeps moderator notes from requesters when listing', async () => {
    const { helpdesk, engine, alice, bob } = await setup();
    await helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN down', origin: { platform: 'console' } });
    await engine.drain();
    const mine = await helpdesk.listTickets(alice, { scope: 'mine' });
    expect(mine.ok && mine.value.tickets[0]?.notes).toBe('');
    const queue = await helpdesk.listTickets(bob, {});
    expect(queue.ok && queue.value.tickets[0]?.notes).toContain('VPN client');
  });

  it('only admins manage skills; unknown skills change nothing', async () => {
    const { helpdesk, alice, root, bob } = await setup();
    const denied = await helpdesk.skills(alice, { op: 'add', target: 'console:bob', skills: ['python'] });
    expect(!denied.ok && denied.error.code).toBe('AUTH.ADMIN_ONLY');
    const unknown = await helpdesk.skills(root, { op: 'add', target: 'console:bob', skills: ['python', 'basket-weaving'] });
    expect(!unknown.ok && unknown.error.code).toBe('INPUT.UNKNOWN_SKILL');
    const listed = await helpdesk.skills(root, { op: 'list', target: 'console:bob' });
    expect(listed.ok && listed.value.person?.skills).toEqual(['vpn', 'networking']);
    expect(bob.role).toBe('moderator');
  });
});

describe('identify', () => {
  it('a name that is only a hint names someone new but never renames a stored person', async () => {
    const t = testHelpdesk();
    const first = await t.helpdesk.identify({ identity: 'slack:T1:U9', displayName: 'u9', nameIsHint: true });
    expect(first.ok && first.value.displayName).toBe('u9');
    const named = await t.helpdesk.identify({ identity: 'slack:T1:U9', displayName: 'Nina Newcomer', email: 'nina@example.com' });
    expect(named.ok && named.value).toMatchObject({ displayName: 'Nina Newcomer', email: 'nina@example.com' });
    const again = await t.helpdesk.identify({ identity: 'slack:T1:U9', displayName: 'u9', nameIsHint: true });
    expect(again.ok && again.value.displayName).toBe('Nina Newcomer');
  });

  it('a profile saved by someone else meanwhile is read again, not a failure', async () => {
    const t = testHelpdesk();
    const made = await t.helpdesk.identify({ identity: 'slack:T1:U8', displayName: 'u8' });
    if (!made.ok) throw new Error(made.error.message);
    // Another request saves a change between this one's read and its write.
    const ensure = t.store.ensurePerson.bind(t.store);
    let raced = false;
    t.store.ensurePerson = async (p) => {
      const read = await ensure(p);
      if (!raced) {
        raced = true;
        await t.store.updatePerson(read.id, { email: 'first@example.com' }, read.version, '2026-01-05T09:00:00.000Z');
      }
      return read;
    };
    const renamed = await t.helpdesk.identify({ identity: 'slack:T1:U8', displayName: 'Otto Other' });
    expect(renamed.ok && renamed.value).toMatchObject({ displayName: 'Otto Other', email: 'first@example.com' });
  });
});
