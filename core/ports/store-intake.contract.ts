/** Store contract, part five: watched channels and withdrawn tickets. */
import { describe, expect, it } from 'vitest';
import { VersionConflict } from '../domain/errors.js';
import type { WatchedChannel } from './intake.js';
import { at, filedJob, newTicket, refs, save, staff } from './store-fixtures.contract.js';
import type { Store } from './store.js';

function channel(channelId: string, over: Partial<WatchedChannel> = {}): WatchedChannel {
  return { platform: 'slack', channelId, name: `#${channelId.toLowerCase()}`, addedBy: 'admin-1', addedAt: at(), ...over };
}

export function intakeContract(store: () => Store): void {
  describe('watched channels', () => {
    it('watches once, lists per platform in order, and unwatches', async () => {
      expect(await store().watchChannel(channel('C1'))).toBe(true);
      expect(await store().watchChannel(channel('C2', { addedAt: at(1_000) }))).toBe(true);
      expect(await store().watchChannel(channel('C1', { name: '#renamed' }))).toBe(false);
      expect(await store().watchChannel(channel('C1', { platform: 'discord' }))).toBe(true);
      expect(await store().getWatchedChannel('slack', 'C1')).toEqual(channel('C1'));
      expect(await store().getWatchedChannel('slack', 'C9')).toBeNull();
      expect((await store().listWatchedChannels('slack')).map((c) => c.channelId)).toEqual(['C1', 'C2']);
      expect(await store().unwatchChannel('slack', 'C1')).toBe(true);
      expect(await store().unwatchChannel('slack', 'C1')).toBe(false);
      expect(await store().getWatchedChannel('slack', 'C1')).toBeNull();
      expect(await store().getWatchedChannel('discord', 'C1')).not.toBeNull();
    });
  });

  describe('withdrawing a ticket', () => {
    it('removes the ticket, its key, its load and its pending pipeline; the ref is not reused', async () => {
      const mod = await staff(store(), 'console:mod', 'moderator', ['vpn']);
      const first = (await store().createTicket(newTicket({ id: 'w-1' }), [filedJob('w-1')])).ticket;
      const created = (await store().createTicket(newTicket({ id: 'w-2', idempotencyKey: 'slack:msg:C1:1.2' }), [filedJob('w-2')])).ticket;
      const assigned = await save(store(), created, { assigneeId: mod.id }, { loadDeltas: [{ personId: mod.id, delta: 1 }] });
      expect((await store().getPerson(mod.id))?.openTickets).toBe(1);

      await store().withdrawTicket('w-2', { expectedVersion: assigned.version, loadDeltas: [{ personId: mod.id, delta: -1 }], cancelJobKeys: ['ticket/filed:w-2'], at: at(1_000) });
      expect(await store().getTicket('w-2')).toBeNull();
      expect(await store().getTicketByRef(created.ref)).toBeNull();
      expect(await store().findTicketByIdempotencyKey('slack:msg:C1:1.2')).toBeNull();
      expect(refs(await store().listTickets({}))).toEqual([first.ref]);
      expect(await store().countTickets({})).toBe(1);
      expect((await store().getPerson(mod.id))?.openTickets).toBe(0);
      expect((await store().getJobByKey('ticket/filed:w-2'))?.state).toBe('cancelled');
      expect((await store().getJobByKey('ticket/filed:w-1'))?.state).toBe('pending');

      const after = (await store().createTicket(newTicket({ id: 'w-3', idempotencyKey: 'slack:msg:C1:1.2' }), [])).ticket;
      expect(after.ref).toBe(created.ref + 1);
    });

    it('refuses a stale version and a ticket that is gone', async () => {
      const t = (await store().createTicket(newTicket({ id: 'w-4' }), [])).ticket;
      const saved = await save(store(), t, { title: 'changed' });
      await expect(store().withdrawTicket('w-4', { expectedVersion: t.version, loadDeltas: [], cancelJobKeys: [], at: at() })).rejects.toBeInstanceOf(VersionConflict);
      await store().withdrawTicket('w-4', { expectedVersion: saved.version, loadDeltas: [], cancelJobKeys: [], at: at() });
      await expect(store().withdrawTicket('w-4', { expectedVersion: saved.version, loadDeltas: [], cancelJobKeys: [], at: at() })).rejects.toBeInstanceOf(VersionConflict);
    });
  });
}
