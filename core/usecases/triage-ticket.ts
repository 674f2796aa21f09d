import { ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { applyTriage, type Ticket } from '../domain/ticket.js';
import { sanitizeProposal } from '../policies/triage-safety.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { mutateTicket } from './mutate.js';
import { refreshSkills } from './stored-skills.js';
import type { SimilarTicket } from '../domain/ticket.js';
import type { TriagePrecedent, TriageSkill } from '../ports/triage.js';
import { SKILL_CATALOG } from '../domain/skill-catalog.js';

/** Similar tickets looked at beyond the ones shown, so corrected open tickets can vote. */
const PRECEDENT_EXTRA = 3;

/** How the similar tickets were triaged, and whether staff corrected them. */
async function precedentsOf(deps: HelpdeskDeps, hits: readonly SimilarTicket[]): Promise<TriagePrecedent[]> {
  const out: TriagePrecedent[] = [];
  for (const h of hits) {
    const t = await deps.store.getTicket(h.ticketId);
    if (!t?.triage) continue;
    out.push({ ref: t.ref, title: t.title, skills: t.skills, category: t.category, priority: t.priority, score: h.score, corrected: t.history.some((e) => e.type === 'triage-corrected') });
  }
  return out;
}

/** Shipped words per skill id: engines know these already, so only the words staff taught travel with a request. */
const SHIPPED_WORDS = new Map(SKILL_CATALOG.map((d) => [d.id, new Set(d.words ?? [])]));

/** The last skill list built per catalog, with what it was built from: staff skills rarely change between tickets. */
const builtSkills = new WeakMap<object, { readonly revision: number; readonly staff: string; readonly skills: readonly TriageSkill[] }>();

/**
 * The skills this helpdesk routes by, for every engine: the helpdesk-first
 * catalog with the skills admins created, and whatever staff hold; each with
 * its description and the words admins taught it. Built again only when the
 * catalog or the staff skills changed.
 */
function helpdeskSkills(deps: HelpdeskDeps, staffSkills: readonly string[]): readonly TriageSkill[] {
  const staff = staffSkills.join('\n');
  const memo = builtSkills.get(deps.catalog);
  if (memo?.revision === deps.catalog.revision && memo.staff === staff) return memo.skills;
  const ids = new Set(deps.catalog.definitions().filter((d) => d.kind === 'helpdesk').map((d) => d.id));
  for (const id of staffSkills) ids.add(id);
  const skills = Object.freeze(
    [...ids].flatMap((id) => {
      const d = deps.catalog.get(id);
      const shipped = SHIPPED_WORDS.get(id);
      const taught = (d?.words ?? []).filter((w) => !shipped?.has(w));
      return d ? [Object.freeze({ id, ...(d.description ? { description: d.description } : {}), ...(taught.length ? { words: Object.freeze(taught) } : {}) })] : [];
    }),
  );
  builtSkills.set(deps.catalog, { revision: deps.catalog.revision, staff, skills });
  return skills;
}

/**
 * Triages a ticket once: retrieves similar resolved tickets, asks the
 * triage engine (one call), sanitizes its proposal and saves it. Running it
 * again on a triaged ticket changes nothing, so a retried step is harmless.
 */
export async function triageTicket(deps: HelpdeskDeps, ticketId: string): Promise<Result<Ticket>> {
  const existing = await deps.store.getTicket(ticketId);
  if (existing?.triage) return ok(existing);
  if (!existing) return mutateTicket(deps, ticketId, () => ok(null));

  await refreshSkills(deps);
  const hits = await deps.similar.search(
    { title: existing.title, description: existing.description },
    { limit: deps.settings.similarLimit + PRECEDENT_EXTRA, excludeIds: [existing.id] },
  );
  const precedents = await precedentsOf(deps, hits);
  // Corrected tickets still open are in the index to teach triage; moderators are shown resolved ones only.
  const similar = hits.filter((h) => h.resolution.trim() !== '').slice(0, deps.settings.similarLimit);
  const staffSkills = await deps.store.listStaffSkills();
  const proposal = await deps.triage.triage({
    ticket: { id: existing.id, ref: existing.ref, title: existing.title, description: existing.description },
    similar,
    staffSkills,
    catalog: deps.catalog.ids(),
    skills: helpdeskSkills(deps, staffSkills),
    precedents,
  });
  const safe = sanitizeProposal(proposal, deps.catalog);
  deps.logger.info(
    { ticketId, engine: proposal.engine, model: proposal.model, skills: safe.skills, priority: safe.priority, usage: proposal.usage },
    'ticket triaged',
  );
  // Saved against the ticket read above; a change made meanwhile makes the save read it again (see mutateTicket).
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
  }, existing);
}
