import { describe, expect, it } from 'vitest';
import { renderText } from '../notifications/render-text.js';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { testHelpdesk } from '../testing/harness.js';

/** A fresh install: admins are configured but have never used the helpdesk, and there are no moderators. */
async function freshInstall(adminIdentities: string[]) {
  const slack = new RecordingChannel('slack');
  const t = testHelpdesk({
    channels: [slack],
    triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network' }),
    settings: { adminIdentities },
  });
  const ann = await t.helpdesk.identify({ identity: 'slack:T1:U2', displayName: 'Ann' });
  if (!ann.ok) throw new Error(ann.error.message);
  return { ...t, slack, ann: ann.value };
}

describe('configured admins before they ever spoke', () => {
  it('are on record at start-up and get the first ticket nobody else can take', async () => {
    const { helpdesk, engine, store, slack, ann } = await freshInstall(['slack:T1:UADMIN']);
    expect(await helpdesk.ensureConfiguredAdmins()).toBe(1);
    const admin = await store.findPersonByIdentity('slack:T1:UADMIN');
    expect(admin?.role).toBe('admin');

    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN down', origin: { platform: 'slack' } });
    expect(filed.ok).toBe(true);
    await engine.drain();
    const ticket = (await store.getTicketByRef(1))!;
    expect(ticket.assigneeId).toBe(admin!.id);
    expect(slack.kindsFor(admin!.id)).toEqual(['ticket.assignment']);
    const told = slack.sent.filter((s) => s.person.id === ann.id && s.notification.kind === 'ticket.assigned');
    expect(told.map((s) => renderText(s.notification))).toEqual([`#1 is assigned to UADMIN.`]);
  });

  it('is run again without changing anyone, and a real name later replaces the placeholder', async () => {
    const { helpdesk, store } = await freshInstall(['slack:T1:UADMIN']);
    await helpdesk.ensureConfiguredAdmins();
    await helpdesk.ensureConfiguredAdmins();
    const named = await helpdesk.identify({ identity: 'slack:T1:UADMIN', displayName: 'Root Admin' });
    expect(named.ok && named.value.displayName).toBe('Root Admin');
    expect((await store.listPeople({ roles: ['admin'], limit: 10 })).length).toBe(1);
  });

  it('tells the requester the ticket waits in the queue when no admin can be reached', async () => {
    const { helpdesk, engine, store, slack, ann } = await freshInstall(['slack:T1:UADMIN']);
    await helpdesk.ensureConfiguredAdmins();
    const admin = (await store.findPersonByIdentity('slack:T1:UADMIN'))!;
    // The admin is away: the ticket is left unassigned, and their DMs are closed.
    await store.updatePerson(admin.id, { availability: 'away' }, admin.version, new Date().toISOString());
    slack.unreachable.add(admin.id);
    await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN down', origin: { platform: 'slack' } });
    await engine.drain();
    const told = slack.sent.filter((s) => s.person.id === ann.id && s.notification.kind === 'ticket.assigned').map((s) => renderText(s.notification));
    expect(told).toEqual(['#1 is waiting in the queue for a moderator to pick it up.']);
  });

  it('says an admin was told only when one was', async () => {
    const { helpdesk, engine, store, slack, ann } = await freshInstall(['slack:T1:UADMIN']);
    await helpdesk.ensureConfiguredAdmins();
    const admin = (await store.findPersonByIdentity('slack:T1:UADMIN'))!;
    await store.updatePerson(admin.id, { availability: 'away' }, admin.version, new Date().toISOString());
    await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN down', origin: { platform: 'slack' } });
    await engine.drain();
    expect(slack.kindsFor(admin.id)).toEqual(['ticket.needs-assignee']);
    const told = slack.sent.filter((s) => s.person.id === ann.id && s.notification.kind === 'ticket.assigned').map((s) => renderText(s.notification));
    expect(told).toEqual(['#1 is waiting for a moderator; an admin has been told.']);
  });
});
