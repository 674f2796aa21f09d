import { describe, expect, it } from 'vitest';
import { FixedTriage, RecordingChannel } from '../testing/fakes.js';
import { testHelpdesk } from '../testing/harness.js';

async function setup() {
  const slack = new RecordingChannel('slack');
  const t = testHelpdesk({ channels: [slack], triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network' }), settings: { adminIdentities: ['slack:T1:UADMIN'] } });
  const person = async (identity: string) => {
    const p = await t.helpdesk.identify({ identity, displayName: identity.split(':').pop() ?? identity });
    if (!p.ok) throw new Error(p.error.message);
    return p.value;
  };
  const admin = await person('slack:T1:UADMIN');
  return { ...t, slack, admin, ann: await person('slack:T1:UANN'), bob: await person('slack:T1:UBOB') };
}

describe('support channels', () => {
  it('only admins watch, unwatch and list them', async () => {
    const { helpdesk, admin, ann } = await setup();
    const refused = await helpdesk.watchChannel(ann, { platform: 'slack', channelId: 'C1', name: '#it-help' });
    expect(refused.ok ? null : refused.error.code).toBe('AUTH.ADMIN_ONLY');
    const first = await helpdesk.watchChannel(admin, { platform: 'slack', channelId: 'C1', name: '#it-help' });
    expect(first.ok && first.value.changed).toBe(true);
    const again = await helpdesk.watchChannel(admin, { platform: 'slack', channelId: 'C1', name: '#it-help' });
    expect(again.ok && again.value.changed).toBe(false);
    expect(await helpdesk.watchedChannel('slack', 'C1')).toMatchObject({ name: '#it-help', addedBy: admin.id });
    const list = await helpdesk.listWatchedChannels(admin, 'slack');
    expect(list.ok && list.value.map((c) => c.channelId)).toEqual(['C1']);
    const gone = await helpdesk.unwatchChannel(admin, { platform: 'slack', channelId: 'C1' });
    expect(gone.ok && gone.value.changed).toBe(true);
    expect(await helpdesk.watchedChannel('slack', 'C1')).toBeNull();
  });
});

describe('withdrawing a ticket ("not a ticket")', () => {
  it('the author withdraws it before its pipeline ran: no ticket, no job, no notice', async () => {
    const { helpdesk, store, engine, slack, ann } = await setup();
    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'lunch anyone?', origin: { platform: 'slack', channelId: 'C1', messageId: '1.1' }, idempotencyKey: 'slack:msg:C1:1.1' });
    if (!filed.ok) throw new Error(filed.error.message);
    const withdrawn = await helpdesk.withdrawTicket({ ticketId: filed.value.ticket.id, actorId: ann.id });
    expect(withdrawn.ok).toBe(true);
    await engine.drain();
    expect(await store.countTickets({})).toBe(0);
    expect(await store.findTicketByIdempotencyKey('slack:msg:C1:1.1')).toBeNull();
    expect((await store.getJobByKey(`ticket/filed:${filed.value.ticket.id}`))?.state).toBe('cancelled');
    expect(slack.sent).toHaveLength(0);
    const next = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN down', origin: { platform: 'slack' } });
    expect(next.ok && next.value.ticket.ref).toBe(2);
  });

  it('staff may withdraw an assigned ticket and the assignee count goes back; someone else may not', async () => {
    const { helpdesk, store, engine, ann, bob, admin } = await setup();
    const filed = await helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN down', origin: { platform: 'slack' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await engine.drain();
    const assigned = (await store.getTicket(filed.value.ticket.id))!;
    expect(assigned.assigneeId).not.toBeNull();
    expect((await store.getPerson(assigned.assigneeId!))?.openTickets).toBe(1);
    const refused = await helpdesk.withdrawTicket({ ticketId: assigned.id, actorId: bob.id });
    expect(refused.ok ? null : refused.error.code).toBe('AUTH.NOT_PARTICIPANT');
    const done = await helpdesk.withdrawTicket({ ticketId: assigned.id, actorId: admin.id });
    expect(done.ok).toBe(true);
    expect((await store.getPerson(assigned.assigneeId!))?.openTickets).toBe(0);
    const twice = await helpdesk.withdrawTicket({ ticketId: assigned.id, actorId: admin.id });
    expect(twice.ok ? null : twice.error.code).toBe('TICKET.NOT_FOUND');
  });
});
