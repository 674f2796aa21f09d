import { ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { applyTriage, type Ticket } from '../domain/ticket.js';
import { sanitizeProposal } from '../policies/triage-safety.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket } from './mutate.js';

/**
 * Triages a ticket once: retrieves similar resolved tickets, asks the
 * triage engine (one call), sanitizes its proposal and saves it. Running it
 * again on a triaged ticket changes nothing, so a retried step is harmless.
 */
export async function triageTicket(deps: HelpdeskDeps, ticketId: string): Promise<Result<Ticket>> {
  const existing = await deps.store.getTicket(ticketId);
  if (existing?.triage) return ok(existing);
  if (!existing) return mutateTicket(deps, ticketId, () => ok(null));

  const similar = await deps.similar.search(
    { title: existing.title, description: existing.description },
    { limit: deps.settings.similarLimit, excludeIds: [existing.id] },
  );
  const proposal = await deps.triage.triage({
    ticket: { id: existing.id, ref: existing.ref, title: existing.title, description: existing.description },
    similar,
    staffSkills: await deps.store.listStaffSkills(),
    catalog: deps.catalog.ids(),
  });
  const safe = sanitizeProposal(proposal, deps.catalog);
  deps.logger.info(
    { ticketId, engine: proposal.engine, model: proposal.model, skills: safe.skills, priority: safe.priority, usage: proposal.usage },
    'ticket triaged',
  );
  return mutateTicket(deps, ticketId, (ticket) => {
    if (ticket.triage) return ok(null);
    const at = nowIso(deps);
    const next = applyTriage(
      ticket,
      {
        ...safe,
        similar,
        stamp: {
          engine: proposal.engine,
          ...(proposal.model ? { model: proposal.model } : {}),
          ...(safe.confidence !== null ? { confidence: safe.confidence } : {}),
        },
      },
      at,
    );
    return ok({ next, events: [outboxEvent('ticket/triaged', { ticketId, ref: ticket.ref, engine: proposal.engine }, ticketId, at)] });
  });
}
