import { isStaff, type Person } from '../domain/person.js';
import { formatRef, type Ticket } from '../domain/ticket.js';
import { autoAssign } from './assign-ticket.js';
import type { HelpdeskDeps } from './deps.js';
import { notifyAdmins } from '../workflows/notify.js';

/** Why someone's tickets need a new home: they are no longer staff, or they are away. */
export type HolderChange = 'demoted' | 'away';

/** What happened to the open tickets of a person whose role or availability changed. */
export interface HandOver {
  /** Tickets nobody had started, moved by the assignment policy (to someone, or to the queue). */
  readonly moved: readonly { readonly ref: number; readonly to: string | null }[];
  /** Started tickets that stay with the person; the admins are told about each. */
  readonly kept: readonly number[];
}

const BATCH = 100;
/** Safety bound on rounds of moving: each round moves a batch away, so a few rounds empty any real queue. */
const MAX_ROUNDS = 50;

/** The change that makes a person's open tickets need someone else, or null when nothing changed that matters. */
export function holderChange(before: Person, after: Person): HolderChange | null {
  if (isStaff(before) && !isStaff(after)) return 'demoted';
  if (before.availability === 'available' && after.availability === 'away') return 'away';
  return null;
}

/**
 * A person can no longer take work (demoted from staff, or marked away):
 * each open ticket they hold that nobody started is reassigned by the
 * assignment policy at once (to the best match, an admin as the fallback,
 * or the queue; the previous holder is told it moved). Started tickets stay
 * with them, since someone is in the middle of it, and the admins are told
 * with the choice to take or reassign each (claiming such a ticket is
 * allowed, see claimTicket).
 */
export async function handOverTickets(deps: HelpdeskDeps, person: Person, change: HolderChange, actorId: string): Promise<HandOver> {
  const moved: { ref: number; to: string | null }[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const todo = (await deps.store.listTickets({ assigneeId: person.id, statuses: ['TODO'], order: 'queue', limit: BATCH })).filter((t) => !tried.has(t.id));
    if (todo.length === 0) break;
    for (const ticket of todo) {
      tried.add(ticket.id);
      const result = await autoAssign(deps, ticket.id, { actorId, exclude: [person.id], initial: false });
      if (result.ok && result.value.assigneeId !== person.id) moved.push({ ref: ticket.ref, to: result.value.assigneeId });
    }
  }
  const started = await deps.store.listTickets({ assigneeId: person.id, statuses: ['IN_PROGRESS'], order: 'queue', limit: 500 });
  for (const ticket of started) await tellAdmins(deps, ticket, person, change);
  return { moved, kept: started.map((t) => t.ref) };
}

/**
 * Tells the admins now. There is no ticket change to carry an outbox event
 * (the ticket stays as it is), so this is a direct, best-effort notice: a
 * failure is logged and the change stands; the ticket is still listed under
 * its holder for anyone who looks.
 */
async function tellAdmins(deps: HelpdeskDeps, ticket: Ticket, person: Person, change: HolderChange): Promise<void> {
  try {
    await notifyAdmins(deps, { kind: 'ticket.needs-assignee', audience: 'admin', ticket, reason: holderUnavailableReason(person, change) });
  } catch (error) {
    deps.logger.warn({ err: error, ticketId: ticket.id }, 'the admins could not be told about a started ticket whose holder left');
  }
}

/** One sentence for the admin who made the change, naming where each ticket went. */
export function describeHandOver(h: HandOver, names: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (h.moved.length > 0) {
    const where = h.moved.map((m) => `${formatRef(m.ref)} → ${m.to ? (names.get(m.to) ?? 'someone') : 'the queue'}`);
    parts.push(`reassigned ${h.moved.length} unstarted ticket${h.moved.length === 1 ? '' : 's'} (${where.join(', ')})`);
  }
  if (h.kept.length > 0) {
    parts.push(`${h.kept.map(formatRef).join(', ')} ${h.kept.length === 1 ? 'was' : 'were'} already started and stay${h.kept.length === 1 ? 's' : ''} with them; the admins were told so someone can take or reassign ${h.kept.length === 1 ? 'it' : 'them'}`);
  }
  return parts.length ? ` ${capitalize(parts.join('; '))}.` : '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The admins' notice for a started ticket whose holder can no longer work on it. */
export function holderUnavailableReason(holder: Pick<Person, 'displayName'>, change: HolderChange): string {
  return `${holder.displayName} had started it and ${change === 'away' ? 'is away' : 'is no longer a moderator'}; take it or reassign it`;
}
