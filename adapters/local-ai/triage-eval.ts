import { z } from 'zod';
import type { SkillCatalog } from '../../core/index.js';

const text = z.string().max(100_000);

/** One labelled helpdesk ticket, as the triage evaluation files read it. */
export const triageLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: text,
  description: text.optional().default(''),
  language: z.string().optional(),
  gold: z
    .object({
      skills: z.array(z.string()).default([]),
      priority: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable().optional(),
      category: z.string().optional(),
    })
    .optional(),
});
export type TriageLine = z.infer<typeof triageLineSchema>;

/** What the helpdesk decided for one ticket. */
export interface TriageDecision {
  readonly id: string;
  readonly skills: readonly string[];
  readonly priority: string;
  readonly category: string;
  /** The assignee's skills and role, or null when nobody got the ticket. */
  readonly assignee: { readonly handle: string; readonly role: string; readonly skills: readonly string[] } | null;
  readonly reason: string | null;
}

export interface TriageMetrics {
  readonly tickets: number;
  /** Tickets with gold skills (routing is scored on these). */
  readonly routable: number;
  readonly routedOk: number;
  readonly adminFallback: number;
  readonly invented: number;
  readonly priorityScored: number;
  readonly priorityAcc: number;
  readonly highGold: number;
  readonly highRecall: number;
}

/**
 * The triage figures of the product issue: `routedOk` (share of tickets with
 * gold skills whose assignee holds one of them), `adminFallback` (share of
 * those given to an admin while some moderator held a gold skill),
 * `invented` (share of all tickets given a programming skill none of their
 * gold skills covers), `priorityAcc` (where a gold priority is set) and
 * `highRecall` (gold HIGH triaged HIGH). `rosterSkills` are the skills the
 * moderators hold.
 */
export function triageMetrics(
  lines: readonly TriageLine[],
  decisions: readonly TriageDecision[],
  catalog: SkillCatalog,
  rosterSkills: ReadonlySet<string>,
): TriageMetrics {
  let routable = 0;
  let routed = 0;
  let admin = 0;
  let invented = 0;
  let scored = 0;
  let correct = 0;
  let high = 0;
  let highHit = 0;
  lines.forEach((line, i) => {
    const d = decisions[i];
    if (!d) return;
    const gold = line.gold?.skills ?? [];
    if (gold.length > 0) {
      routable++;
      const held = d.assignee?.skills ?? [];
      if (gold.some((g) => held.includes(g))) routed++;
      else if (d.assignee?.role === 'admin' && gold.some((g) => rosterSkills.has(g))) admin++;
    }
    if (d.skills.some((s) => catalog.isProgramming(s) && !gold.some((g) => catalog.covers(g, s)))) invented++;
    const priority = line.gold?.priority;
    if (priority) {
      scored++;
      if (d.priority === priority) correct++;
      if (priority === 'HIGH') {
        high++;
        if (d.priority === 'HIGH') highHit++;
      }
    }
  });
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    tickets: lines.length,
    routable,
    routedOk: share(routed, routable),
    adminFallback: share(admin, routable),
    invented: share(invented, lines.length),
    priorityScored: scored,
    priorityAcc: share(correct, scored),
    highGold: high,
    highRecall: share(highHit, high),
  };
}

/** The `/ticket` line the acceptance run types for a ticket: whitespace collapsed, `title | description` unless they are the same. */
export function ticketCommand(line: Pick<TriageLine, 'title' | 'description'>): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const title = flat(line.title);
  const description = flat(line.description);
  return description === '' || description === title ? `/ticket ${title}` : `/ticket ${title} | ${description}`;
}
