import { SkillCatalog, skillKey } from '../domain/skills.js';
import type { TriagePrecedent, TriageRequest, TriageSkill } from '../ports/triage.js';

/**
 * What a provider is allowed to answer with, and the few examples it is
 * shown: the helpdesk's own skills, plus the programming and framework ids
 * of the catalog that the ticket names literally (a provider, like local
 * triage, must not give `python` to "help"). Built once per ticket and used
 * twice: for the prompt and to drop any other skill from the reply.
 */
export interface OfferedSkills {
  /** The list shown in the prompt, helpdesk skills first. */
  readonly skills: readonly TriageSkill[];
  /** Every offered id by its key ({@link skillKey}). */
  readonly keys: ReadonlyMap<string, string>;
}

/** The shipped catalog: aliases for reading replies and the kind of each shipped id. */
const SHIPPED = new SkillCatalog();

/** Corrected examples shown per ticket, and how similar they must be. */
export const EXAMPLES_MAX = 3;
export const EXAMPLE_MIN_SCORE = 0.3;

/** The skills a provider may choose from for this request. */
export function offeredSkills(request: TriageRequest): OfferedSkills {
  const base: TriageSkill[] = request.skills
    ? [...request.skills]
    : [
        ...SHIPPED.definitions()
          .filter((d) => d.kind === 'helpdesk' && request.catalog.includes(d.id))
          .map((d) => ({ id: d.id, ...(d.description ? { description: d.description } : {}) })),
        ...request.staffSkills.filter((id) => SHIPPED.get(id)?.kind !== 'helpdesk').map((id) => ({ id })),
      ];
  const keys = new Map(base.map((s) => [skillKey(s.id), s.id] as const));
  const text = foldText(`${request.ticket.title}\n${request.ticket.description}`);
  const named: TriageSkill[] = [];
  for (const id of request.catalog) {
    if (keys.has(skillKey(id))) continue;
    const def = SHIPPED.get(id);
    // Unknown to the shipped catalog and not offered: an admin skill would be in `skills`, so this is a stale id.
    if (!def) continue;
    if ([id, ...(def.aliases ?? [])].some((term) => names(text, term))) {
      named.push({ id, ...(def.description ? { description: def.description } : {}) });
      keys.set(skillKey(id), id);
    }
  }
  return { skills: [...base, ...named], keys };
}

/**
 * The reply's skills that were offered, as canonical ids: shipped aliases
 * map to their id (`outlook` → `email`), anything else not offered is
 * dropped. Core's policy normalizes the rest against the live catalog.
 */
export function keepOffered(raw: readonly string[], offered: OfferedSkills): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const alias = SHIPPED.normalize(r);
    const id = offered.keys.get(skillKey(r)) ?? (alias === null ? undefined : offered.keys.get(skillKey(alias)));
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Corrected similar tickets worth showing as examples, most similar first. */
export function correctedExamples(precedents: readonly TriagePrecedent[] | undefined): TriagePrecedent[] {
  return (precedents ?? [])
    .filter((p) => p.corrected && p.score >= EXAMPLE_MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, EXAMPLES_MAX);
}

/** Lowercase with runs of spaces, `_` and `-` folded to one space, so `sql server` names `sql-server`. */
function foldText(s: string): string {
  return ` ${s.toLowerCase().replace(/[\s_-]+/g, ' ')} `;
}

const WORDISH = /[\p{L}\p{N}#+]/u;

/** True when `term` occurs in the folded text as a whole word (`java` is not named by `javascript`, `c` not by `c#`). */
function names(folded: string, term: string): boolean {
  const t = term.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  if (t === '') return false;
  for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + 1)) {
    const before = folded[i - 1] ?? ' ';
    const after = folded[i + t.length] ?? ' ';
    // A trailing dot ends a sentence ("I use python."), it does not extend the word.
    const afterIsWord = WORDISH.test(after) || (after === '.' && WORDISH.test(folded[i + t.length + 1] ?? ' '));
    if (!WORDISH.test(before) && before !== '.' && !afterIsWord) return true;
  }
  return false;
}
