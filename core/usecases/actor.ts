import { Errors, ok, type Result } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import type { HelpdeskDeps } from './deps.js';

/** Every action names its actor and the ticket by id; surfaces resolve refs first. */
export interface TicketAction {
  readonly ticketId: string;
  readonly actorId: string;
}

/** The person an action is taken by, or `PERSON.NOT_FOUND`. */
export async function loadActor(deps: Pick<HelpdeskDeps, 'store'>, actorId: string): Promise<Result<Person>> {
  const person = await deps.store.getPerson(actorId);
  return person ? ok(person) : Errors.personNotFound();
}
