/**
 * The Store contract: one suite, run against every implementation (memory,
 * SQLite, MongoDB). Each test gets a fresh, empty store from `open`. The
 * suite uses fixed timestamps and never sleeps; "concurrent" calls are
 * issued together with Promise.all, which is as concurrent as one process
 * gets and exactly what a racing surface does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VersionConflict } from '../domain/errors.js';
import type { Ticket } from '../domain/ticket.js';
import { peopleContract } from './store-people.contract.js';
import { intakeContract } from './store-intake.contract.js';
import { jobContract } from './store-jobs.contract.js';
import { queryContract } from './store-query.contract.js';
import { updatedOrderContract } from './store-updated-order.contract.js';
import { auditContract } from './store-audit.contract.js';
import { at, filedJob, HOUR, newJob, newPerson, newTicket, refs, save } from './store-fixtures.contract.js';
import type { Store } from './store.js';

export interface OpenedStore {
  readonly store: Store;
  /** Extra clean-up after `store.close()` (temporary files, servers). */
  readonly close?: () => Promise<void>;
}

/** Registers the whole contract for one implementation. */
export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore | null = null;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      const o = opened;
      opened = null;
      if (!o) return;
      await o.store.close();
      await o.close?.();
    });
    const store = (): Store => {
      if (!opened) throw new Error('store not open');
      return opened.store;
    };

    it('has a description for the start-up log', () => {
      expect(store().description.length).toBeGreaterThan(0);
    });
    ticketContract(store);
    queryContract(store);
    updatedOrderContract(store);
    peopleContract(store);
    jobContract(store);
    smallStoresContract(store);
    intakeContract(store);
    auditContract(store);
  });
}

