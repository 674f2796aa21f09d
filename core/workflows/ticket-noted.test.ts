import { describe, expect, it } from 'vitest';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';

async function setup() {
  const chat = new RecordingChannel('console');
  const email = new RecordingChannel('email', 'email', () => true);
  const t = await staffedHelpdesk({
    channels: [chat, email],
    triage: new FixedTriage(() => ({ skills: ['vpn'], priority: 'MEDIUM' })),
    people: ['alice', 'bob'],
    skills: { bob: ['vpn'] },
  });
  const ticket = await t.file(t.people.alice, 'VPN slow');
  return { ...t, ...t.people, chat, email, ticketId: ticket.id };
}

describe('ticket-noted', () => {
  it('tells the assignee of a note, whoever wrote it, and never the requester (chat or email)', async () => {
    const { helpdesk, engine, chat, email, store, root, alice, bob, ticketId } = await setup();
    expect((await store.getTicket(ticketId))!.assigneeId).toBe(bob.id);
    chat.unreachable.add(alice.id);
    expect((await helpdesk.addNote({ ticketId, actorId: root.id, text: 'SECRET-otter: check the old client' })).ok).toBe(true);
    expect((await helpdesk.addNote({ ticketId, actorId: bob.id, text: 'SECRET-otter: it was the old client' })).ok).toBe(true);
    await engine.drain();
    const notes = chat.sent.filter((s) => s.notification.kind === 'ticket.note');
    expect(notes.map((s) => [s.person.id, s.notification.kind === 'ticket.note' ? `${s.notification.from.displayName}: ${s.notification.text}` : ''])).toEqual([
      [bob.id, 'root: SECRET-otter: check the old client'],
      [bob.id, 'bob: SECRET-otter: it was the old client'],
    ]);
    for (const s of [...chat.sent, ...email.sent].filter((x) => x.person.id === alice.id)) expect(JSON.stringify(s.notification)).not.toContain('SECRET-otter');
  });

  it('tells nobody when nobody holds the ticket', async () => {
    const { helpdesk, engine, chat, root, bob, ticketId } = await setup();
    expect((await helpdesk.reassignTicket({ ticketId, actorId: root.id, to: root.id })).ok).toBe(true);
    await engine.drain();
    chat.sent.length = 0;
    expect((await helpdesk.addNote({ ticketId, actorId: root.id, text: 'for me' })).ok).toBe(true);
    await engine.drain();
    expect(chat.sent.filter((s) => s.notification.kind === 'ticket.note' && s.person.id === bob.id)).toHaveLength(0);
  });
});
