import { describe, expect, it } from 'vitest';
import { FixedTriage } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';

async function setup() {
  const t = await staffedHelpdesk({
    triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network' }),
    people: ['alice', 'bob', 'carl'],
    skills: { bob: ['vpn'], carl: ['python'] },
  });
  const ticket = await t.file(t.people.alice, 'VPN down');
  return { ...t, ...t.people, ticketId: ticket.id };
}

describe('the Edit triage form', () => {
  it('offers the ticket\'s skills first, then those staff hold, then the helpdesk catalog, and no programming skill nobody has', async () => {
    const { helpdesk, bob, ticketId } = await setup();
    const form = await helpdesk.triageForm({ ticketId, actorId: bob.id });
    if (!form.ok) throw new Error(form.error.message);
    const ids = form.value.skills.map((s) => s.id);
    expect(ids[0]).toBe('vpn');
    expect(ids[1]).toBe('python');
    expect(ids).toContain('printers');
    expect(ids).toContain('hr');
    expect(ids).not.toContain('java');
    expect(new Set(ids).size).toBe(ids.length);
    expect(form.value.skills.find((s) => s.id === 'vpn')?.description).toMatch(/VPN/);
    expect(form.value.categories[0]).toBe('network');
    expect(form.value.categories).toEqual(expect.arrayContaining(['hr', 'printing', 'general']));
    expect(form.value.priorities).toEqual(['LOW', 'MEDIUM', 'HIGH']);
    expect(form.value.requester?.displayName).toBe('alice');
  });

  it('lists skills an admin created', async () => {
    const { helpdesk, root, ticketId } = await setup();
    expect((await helpdesk.skills(root, { op: 'new', target: null, skill: 'timesheets', description: 'Time tracking' })).ok).toBe(true);
    const form = await helpdesk.triageForm({ ticketId, actorId: root.id });
    expect(form.ok && form.value.skills.map((s) => s.id)).toContain('timesheets');
  });

  it('refuses someone who is neither the assignee nor an admin, and a resolved ticket', async () => {
    const { helpdesk, alice, bob, ticketId } = await setup();
    const byRequester = await helpdesk.triageForm({ ticketId, actorId: alice.id });
    expect(!byRequester.ok && byRequester.error.code).toBe('AUTH.NOT_ASSIGNEE');
    expect((await helpdesk.resolveTicket({ ticketId, actorId: bob.id, note: 'done' })).ok).toBe(true);
    const resolved = await helpdesk.triageForm({ ticketId, actorId: bob.id });
    expect(!resolved.ok && resolved.error.code).toBe('TICKET.ALREADY_RESOLVED');
  });

  it('gives a moderator card its ticket, requester and assignee', async () => {
    const { helpdesk, ticketId } = await setup();
    const card = await helpdesk.ticketCard(ticketId);
    expect(card.ok && [card.value.ticket.id, card.value.requester?.displayName, card.value.assignee?.displayName]).toEqual([ticketId, 'alice', 'bob']);
    const missing = await helpdesk.ticketCard('nope');
    expect(!missing.ok && missing.error.code).toBe('TICKET.NOT_FOUND');
  });
});
