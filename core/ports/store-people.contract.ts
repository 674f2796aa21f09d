/** Store contract, part three: people, identities, skills and assignment candidates. */
import { describe, expect, it } from 'vitest';
import { VersionConflict } from '../domain/errors.js';
import { at, HOUR, ids, newPerson, newTicket, save, staff } from './store-fixtures.contract.js';
import type { Store } from './store.js';

export function peopleContract(store: () => Store): void {
  describe('people', () => {
    it('creates a person on first use of an identity and returns the same person after', async () => {
      const input = newPerson('console:alice', { displayName: 'Alice', email: 'Alice@Example.com' });
      const alice = await store().ensurePerson(input);
      expect(alice).toMatchObject({
        id: input.id, identities: ['console:alice'], displayName: 'Alice', role: 'user', skills: [],
        availability: 'available', prefersEmail: false, openTickets: 0, lastAssignedAt: null, version: 1,
      });
      const again = await store().ensurePerson(newPerson('console:alice', { displayName: 'Other' }));
      expect(again).toEqual(alice);
      expect(await store().getPerson(input.id)).toEqual(alice);
      expect(await store().findPersonByIdentity('console:alice')).toEqual(alice);
      expect(await store().findPersonByIdentity('console:bob')).toBeNull();
      expect(await store().getPerson('nobody')).toBeNull();
    });

    it('creates one person for 20 concurrent first uses of an identity', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store().ensurePerson(newPerson('slack:T1:U1'))));
      expect(new Set(results.map((p) => p.id)).size).toBe(1);
      expect(await store().listPeople({})).toHaveLength(1);
    });

    it('adds identities, refuses one held by someone else, and accepts a repeat', async () => {
      const alice = await store().ensurePerson(newPerson('console:alice'));
      const bob = await store().ensurePerson(newPerson('console:bob'));
      const linked = await store().addIdentity(alice.id, 'slack:T1:U1', at(HOUR));
      expect(linked.identities).toEqual(['console:alice', 'slack:T1:U1']);
      expect(linked.version).toBe(alice.version + 1);
      expect((await store().findPersonByIdentity('slack:T1:U1'))?.id).toBe(alice.id);
      await expect(store().addIdentity(bob.id, 'slack:T1:U1', at(HOUR))).rejects.toThrow();
      expect((await store().getPerson(bob.id))?.identities).toEqual(['console:bob']);
      expect((await store().addIdentity(alice.id, 'slack:T1:U1', at(HOUR))).identities).toEqual(['console:alice', 'slack:T1:U1']);
      expect((await store().ensurePerson(newPerson('slack:T1:U1'))).id).toBe(alice.id);
    });

    it('finds people by email, case-insensitively', async () => {
      const a = await store().ensurePerson(newPerson('console:a', { email: 'Pat.Doe@Example.COM' }));
      const b = await store().ensurePerson(newPerson('slack:T1:U9', { email: 'pat.doe@example.com' }));
      await store().ensurePerson(newPerson('console:c', { email: 'someone@example.com' }));
      await store().ensurePerson(newPerson('console:d'));
      expect(ids(await store().findPeopleByEmail('PAT.DOE@example.com'))).toEqual(ids([a, b]));
      expect(await store().findPeopleByEmail('pat%@example.com')).toEqual([]);
      expect(await store().findPeopleByEmail('nobody@example.com')).toEqual([]);
    });

    it('applies a patch with version + 1 and rejects a stale patch with VersionConflict', async () => {
      const p = await store().ensurePerson(newPerson('console:bob', { email: 'bob@example.com' }));
      const updated = await store().updatePerson(p.id, { role: 'moderator', skills: ['vpn', 'networking'], prefersEmail: true }, p.version, at(HOUR));
      expect(updated).toMatchObject({ role: 'moderator', skills: ['vpn', 'networking'], prefersEmail: true, version: 2, updatedAt: at(HOUR), email: 'bob@example.com' });
      expect(await store().getPerson(p.id)).toEqual(updated);
      await expect(store().updatePerson(p.id, { role: 'admin' }, p.version, at(HOUR))).rejects.toBeInstanceOf(VersionConflict);
      expect((await store().getPerson(p.id))?.role).toBe('moderator');
      const cleared = await store().updatePerson(p.id, { email: null, availability: 'away', displayName: 'Robert' }, updated.version, at(HOUR));
      expect(cleared).toMatchObject({ email: null, availability: 'away', displayName: 'Robert', skills: ['vpn', 'networking'] });
      expect(await store().findPeopleByEmail('bob@example.com')).toEqual([]);
    });

    it('lists people by role, skill and limit', async () => {
      const m1 = await staff(store(), 'console:m1', 'moderator', ['vpn']);
      const m2 = await staff(store(), 'console:m2', 'moderator', ['printers']);
      const a1 = await staff(store(), 'console:a1', 'admin', ['vpn']);
      const u1 = await store().ensurePerson(newPerson('console:u1'));
      expect(ids(await store().listPeople({}))).toEqual(ids([m1, m2, a1, u1]));
      expect(ids(await store().listPeople({ roles: ['moderator', 'admin'] }))).toEqual(ids([m1, m2, a1]));
      expect(ids(await store().listPeople({ roles: ['admin'] }))).toEqual(ids([a1]));
      expect(ids(await store().listPeople({ skill: 'vpn' }))).toEqual(ids([m1, a1]));
      expect(ids(await store().listPeople({ roles: ['moderator'], skill: 'vpn' }))).toEqual(ids([m1]));
      expect(await store().listPeople({ roles: [] })).toEqual([]);
      expect(await store().listPeople({ limit: 2 })).toHaveLength(2);
    });

    it('offers available staff with any required skill plus every available admin as candidates', async () => {
      const m1 = await staff(store(), 'console:m1', 'moderator', ['vpn', 'networking']);
      const m2 = await staff(store(), 'console:m2', 'moderator', ['printers']);
      await staff(store(), 'console:m3', 'moderator', ['vpn'], 'away');
      const a1 = await staff(store(), 'console:a1', 'admin', []);
      await staff(store(), 'console:a2', 'admin', ['vpn'], 'away');
      await staff(store(), 'console:u1', 'user', ['vpn', 'sql']);
      expect(ids(await store().listAssignmentCandidates(['vpn']))).toEqual(ids([m1, a1]));
      expect(ids(await store().listAssignmentCandidates(['printers', 'sql']))).toEqual(ids([m2, a1]));
      expect(ids(await store().listAssignmentCandidates(['networking', 'vpn']))).toEqual(ids([m1, a1]));
      expect(ids(await store().listAssignmentCandidates([]))).toEqual(ids([a1]));
      const [candidate] = (await store().listAssignmentCandidates(['printers'])).filter((p) => p.id === m2.id);
      expect(candidate).toEqual(await store().getPerson(m2.id));
    });

    it('follows skill, role and availability changes in the candidates', async () => {
      const m1 = await staff(store(), 'console:m1', 'moderator', ['vpn']);
      expect(ids(await store().listAssignmentCandidates(['vpn']))).toEqual([m1.id]);
      const moved = await store().updatePerson(m1.id, { skills: ['email'] }, m1.version, at());
      expect(await store().listAssignmentCandidates(['vpn'])).toEqual([]);
      expect(ids(await store().listAssignmentCandidates(['email']))).toEqual([m1.id]);
      const away = await store().updatePerson(m1.id, { availability: 'away' }, moved.version, at());
      expect(await store().listAssignmentCandidates(['email'])).toEqual([]);
      const back = await store().updatePerson(m1.id, { availability: 'available', role: 'user' }, away.version, at());
      expect(await store().listAssignmentCandidates(['email'])).toEqual([]);
      await store().updatePerson(m1.id, { role: 'admin' }, back.version, at());
      expect(ids(await store().listAssignmentCandidates(['sql']))).toEqual([m1.id]);
    });

    it('shows current load and last assignment in the candidates', async () => {
      const m1 = await staff(store(), 'console:m1', 'moderator', ['vpn']);
      expect((await store().listAssignmentCandidates(['vpn']))[0]).toMatchObject({ openTickets: 0, lastAssignedAt: null });
      const { ticket } = await store().createTicket(newTicket(), []);
      await save(store(), ticket, { assigneeId: m1.id }, { loadDeltas: [{ personId: m1.id, delta: 1 }], assignedAt: { personId: m1.id, at: at(HOUR) } });
      expect((await store().listAssignmentCandidates(['vpn']))[0]).toMatchObject({ id: m1.id, openTickets: 1, lastAssignedAt: at(HOUR) });
      // A list already read is a snapshot: later changes do not rewrite it.
      const [before] = await store().listAssignmentCandidates(['vpn']);
      const { ticket: second } = await store().createTicket(newTicket(), []);
      await save(store(), second, { assigneeId: m1.id }, { loadDeltas: [{ personId: m1.id, delta: 1 }] });
      expect(before?.openTickets).toBe(1);
      expect((await store().listAssignmentCandidates(['vpn']))[0]?.openTickets).toBe(2);
    });

    it('lists the distinct skills of moderators and admins, sorted', async () => {
      expect(await store().listStaffSkills()).toEqual([]);
      await staff(store(), 'console:m1', 'moderator', ['vpn', 'networking']);
      await staff(store(), 'console:m2', 'moderator', ['printers', 'vpn'], 'away');
      await staff(store(), 'console:a1', 'admin', ['c#']);
      await staff(store(), 'console:u1', 'user', ['sql']);
      expect(await store().listStaffSkills()).toEqual(['c#', 'networking', 'printers', 'vpn']);
    });
  });
}
