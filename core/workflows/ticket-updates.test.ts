import { describe, expect, it } from 'vitest';
import type { Notification } from '../notifications/notification.js';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';

/**
 * Follow-up notices run after the action that caused them, possibly late
 * (a crash or a retry in between). These tests act twice before the
 * engine runs anything, which is exactly what a late notice looks like.
 */
async function assignedTicket() {
  const channel = new RecordingChannel('console');
  const t = await staffedHelpdesk({
    channels: [channel],
    triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH' }),
    people: ['alice', 'bob', 'carol', 'dave'],
    skills: { bob: ['vpn'], carol: ['printers'], dave: ['printers'] },
  });
  const ticket = await t.file(t.people.alice, 'VPN down');
  expect(ticket.assigneeId).toBe(t.people.bob.id);
  channel.sent.length = 0;
  return { ...t, ...t.people, channel, ticketId: ticket.id };
}

/** What the requester was told, in order, as `kind` or `kind:assignee`. */
function told(channel: RecordingChannel, personId: string): string[] {
  return channel.sent
    .filter((s) => s.person.id === personId)
    .map((s) => s.notification)
    .map((n: Notification) => (n.kind === 'ticket.assigned' ? `${n.kind}:${n.assignee?.displayName ?? 'nobody'}` : n.kind));
}

describe('follow-up notices that run late', () => {
  it('never tells the requester "started" after "resolved": a start notice that runs after the resolve is dropped', async () => {
    const { helpdesk, engine, channel, store, ticketId, alice, bob } = await assignedTicket();
    expect((await helpdesk.startTicket({ ticketId, actorId: bob.id })).ok).toBe(true);
    expect((await helpdesk.resolveTicket({ ticketId, actorId: bob.id, note: 'Renewed the certificate' })).ok).toBe(true);
    await engine.drain();
    expect(told(channel, alice.id)).toEqual(['ticket.resolved']);
    // The moderator's card shows the current state either way.
    expect(channel.kindsFor(bob.id).every((k) => k === 'ticket.card')).toBe(true);
    expect((await store.getTicket(ticketId))?.status).toBe('DONE');
  });

  it('still sends each notice when it runs before the next action', async () => {
    const { helpdesk, engine, channel, ticketId, alice, bob } = await assignedTicket();
    await helpdesk.startTicket({ ticketId, actorId: bob.id });
    await engine.drain();
    await helpdesk.resolveTicket({ ticketId, actorId: bob.id, note: 'Renewed the certificate' });
    await engine.drain();
    await helpdesk.reopenTicket({ ticketId, actorId: alice.id });
    await engine.drain();
    expect(told(channel, alice.id)).toEqual(['ticket.started', 'ticket.resolved']);
    expect(channel.kindsFor(bob.id)).toContain('ticket.reopened');
  });

  it('drops a reopened notice once the ticket was started again', async () => {
    const { helpdesk, engine, channel, ticketId, alice, bob, root } = await assignedTicket();
    await helpdesk.resolveTicket({ ticketId, actorId: bob.id, note: 'fixed' });
    await engine.drain();
    channel.sent.length = 0;
    await helpdesk.reopenTicket({ ticketId, actorId: root.id });
    await helpdesk.startTicket({ ticketId, actorId: bob.id });
    await engine.drain();
    expect(told(channel, alice.id)).toEqual(['ticket.started']);
    expect(channel.kindsFor(bob.id)).not.toContain('ticket.reopened');
  });

  it('tells the requester only the assignee the ticket has now, after two quick reassignments', async () => {
    const { helpdesk, engine, channel, ticketId, alice, carol, dave, root } = await assignedTicket();
    expect((await helpdesk.reassignTicket({ ticketId, actorId: root.id, to: carol.id })).ok).toBe(true);
    expect((await helpdesk.reassignTicket({ ticketId, actorId: root.id, to: dave.id })).ok).toBe(true);
    await engine.drain();
    expect(told(channel, alice.id)).toEqual(['ticket.assigned:dave']);
    // carol never holds the ticket by the time her card would arrive.
    expect(channel.kindsFor(carol.id)).not.toContain('ticket.assignment');
    expect(channel.kindsFor(dave.id)).toContain('ticket.assignment');
  });
});
