/**
 * The whole helpdesk core on the MongoDB store: a ticket is filed, triaged,
 * assigned by skill, worked and resolved, with load counts kept by the
 * store, exactly as on the reference store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedTriage, RecordingChannel } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { openMongoStore, type MongoStore } from '../../adapters/mongo/index.js';
import { mongoTarget, type MongoTarget } from './target.js';

describe('the helpdesk on MongoDB', () => {
  let target: MongoTarget;
  let store: MongoStore;
  beforeAll(async () => {
    target = await mongoTarget();
    store = await openMongoStore(target.freshUri('helpdesk'));
  });
  afterAll(async () => {
    await store?.close();
    await target?.close();
  });

  it('files, triages, assigns by skill, resolves and keeps load counts', async () => {
    const channel = new RecordingChannel('console');
    const t = testHelpdesk({
      store,
      channels: [channel],
      triage: new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network' }),
      settings: { adminIdentities: ['console:root'] },
    });
    const id = async (handle: string) => {
      const r = await t.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const root = await id('root');
    const alice = await id('alice');
    const bob = await id('bob');
    expect((await t.helpdesk.skills(root, { op: 'add', target: 'console:bob', skills: ['VPN'] })).ok).toBe(true);

    const filed = await t.helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN down', description: 'cannot connect', origin: { platform: 'console' } });
    expect(filed.ok && filed.value.ticket.ref).toBe(1);
    await t.engine.drain();
    const ticket = await store.getTicketByRef(1);
    expect(ticket).toMatchObject({ assigneeId: bob.id, priority: 'HIGH', skills: ['vpn'] });
    expect(ticket?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
    expect(channel.kindsFor(bob.id)).toEqual(['ticket.assignment']);
    expect((await store.getPerson(bob.id))?.openTickets).toBe(1);

    expect((await t.helpdesk.startTicket({ ticketId: ticket?.id ?? '', actorId: bob.id })).ok).toBe(true);
    expect((await t.helpdesk.resolveTicket({ ticketId: ticket?.id ?? '', actorId: bob.id, note: 'Reinstalled the client' })).ok).toBe(true);
    await t.engine.drain();
    expect(t.engine.failures).toEqual([]);
    expect(channel.kindsFor(alice.id)).toContain('ticket.resolved');
    expect((await store.getPerson(bob.id))?.openTickets).toBe(0);
    expect(await store.listJobs({ states: ['pending', 'running'] })).toEqual([]);
  });
});
