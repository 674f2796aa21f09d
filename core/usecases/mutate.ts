import { auditFromHistory, auditNameIds } from '../domain/audit.js';
import { Errors, VersionConflict, ok, type Result } from '../domain/errors.js';
import { loadDeltas, type Ticket } from '../domain/ticket.js';
import type { NewJob } from '../ports/jobs.js';
import { ticketMetrics } from '../policies/metrics.js';
import type { HelpdeskDeps } from './deps.js';

export interface Change {
  readonly next: Ticket;
  /** Outbox events saved with the change. */
  readonly events?: readonly NewJob[];
  readonly cancelJobKeys?: readonly string[];
  /** Set when the change assigned the ticket to someone. */
  readonly assignedTo?: string;
}

/** A decision made on a freshly read ticket: a change to save, `null` for nothing to do, or a domain error. */
export type Decide = (ticket: Ticket) => Promise<Result<Change | null>> | Result<Change | null>;

const ATTEMPTS = 5;

/**
 * Read-decide-save with optimistic concurrency: the decision is made on the
 * current ticket and saved only if nobody changed it meanwhile; otherwise it
 * is made again on the new state. Load counts, events and the audit
 * entries of staff actions the change records (see auditFromHistory) are
 * saved in the same transaction as the ticket. `read` is the ticket as the
 * caller just read it, to decide on first without reading it again: if it
 * changed since, the save is refused as stale and the decision is made again
 * on a fresh read, as after any concurrent change.
 */
export async function mutateTicket(deps: HelpdeskDeps, ticketId: string, decide: Decide, read?: Ticket): Promise<Result<Ticket>> {
  for (let attempt = 1; ; attempt++) {
    const current = attempt === 1 && read?.id === ticketId ? read : await deps.store.getTicket(ticketId);
    if (!current) return Errors.ticketNotFound(ticketId);
    const decision = await decide(current);
    if (!decision.ok) return decision;
    if (decision.value === null) return ok(current);
    const { next, events = [], cancelJobKeys = [], assignedTo } = decision.value;
    const audit = await auditOfChange(deps, current, next);
    try {
      const saved = await deps.store.updateTicket(next, {
        expectedVersion: current.version,
        loadDeltas: loadDeltas(current, next),
        ...(assignedTo !== undefined ? { assignedAt: { personId: assignedTo, at: next.updatedAt } } : {}),
        jobs: events,
        cancelJobKeys,
        ...(audit.length > 0 ? { audit } : {}),
      });
      if (events.length > 0) deps.signal.workAvailable();
      await recordStats(deps, saved);
      return ok(saved);
    } catch (error) {
      if (error instanceof VersionConflict && attempt < ATTEMPTS) continue;
      if (error instanceof VersionConflict) return Errors.conflict(current.ref);
      throw error;
    }
  }
}

async function auditOfChange(deps: HelpdeskDeps, before: Ticket, after: Ticket) {
  const names = new Map<string, string>();
  for (const id of auditNameIds(before, after)) names.set(id, (await deps.store.getPerson(id))?.displayName ?? 'someone');
  return auditFromHistory(before, after, (id) => (id ? (names.get(id) ?? 'someone') : 'nobody'));
}

/** Keeps the ticket's stats row current; stats are derived data, so a failure is logged and the change stands. */
async function recordStats(deps: HelpdeskDeps, ticket: Ticket): Promise<void> {
  if (!deps.stats) return;
  try {
    await deps.stats.recordMetrics(ticketMetrics(ticket, deps.settings.sla));
  } catch (error) {
    deps.logger.warn({ err: error, ticketId: ticket.id }, 'ticket stats could not be updated');
  }
}

/** Finds a ticket by its human ref. */
export async function ticketByRef(deps: HelpdeskDeps, ref: number): Promise<Result<Ticket>> {
  const ticket = await deps.store.getTicketByRef(ref);
  return ticket ? ok(ticket) : Errors.ticketNotFound(ref);
}
