import type { Person } from '../domain/person.js';
import type { AssignmentReason } from '../domain/ticket.js';

export type AssignmentDecision =
  | { readonly kind: 'assign'; readonly personId: string; readonly reason: AssignmentReason }
  | { readonly kind: 'none'; readonly reason: string };

export type Candidate = Pick<Person, 'id' | 'role' | 'skills' | 'availability' | 'openTickets' | 'lastAssignedAt' | 'displayName'>;

/**
 * Picks who handles a ticket needing `required` skills:
 * 1. available staff covering the most required skills;
 * 2. among those, the fewest open tickets, then the longest since their last assignment;
 * 3. with no skill match, the least-loaded available admin;
 * 4. otherwise nobody, with a reason people can act on.
 * Pure and O(candidates); `exclude` skips people (the current assignee on reassignment).
 */
export function chooseAssignee(
  required: readonly string[],
  candidates: readonly Candidate[],
  exclude: readonly string[] = [],
): AssignmentDecision {
  const requiredSet = new Set(required);
  let best: { c: Candidate; matched: string[] } | null = null;
  let bestAdmin: Candidate | null = null;
  for (const c of candidates) {
    if (c.availability !== 'available' || exclude.includes(c.id)) continue;
    if (c.role === 'admin' && (bestAdmin === null || better(c, bestAdmin))) bestAdmin = c;
    if (c.role === 'user' || requiredSet.size === 0) continue;
    const matched = c.skills.filter((s) => requiredSet.has(s));
    if (matched.length === 0) continue;
    if (best === null || matched.length > best.matched.length || (matched.length === best.matched.length && better(c, best.c))) {
      best = { c, matched };
    }
  }
  if (best) {
    const { c, matched } = best;
    return {
      kind: 'assign',
      personId: c.id,
      reason: {
        rule: 'skills',
        matchedSkills: matched,
        load: c.openTickets,
        text: `matches ${matched.join(', ')} (${matched.length}/${requiredSet.size} skills); ${c.openTickets} open ticket${c.openTickets === 1 ? '' : 's'}`,
      },
    };
  }
  if (bestAdmin) {
    return {
      kind: 'assign',
      personId: bestAdmin.id,
      reason: {
        rule: 'admin-fallback',
        matchedSkills: [],
        load: bestAdmin.openTickets,
        text:
          requiredSet.size === 0
            ? `no specific skills needed; least-loaded admin (${bestAdmin.openTickets} open)`
            : `no available moderator has ${[...requiredSet].join(', ')}; least-loaded admin (${bestAdmin.openTickets} open)`,
      },
    };
  }
  return {
    kind: 'none',
    reason:
      requiredSet.size === 0
        ? 'no moderator or admin is available right now'
        : `no available moderator has ${[...requiredSet].join(', ')} and no admin is available`,
  };
}

/** Least loaded first, then least recently assigned (never assigned first), then id for a stable order. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.openTickets !== b.openTickets) return a.openTickets < b.openTickets;
  const la = a.lastAssignedAt ?? '';
  const lb = b.lastAssignedAt ?? '';
  if (la !== lb) return la < lb;
  return a.id < b.id;
}
