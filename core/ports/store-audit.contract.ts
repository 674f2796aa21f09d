/**
 * Store contract, audit record and saved replies: entries are written with
 * the change they describe (a change that loses its version check writes
 * none), once per id, and read newest first, all or one person's, a page
 * at a time.
 */
import { describe, expect, it } from 'vitest';
import { VersionConflict } from '../domain/errors.js';
import type { AuditEntry } from '../domain/audit.js';
import type { SavedReply } from '../domain/saved-reply.js';
import { at, MINUTE, newPerson, newTicket, save } from './store-fixtures.contract.js';
import type { Store } from './store.js';

function entry(id: string, minute: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return { id, at: at(minute * MINUTE), actorId: 'admin-1', action: 'note', ticketId: null, ref: null, subjectId: null, detail: `entry ${id}`, ...over };
}

function reply(name: string, text: string, minute = 0): SavedReply {
  return { name, text, createdBy: 'admin-1', createdAt: at(0), updatedAt: at(minute * MINUTE) };
}

export function auditContract(store: () => Store): void {
  describe('audit record', () => {
    it('writes entries with a ticket save, once per id, and none with a save that lost its version check', async () => {
      const { ticket } = await store().createTicket(newTicket(), []);
      const e1 = entry('t1', 1, { ticketId: ticket.id, ref: ticket.ref, action: 'claim', subjectId: 'mod-1' });
      const saved = await save(store(), ticket, { title: 'claimed' }, { audit: [e1] });
      await expect(save(store(), ticket, { title: 'stale' }, { audit: [entry('t2', 2)] })).rejects.toBeInstanceOf(VersionConflict);
      await save(store(), saved, { title: 'again' }, { audit: [e1, entry('t3', 3)] });
      expect(await store().listAudit({})).toEqual([entry('t3', 3), e1]);
      expect(await store().countAudit({})).toBe(2);
    });

    it('writes entries with a person change, and none when the change lost its version check', async () => {
      const p = await store().ensurePerson(newPerson('console:maya'));
      const e = entry('p1', 1, { action: 'role', subjectId: p.id, detail: 'maya: role user → moderator' });
      await store().updatePerson(p.id, { role: 'moderator' }, p.version, at(MINUTE), [e]);
      await expect(store().updatePerson(p.id, { role: 'admin' }, p.version, at(2 * MINUTE), [entry('p2', 2)])).rejects.toBeInstanceOf(VersionConflict);
      expect(await store().listAudit({})).toEqual([e]);
    });

    it('reads newest first (time, then id), one person\'s as actor or subject, a page at a time', async () => {
      const { ticket } = await store().createTicket(newTicket(), []);
      const rows = [
        entry('a', 1, { actorId: 'maya' }),
        entry('b', 2, { actorId: 'root', subjectId: 'maya' }),
        entry('c', 2, { actorId: 'root', subjectId: 'bob' }),
        entry('d', 3, { actorId: 'bob' }),
        entry('e', 4, { actorId: 'maya', subjectId: 'bob' }),
      ];
      await save(store(), ticket, { title: 'x' }, { audit: rows });
      const idsOf = (es: AuditEntry[]) => es.map((e) => e.id);
      expect(idsOf(await store().listAudit({}))).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(idsOf(await store().listAudit({ limit: 2, offset: 1 }))).toEqual(['d', 'c']);
      expect(idsOf(await store().listAudit({ involving: 'maya' }))).toEqual(['e', 'b', 'a']);
      expect(idsOf(await store().listAudit({ involving: 'bob', limit: 2 }))).toEqual(['e', 'd']);
      expect(idsOf(await store().listAudit({ involving: 'bob', offset: 2 }))).toEqual(['c']);
      expect(await store().countAudit({ involving: 'bob' })).toBe(3);
      expect(await store().countAudit({ involving: 'nobody' })).toBe(0);
      expect(await store().listAudit({ offset: 9 })).toEqual([]);
    });
  });

  describe('saved replies', () => {
    it('puts, replaces, lists by name and deletes, each with its audit entries', async () => {
      await store().putSavedReply(reply('vpn-reset', 'Restart the VPN client, {requester}.'), [entry('r1', 1, { action: 'reply-added' })]);
      await store().putSavedReply(reply('a-first', 'First'), []);
      await store().putSavedReply(reply('vpn-reset', 'Reinstall it.', 5), [entry('r2', 5, { action: 'reply-added' })]);
      expect(await store().getSavedReply('vpn-reset')).toEqual(reply('vpn-reset', 'Reinstall it.', 5));
      expect((await store().listSavedReplies()).map((r) => r.name)).toEqual(['a-first', 'vpn-reset']);
      expect(await store().deleteSavedReply('nope', [entry('r3', 6)])).toBe(false);
      expect(await store().deleteSavedReply('a-first', [entry('r4', 7, { action: 'reply-removed' })])).toBe(true);
      expect(await store().getSavedReply('a-first')).toBeNull();
      expect((await store().listAudit({})).map((e) => e.id)).toEqual(['r4', 'r2', 'r1']);
    });
  });
}
