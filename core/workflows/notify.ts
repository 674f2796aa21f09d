import { DomainRejection, domainError } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import type { Ticket } from '../domain/ticket.js';
import { personRef, type Notification, type PersonRef } from '../notifications/notification.js';
import type { NotifyResult } from '../notifications/notifier.js';
import type { HelpdeskDeps } from '../usecases/deps.js';

/** Loads a ticket inside a step; a missing ticket is not worth retrying. */
export async function loadTicket(deps: HelpdeskDeps, ticketId: string): Promise<Ticket> {
  const ticket = await deps.store.getTicket(ticketId);
  if (!ticket) throw new DomainRejection(domainError('TICKET.NOT_FOUND', `Ticket ${ticketId} does not exist.`));
  return ticket;
}

export async function loadPerson(deps: HelpdeskDeps, personId: string): Promise<Person> {
  const person = await deps.store.getPerson(personId);
  if (!person) throw new DomainRejection(domainError('PERSON.NOT_FOUND', `Person ${personId} does not exist.`));
  return person;
}

export async function refOf(deps: HelpdeskDeps, personId: string): Promise<PersonRef> {
  return personRef(await loadPerson(deps, personId));
}

/** Sends one notification to one person; JSON-safe result for step memoization. */
export async function notifyPerson(deps: HelpdeskDeps, personId: string, notification: Notification): Promise<NotifyResult> {
  const person = await loadPerson(deps, personId);
  return deps.notifier.notify(person, notification);
}

/** Tells every available admin (or every admin, if none is available). */
export async function notifyAdmins(deps: HelpdeskDeps, notification: Notification): Promise<number> {
  const admins = await deps.store.listPeople({ roles: ['admin'], limit: 50 });
  const available = admins.filter((a) => a.availability === 'available');
  let delivered = 0;
  for (const admin of available.length ? available : admins) {
    const r = await deps.notifier.notify(admin, notification);
    if (r.delivered) delivered++;
  }
  if (admins.length === 0) deps.logger.warn({ ticketRef: notification.ticket.ref }, 'no admin is configured to be told (set HELPDESK_ADMINS)');
  else if (delivered === 0) deps.logger.warn({ ticketRef: notification.ticket.ref, admins: admins.length }, 'no admin could be reached; the ticket waits in the queue');
  return delivered;
}