function ticketContract(store: () => Store): void {
  describe('tickets', () => {
    it('creates a ticket with ref 1, version 1 and a filed entry, readable by id and ref', async () => {
      const input = newTicket({ title: 'VPN down', origin: { platform: 'slack', channelId: 'C1' } });
      const { ticket, created } = await store().createTicket(input, [filedJob(input.id)]);
      expect(created).toBe(true);
      expect(ticket).toMatchObject({ id: input.id, ref: 1, title: 'VPN down', status: 'TODO', version: 1, assigneeId: null });
      expect(ticket.origin).toEqual({ platform: 'slack', channelId: 'C1' });
      expect(ticket.history).toEqual([{ type: 'filed', at: input.createdAt, actorId: input.requesterId }]);
      expect(await store().getTicket(input.id)).toEqual(ticket);
      expect(await store().getTicketByRef(1)).toEqual(ticket);
      expect(await store().getTicket('nope')).toBeNull();
      expect(await store().getTicketByRef(2)).toBeNull();
    });

    it('stores the ticket and its jobs together', async () => {
      const input = newTicket();
      await store().createTicket(input, [filedJob(input.id), newJob({ key: 'sla:' + input.id, runAt: at(HOUR) })]);
      const job = await store().getJobByKey(`ticket/filed:${input.id}`);
      expect(job).toMatchObject({ name: 'ticket/filed', state: 'pending', attempts: 0, data: { ticketId: input.id }, runAt: at() });
      expect(await store().getJobByKey('sla:' + input.id)).toMatchObject({ runAt: at(HOUR) });
    });

    it('hands out copies: changing a returned or passed-in value never changes what is stored', async () => {
      const input = newTicket();
      const job = filedJob(input.id);
      const { ticket } = await store().createTicket(input, [job]);
      (ticket as { title: string }).title = 'changed';
      (ticket.history as unknown[]).push({ type: 'started' });
      (job.data as Record<string, unknown>).ticketId = 'changed';
      const again = await store().getTicket(input.id);
      expect(again?.title).toBe(input.title);
      expect(again?.history).toHaveLength(1);
      expect((await store().getJobByKey(job.key))?.data).toEqual({ ticketId: input.id });
    });

    it('allocates unique, contiguous refs under 50 concurrent creations', async () => {
      const inputs = Array.from({ length: 50 }, () => newTicket());
      const results = await Promise.all(inputs.map((t) => store().createTicket(t, [filedJob(t.id)])));
      expect(refs(results.map((r) => r.ticket)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      for (const t of inputs) expect(await store().getJobByKey(`ticket/filed:${t.id}`)).not.toBeNull();
      expect(await store().countTickets({})).toBe(50);
    });

    it('returns the first ticket for a repeated idempotency key, storing nothing new', async () => {
      const first = newTicket({ idempotencyKey: 'slack:delivery-1' });
      const retry = newTicket({ idempotencyKey: 'slack:delivery-1', title: 'retried' });
      const a = await store().createTicket(first, [filedJob(first.id)]);
      const b = await store().createTicket(retry, [filedJob(retry.id)]);
      expect(a.created).toBe(true);
      expect(b.created).toBe(false);
      expect(b.ticket).toEqual(a.ticket);
      expect(await store().getTicket(retry.id)).toBeNull();
      expect(await store().getJobByKey(`ticket/filed:${retry.id}`)).toBeNull();
      const other = await store().createTicket(newTicket({ idempotencyKey: 'slack:delivery-2' }), []);
      expect(other.ticket.ref).toBe(2);
      expect(await store().findTicketByIdempotencyKey('slack:delivery-1')).toEqual(a.ticket);
      expect(await store().findTicketByIdempotencyKey('slack:delivery-3')).toBeNull();
    });

    it('returns one ticket for concurrent creations with the same idempotency key', async () => {
      const inputs = Array.from({ length: 10 }, () => newTicket({ idempotencyKey: 'same' }));
      const results = await Promise.all(inputs.map((t) => store().createTicket(t, [filedJob(t.id)])));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
      expect(await store().countTickets({})).toBe(1);
      expect(await store().listJobs({})).toHaveLength(1);
    });

    it('stores nothing and leaves no ref gap when a creation fails', async () => {
      const first = newTicket();
      await store().createTicket(first, []);
      const clash = newTicket({ id: first.id });
      await expect(store().createTicket(clash, [newJob({ key: 'clash-job' })])).rejects.toThrow();
      expect(await store().getJobByKey('clash-job')).toBeNull();
      const next = await store().createTicket(newTicket(), []);
      expect(next.ticket.ref).toBe(2);
    });

    it('saves an update with version + 1 and rejects a stale one with VersionConflict', async () => {
      const { ticket } = await store().createTicket(newTicket(), []);
      const saved = await save(store(), ticket, { status: 'IN_PROGRESS', startedAt: at(HOUR), updatedAt: at(HOUR) });
      expect(saved).toMatchObject({ status: 'IN_PROGRESS', version: 2, startedAt: at(HOUR) });
      expect(await store().getTicket(ticket.id)).toEqual(saved);
      await expect(save(store(), ticket, { title: 'stale' })).rejects.toBeInstanceOf(VersionConflict);
      expect((await store().getTicket(ticket.id))?.title).toBe(ticket.title);
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const { ticket } = await store().createTicket(newTicket(), []);
      const results = await Promise.allSettled([save(store(), ticket, { summary: 'a' }), save(store(), ticket, { summary: 'b' })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason instanceof VersionConflict).toBe(true);
      expect((await store().getTicket(ticket.id))?.version).toBe(2);
    });

    it('applies load deltas, the assignment time, jobs and cancellations with the save', async () => {
      const mod = await store().ensurePerson(newPerson('console:mod', { role: 'moderator' }));
      const old = await store().ensurePerson(newPerson('console:old', { role: 'moderator' }));
      const { ticket } = await store().createTicket(newTicket(), [newJob({ key: 'reminder' })]);
      await save(store(), ticket, { assigneeId: mod.id, updatedAt: at(HOUR) }, {
        loadDeltas: [{ personId: mod.id, delta: 1 }, { personId: old.id, delta: -1 }],
        assignedAt: { personId: mod.id, at: at(HOUR) },
        jobs: [newJob({ key: 'assigned-event', data: { ticketId: ticket.id } })],
        cancelJobKeys: ['reminder'],
      });
      expect(await store().getPerson(mod.id)).toMatchObject({ openTickets: 1, lastAssignedAt: at(HOUR) });
      expect((await store().getPerson(old.id))?.openTickets).toBe(-1);
      expect((await store().getJobByKey('assigned-event'))?.state).toBe('pending');
      expect((await store().getJobByKey('reminder'))?.state).toBe('cancelled');
      // Load bookkeeping is not an edit: an admin's edit made from the earlier read still succeeds.
      await expect(store().updatePerson(mod.id, { skills: ['vpn'] }, mod.version, at(HOUR))).resolves.toMatchObject({ openTickets: 1, skills: ['vpn'] });
    });

    it('applies nothing from a conflicting update', async () => {
      const mod = await store().ensurePerson(newPerson('console:mod', { role: 'moderator' }));
      const { ticket } = await store().createTicket(newTicket(), [newJob({ key: 'reminder' })]);
      await save(store(), ticket, { summary: 'first' });
      const stale = save(store(), ticket, { assigneeId: mod.id }, {
        loadDeltas: [{ personId: mod.id, delta: 1 }],
        assignedAt: { personId: mod.id, at: at(HOUR) },
        jobs: [newJob({ key: 'lost-event' })],
        cancelJobKeys: ['reminder'],
      });
      await expect(stale).rejects.toBeInstanceOf(VersionConflict);
      expect(await store().getPerson(mod.id)).toMatchObject({ openTickets: 0, lastAssignedAt: null });
      expect(await store().getJobByKey('lost-event')).toBeNull();
      expect((await store().getJobByKey('reminder'))?.state).toBe('pending');
    });

    it('lists resolved tickets in ref order after a ref, page by page', async () => {
      const tickets: Ticket[] = [];
      for (let i = 0; i < 6; i++) tickets.push((await store().createTicket(newTicket(), [])).ticket);
      for (const t of tickets.filter((x) => [2, 3, 5, 6].includes(x.ref))) {
        await save(store(), t, { status: 'DONE', resolution: `fixed ${t.ref}`, resolvedAt: at(HOUR) });
      }
      expect(refs(await store().listResolvedTickets(0, 2))).toEqual([2, 3]);
      expect(refs(await store().listResolvedTickets(3, 2))).toEqual([5, 6]);
      expect(refs(await store().listResolvedTickets(6, 2))).toEqual([]);
      expect((await store().listResolvedTickets(4, 1))[0]?.resolution).toBe('fixed 5');
    });

    it('lists resolved and reopened tickets in change order after a cursor, page by page', async () => {
      const tickets: Ticket[] = [];
      for (let i = 0; i < 5; i++) tickets.push((await store().createTicket(newTicket(), [])).ticket);
      const [t1, t2, t3, , t5] = tickets as [Ticket, Ticket, Ticket, Ticket, Ticket];
      const r3 = await save(store(), t3, { status: 'DONE', resolution: 'fixed 3', resolvedAt: at(HOUR), updatedAt: at(HOUR) });
      await save(store(), t1, { status: 'DONE', resolution: 'fixed 1', resolvedAt: at(2 * HOUR), updatedAt: at(2 * HOUR) });
      await save(store(), t5, { status: 'DONE', resolution: 'fixed 5', resolvedAt: at(2 * HOUR), updatedAt: at(2 * HOUR) });
      // Still open, never resolved: not a change the similar index cares about.
      await save(store(), t2, { status: 'IN_PROGRESS', updatedAt: at(3 * HOUR) });
      // Reopened: listed (with its current state), so every index drops it.
      await save(store(), r3, { status: 'TODO', resolvedAt: null, updatedAt: at(4 * HOUR) });
      const sameTime = [t1, t5].map((t) => t.id).sort();
      const first = await store().listResolvedChanges(null, 2);
      expect(first.map((t) => t.id)).toEqual(sameTime);
      const last = first[1] as Ticket;
      const rest = await store().listResolvedChanges({ updatedAt: last.updatedAt, id: last.id }, 10);
      expect(rest.map((t) => [t.id, t.status])).toEqual([[t3.id, 'TODO']]);
      expect(await store().listResolvedChanges({ updatedAt: at(4 * HOUR), id: t3.id }, 10)).toEqual([]);
      expect((await store().listResolvedChanges({ updatedAt: at(HOUR), id: '' }, 1))[0]?.id).toBe(sameTime[0]);
      expect(await store().listResolvedChanges(null, 0)).toEqual([]);
    });
  });
}

function smallStoresContract(store: () => Store): void {
  describe('dedupe', () => {
    it('claims a key once within its ttl, and again after it expired', async () => {
      expect(await store().claimOnce('slack:evt-1', 10 * 60_000, at())).toBe(true);
      expect(await store().claimOnce('slack:evt-1', 10 * 60_000, at(60_000))).toBe(false);
      expect(await store().claimOnce('slack:evt-2', 10 * 60_000, at(60_000))).toBe(true);
      expect(await store().claimOnce('slack:evt-1', 10 * 60_000, at(10 * 60_000 + 1))).toBe(true);
      expect(await store().claimOnce('slack:evt-1', 10 * 60_000, at(11 * 60_000))).toBe(false);
    });

    it('lets one of 10 concurrent claims of a key win', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => store().claimOnce('click:1', 60_000, at())));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('key-value', () => {
    it('gets null for unknown keys, stores, overwrites and keeps namespaces apart', async () => {
      expect(await store().getValue('slack-thread', '12')).toBeNull();
      await store().setValue('slack-thread', '12', 'C1/1700000000.1');
      await store().setValue('email-id', '12', '<a@b>');
      expect(await store().getValue('slack-thread', '12')).toBe('C1/1700000000.1');
      await store().setValue('slack-thread', '12', 'C1/1700000000.2');
      expect(await store().getValue('slack-thread', '12')).toBe('C1/1700000000.2');
      expect(await store().getValue('email-id', '12')).toBe('<a@b>');
      await store().setValue('odd', "it's \"quoted\" % _ \\", '');
      expect(await store().getValue('odd', "it's \"quoted\" % _ \\")).toBe('');
    });
  });
}
