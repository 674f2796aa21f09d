/**
 * Builders shared by the store contract suites. Times are fixed ISO strings
 * (never the wall clock), so the suites make no timing assumptions.
 */
import type { NewPerson, Role } from '../domain/person.js';
import type { NewTicket, Ticket } from '../domain/ticket.js';
import type { NewJob } from './jobs.js';
import type { Store, TicketUpdate } from './store.js';

export const T0 = Date.parse('2026-01-05T09:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** `T0 + ms` as an ISO string. */
export function at(ms = 0): string {
  return new Date(T0 + ms).toISOString();
}

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}

export function newTicket(over: Partial<NewTicket> = {}): NewTicket {
  const n = next();
  return {
    id: `ticket-${n}`,
    title: `Ticket ${n}`,
    description: 'Something is broken',
    requesterId: 'requester-1',
    origin: { platform: 'console' },
    priority: 'MEDIUM',
    createdAt: at(),
    ...over,
  };
}

/** The pipeline job filing enqueues with a ticket. */
export function filedJob(ticketId: string, runAt = at()): NewJob {
  return { name: 'ticket/filed', key: `ticket/filed:${ticketId}`, data: { ticketId }, runAt };
}

export function newJob(over: Partial<NewJob> = {}): NewJob {
  const n = next();
  return { name: 'test/job', key: `job-key-${n}`, data: { n }, runAt: at(), ...over };
}

export function newPerson(identity: string, over: Partial<NewPerson> = {}): NewPerson {
  return { id: `person-${next()}`, identity, displayName: identity.split(':').pop() ?? identity, email: null, role: 'user', createdAt: at(), ...over };
}

/** Saves `patch` on top of `ticket` against its current version. */
export async function save(store: Store, ticket: Ticket, patch: Partial<Ticket>, update: Omit<TicketUpdate, 'expectedVersion'> = {}): Promise<Ticket> {
  return store.updateTicket({ ...ticket, ...patch }, { expectedVersion: ticket.version, ...update });
}

/** Creates a person with a role and skills, as an admin would set them up. */
export async function staff(store: Store, identity: string, role: Role, skills: string[], availability: 'available' | 'away' = 'available') {
  const p = await store.ensurePerson(newPerson(identity, { role }));
  return store.updatePerson(p.id, { skills, availability, role }, p.version, at());
}

export function ids(items: readonly { id: string }[]): string[] {
  return items.map((i) => i.id).sort();
}

export function refs(items: readonly { ref: number }[]): number[] {
  return items.map((i) => i.ref);
}
