import { describe, expect, it } from 'vitest';
import { runCommand } from '../../adapters/console/commands.js';
import type { Person } from '../domain/person.js';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { staffedHelpdesk } from '../testing/staffed.js';
import type { SkillsCommand } from './skills-grammar.js';

/** root (admin), bob (printers, vpn) and maya (vpn), alice (requester). Titles name the skill the triage gives. */
async function setup() {
  const chat = new RecordingChannel('console');
  const t = await staffedHelpdesk({
    channels: [chat],
    triage: new FixedTriage((r) => ({ skills: /printer/i.test(r.ticket.title) ? ['printers'] : /vpn/i.test(r.ticket.title) ? ['vpn'] : [] })),
    people: ['alice', 'bob', 'maya'],
    skills: { bob: ['printers', 'vpn'], maya: ['vpn'] },
  });
  const skills = async (actor: Person, command: SkillsCommand) => {
    const r = await t.helpdesk.skills((await t.store.getPerson(actor.id))!, command);
    await t.engine.drain();
    return r;
  };
  const say = async (who: Person, line: string) => {
    const r = await runCommand(t.helpdesk, (await t.store.getPerson(who.id))!, line);
    await t.engine.drain();
    return r.ok ? r.value : `error ${r.error.code}: ${r.error.message}`;
  };
  return { ...t, ...t.people, chat, say, skills };
}

describe('demoting a moderator', () => {
  it('reassigns their unstarted tickets by policy, keeps started ones and tells the admins; they still see their own tickets', async () => {
    const { store, chat, file, say, skills, root, alice, bob, maya } = await setup();
    const unstarted = await file(alice, 'VPN drops every hour');
    const started = await file(alice, 'Printer jams on page two');
    const ownTicket = await file(bob, 'Need a new keyboard');
    // bob has the least load for the VPN ticket and is the only printers moderator; his own ticket (no skill needed) goes to the least-loaded moderator.
    expect([unstarted.assigneeId, started.assigneeId]).toEqual([bob.id, bob.id]);
    expect(ownTicket.requesterId).toBe(bob.id);
    expect(await say(bob, `/start #${started.ref}`)).toContain('in progress');

    const demoted = await skills(root, { op: 'role', target: 'console:bob', role: 'user' });
    expect(demoted.ok && demoted.value.message).toContain('bob is now a user.');
    expect(demoted.ok && demoted.value.message).toContain(`#${unstarted.ref} → maya`);
    expect(demoted.ok && demoted.value.message).toContain(`#${started.ref} was already started`);

    // Unstarted: moved at once by the policy, and bob is told it left him.
    const moved = (await store.getTicket(unstarted.id))!;
    expect(moved.assigneeId).toBe(maya.id);
    expect(moved.history.at(-1)).toMatchObject({ type: 'reassigned', actorId: root.id, fromId: bob.id, toId: maya.id });
    expect(chat.kindsFor(maya.id)).toContain('ticket.assignment');
    expect(chat.sent.some((s) => s.person.id === bob.id && s.notification.kind === 'ticket.unassigned-from' && s.notification.ticket.id === unstarted.id)).toBe(true);

    // Started: stays with bob; the admins get it with the choice to take or reassign it.
    expect((await store.getTicket(started.id))!.assigneeId).toBe(bob.id);
    const notice = chat.sent.find((s) => s.person.id === root.id && s.notification.kind === 'ticket.needs-assignee' && s.notification.ticket.id === started.id);
    expect(notice?.notification).toMatchObject({ reason: expect.stringContaining('bob had started it and is no longer a moderator') });

    // As a requester bob still sees his own ticket, and the started one he still holds (not "does not exist").
    expect(await say(bob, `/show #${ownTicket.ref}`)).toContain('Need a new keyboard');
    expect(await say(bob, '/tickets')).toContain(`#${ownTicket.ref}`);
    expect(await say(bob, `/show #${started.ref}`)).toContain('Printer jams on page two');

    // "Take it": staff may claim the started ticket the demoted holder keeps.
    expect(await say(maya, `/claim #${started.ref}`)).not.toContain('error');
    expect((await store.getTicket(started.id))!.assigneeId).toBe(maya.id);
    expect((await store.getPerson(bob.id))!.openTickets).toBe(0);
  });

  it('leaves an unstarted ticket in the queue when nobody can take it, and the admins are told', async () => {
    const { store, chat, file, skills, root, alice, bob } = await setup();
    // root is away, so the printers ticket of bob has nowhere to go.
    const t = await file(alice, 'Printer offline');
    expect(t.assigneeId).toBe(bob.id);
    expect((await skills(root, { op: 'away', target: null })).ok).toBe(true);
    const demoted = await skills(root, { op: 'role', target: 'console:bob', role: 'user' });
    expect(demoted.ok && demoted.value.message).toContain(`#${t.ref} → the queue`);
    expect((await store.getTicket(t.id))!.assigneeId).toBeNull();
    expect(chat.sent.some((s) => s.person.id === root.id && s.notification.kind === 'ticket.needs-assignee' && s.notification.ticket.id === t.id)).toBe(true);
  });
});

describe('marking someone away', () => {
  it('moves what they have not started and keeps what they started, telling the admins; back changes nothing', async () => {
    const { store, chat, file, say, skills, root, alice, bob, maya } = await setup();
    const first = await file(alice, 'VPN slow');
    const second = await file(alice, 'VPN certificate expired');
    expect([first.assigneeId, second.assigneeId].sort()).toEqual([bob.id, maya.id].sort());
    const mayas = first.assigneeId === maya.id ? first : second;
    const bobs = first.assigneeId === bob.id ? first : second;
    expect(await say(maya, `/start #${mayas.ref}`)).toContain('in progress');
    // bob marks himself away: his unstarted VPN ticket goes to maya.
    const away = await skills(bob, { op: 'away', target: null });
    expect(away.ok && away.value.message).toContain(`#${bobs.ref} → maya`);
    expect((await store.getTicket(bobs.id))!.assigneeId).toBe(maya.id);
    expect((await skills(bob, { op: 'back', target: null })).ok).toBe(true);
    // maya goes away with her started ticket: it stays, the admins are told.
    const mayaAway = await skills(root, { op: 'away', target: 'console:maya' });
    expect(mayaAway.ok && mayaAway.value.message).toContain(`#${mayas.ref} was already started`);
    expect((await store.getTicket(mayas.id))!.assigneeId).toBe(maya.id);
    const notice = chat.sent.find((s) => s.person.id === root.id && s.notification.kind === 'ticket.needs-assignee' && s.notification.ticket.id === mayas.id);
    expect(notice?.notification).toMatchObject({ reason: expect.stringContaining('maya had started it and is away') });
    // bob's old ticket, unstarted and now maya's, went back to bob (available again).
    expect((await store.getTicket(bobs.id))!.assigneeId).toBe(bob.id);
  });
});

describe('/skills set', () => {
  it('refuses set without skills, so nothing is wiped by accident; none clears explicitly', async () => {
    const { store, say, root, maya } = await setup();
    expect(await say(root, '/skills set @maya')).toContain('/skills set @person none');
    expect((await store.getPerson(maya.id))!.skills).toEqual(['vpn']);
    expect(await say(root, '/skills add @maya none')).toContain('error INPUT.BAD_COMMAND');
    expect(await say(root, '/skills set @maya none')).toContain('maya — moderator, available, 0 open — no skills');
    expect((await store.getPerson(maya.id))!.skills).toEqual([]);
  });
});
