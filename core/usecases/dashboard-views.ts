import { Errors, ok, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import { isOpen } from '../domain/ticket.js';
import { canSeeInternalNotes, canView } from '../policies/authorization.js';
import type { HelpdeskDeps } from './deps.js';
import { viewOf, type TicketView } from './list-tickets.js';

/** What the dashboard's ticket page shows: the ticket as the viewer may see it, the names in it and what they may do. */
export interface TicketTranscript {
  readonly ticket: TicketView;
  /** Display names of everyone the ticket and its history mention. */
  readonly names: Readonly<Record<string, string>>;
  readonly internalNotes: boolean;
  /** Staff actions offered on the page; each use case checks again when it runs. */
  readonly actions: {
    readonly claim: boolean;
    readonly start: boolean;
    readonly resolve: boolean;
    readonly reassign: boolean;
    readonly note: boolean;
    readonly triage: boolean;
  };
  /** Whom a reassignment may go to (staff), when reassigning is offered. */
  readonly staff: readonly { readonly id: string; readonly name: string }[];
}

/**
 * A ticket's full transcript for the web dashboard, by ref. A ticket the
 * viewer may not see answers exactly like one that does not exist, so a
 * guessed URL tells nothing.
 */
export async function ticketTranscript(deps: HelpdeskDeps, viewer: Person, ref: number): Promise<Result<TicketTranscript>> {
  const ticket = await deps.store.getTicketByRef(ref);
  if (!ticket || !canView(viewer, ticket)) return Errors.ticketNotFound(ref);
  const view = viewOf(viewer, ticket);
  const ids = new Set<string>([ticket.requesterId, ...(ticket.assigneeId ? [ticket.assigneeId] : [])]);
  for (const h of view.history) {
    if ('actorId' in h && h.actorId) ids.add(h.actorId);
    if (h.type === 'assigned' || h.type === 'reminded') ids.add(h.assigneeId);
    if (h.type === 'reassigned') for (const id of [h.fromId, h.toId]) if (id) ids.add(id);
  }
  const staff = isStaff(viewer);
  const holder = ticket.assigneeId === viewer.id || isAdmin(viewer);
  const open = isOpen(ticket);
  const actions = {
    claim: staff && open && ticket.assigneeId !== viewer.id && (ticket.assigneeId === null || ticket.status === 'TODO'),
    start: staff && holder && ticket.status === 'TODO' && ticket.assigneeId !== null,
    resolve: staff && holder && open && ticket.assigneeId !== null,
    reassign: staff && holder && open,
    note: staff && holder,
    triage: staff && holder && open,
  };
  const staffPeople = actions.reassign ? await deps.store.listPeople({ roles: ['moderator', 'admin'], limit: 200 }) : [];
  const names: Record<string, string> = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const p = await deps.store.getPerson(id);
      if (p) names[id] = p.displayName;
    }),
  );
  return ok({
    ticket: view,
    names,
    internalNotes: canSeeInternalNotes(viewer, ticket),
    actions,
    staff: staffPeople.map((p) => ({ id: p.id, name: p.displayName })),
  });
}

/** Display names for the people a page lists (requesters and assignees of a queue page, audit actors). */
export async function displayNames(deps: HelpdeskDeps, ids: Iterable<string | null>): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  await Promise.all(
    [...new Set([...ids].filter((id): id is string => !!id))].map(async (id) => {
      const p = await deps.store.getPerson(id);
      if (p) names[id] = p.displayName;
    }),
  );
  return names;
}

/** Tickets filed per day over the last `days` days (oldest first): all for admins, their own for moderators. */
export async function ticketsPerDay(deps: HelpdeskDeps, viewer: Person, days: number): Promise<Result<readonly { readonly day: string; readonly count: number }[]>> {
  if (!isStaff(viewer)) return Errors.adminOnly();
  const DAY = 86_400_000;
  const end = Math.floor(deps.clock.now().getTime() / DAY) * DAY + DAY;
  const n = Math.min(Math.max(Math.floor(days), 1), 366);
  const scope = isAdmin(viewer) ? {} : { assigneeId: viewer.id };
  const counts = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const from = end - (n - i) * DAY;
      const count = await deps.store.countTickets({
        // No status filter (every status counts), so the store counts from its creation-time index.
        ...scope,
        createdAfter: new Date(from).toISOString(),
        createdBefore: new Date(from + DAY - 1).toISOString(),
      });
      return { day: new Date(from).toISOString().slice(0, 10), count };
    }),
  );
  return ok(counts);
}
