import type { Person } from '../domain/person.js';
import type { AssignmentReason } from '../domain/ticket.js';

export type AssignmentDecision =
  | { readonly kind: 'assign'; readonly personId: string; readonly reason: AssignmentReason }
  | { readonly kind: 'none'; readonly reason: string };

export type Candidate = Pick<Person, 'id' | 'role' | 'skills' | 'availability' | 'openTickets' | 'lastAssignedAt' | 'displayName'>;

/** What the catalog knows about a skill's meaning, for matching beyond the exact id. */
export interface SkillRelations {
  /** Broader skills whose holders can take it (`sql-server` → `database`). */
  broader(skill: string): readonly string[];
  /** The skills on the same desk (`vpn` → `networking`, …). */
  desk(skill: string): readonly string[];
}

const NO_RELATIONS: SkillRelations = { broader: () => [], desk: (s) => [s] };

/**
 * Picks who handles a ticket needing `required` skills (most confident first):
 * 1. available staff holding a required skill or a broader one: the holders of
 *    the earliest (most confident) skill held by anyone, then those covering the
 *    most skills, then the fewest open tickets and the longest since their last
 *    assignment. A person who holds two weaker skills does not outrank the one
 *    holding the skill the ticket is most surely about (a phishing mail that
 *    also names a mailbox and a password is the security desk's);
 * 2. otherwise the least-loaded available moderator on the same desk (holding
 *    a skill of the same group), and the card says why;
 * 3. a ticket that needs no particular skill goes to the least-loaded available
 *    moderator, who can ask for details;
 * 4. otherwise the least-loaded available admin;
 * 5. otherwise nobody, with a reason people can act on.
 * Pure and O(candidates × skills); `exclude` skips people (the current assignee on reassignment).
 */
export function chooseAssignee(
  required: readonly string[],
  candidates: readonly Candidate[],
  exclude: readonly string[] = [],
  relations: SkillRelations = NO_RELATIONS,
): AssignmentDecision {
  const free = candidates.filter((c) => c.availability === 'available' && !exclude.includes(c.id));
  const staff = free.filter((c) => c.role !== 'user');
  const plural = (n: number) => `${n} open ticket${n === 1 ? '' : 's'}`;

  let best: { c: Candidate; matched: string[]; first: number } | null = null;
  for (const c of staff) {
    const matched: string[] = [];
    let first = Infinity;
    required.forEach((skill, i) => {
      if (c.skills.includes(skill) || relations.broader(skill).some((b) => c.skills.includes(b))) {
        matched.push(skill);
        first = Math.min(first, i);
      }
    });
    if (matched.length === 0) continue;
    if (best === null || first < best.first || (first === best.first && (matched.length > best.matched.length || (matched.length === best.matched.length && better(c, best.c))))) {
      best = { c, matched, first };
    }
  }
  if (best) {
    const { c, matched } = best;
    return {
      kind: 'assign',
      personId: c.id,
      reason: { rule: 'skills', matchedSkills: matched, load: c.openTickets, text: `matches ${matched.join(', ')} (${matched.length}/${required.length} skills); ${plural(c.openTickets)}` },
    };
  }

  const moderators = staff.filter((c) => c.role === 'moderator');
  for (const skill of required) {
    const desk = relations.desk(skill).filter((s) => s !== skill);
    let pick: Candidate | null = null;
    for (const c of moderators) if (c.skills.some((s) => desk.includes(s)) && (pick === null || better(c, pick))) pick = c;
    if (pick) {
      const held = pick.skills.filter((s) => desk.includes(s));
      return {
        kind: 'assign',
        personId: pick.id,
        reason: { rule: 'desk-fallback', matchedSkills: [], load: pick.openTickets, text: `no available moderator has ${required.join(', ')}; least-loaded moderator on the same desk (${held.join(', ')}); ${plural(pick.openTickets)}` },
      };
    }
  }

  if (required.length === 0) {
    const pick = leastLoaded(moderators);
    if (pick) {
      return {
        kind: 'assign',
        personId: pick.id,
        reason: { rule: 'load-fallback', matchedSkills: [], load: pick.openTickets, text: `no specific skills needed; least-loaded moderator (${pick.openTickets} open)` },
      };
    }
  }

  const admin = leastLoaded(free.filter((c) => c.role === 'admin'));
  if (admin) {
    return {
      kind: 'assign',
      personId: admin.id,
      reason: {
        rule: 'admin-fallback',
        matchedSkills: [],
        load: admin.openTickets,
        text: required.length === 0 ? `no specific skills needed and no moderator is available; least-loaded admin (${admin.openTickets} open)` : `no available moderator has ${required.join(', ')} or works on its desk; least-loaded admin (${admin.openTickets} open)`,
      },
    };
  }
  return {
    kind: 'none',
    reason: required.length === 0 ? 'no moderator or admin is available right now' : `no available moderator has ${required.join(', ')} and no admin is available`,
  };
}

function leastLoaded(list: readonly Candidate[]): Candidate | null {
  let pick: Candidate | null = null;
  for (const c of list) if (pick === null || better(c, pick)) pick = c;
  return pick;
}

/** Least loaded first, then least recently assigned (never assigned first), then id for a stable order. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.openTickets !== b.openTickets) return a.openTickets < b.openTickets;
  const la = a.lastAssignedAt ?? '';
  const lb = b.lastAssignedAt ?? '';
  if (la !== lb) return la < lb;
  return a.id < b.id;
}
