import { sanitizeProposal, type SkillCatalog, type TriageEngine } from '../../core/index.js';
import type { SkillsLine } from './jsonl.js';

export interface MicroScores {
  /** Rows that carried tags and were scored. */
  readonly rows: number;
  readonly truePositives: number;
  readonly predicted: number;
  readonly expected: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Skills for each line as the product would set them: the triage engine's
 * proposal for a ticket with that title and body, no similar tickets and no
 * moderators, sanitized through the catalog exactly as core does.
 */
export async function predictSkills(rows: readonly SkillsLine[], engine: TriageEngine, catalog: SkillCatalog): Promise<string[][]> {
  const ids = catalog.ids();
  const out: string[][] = [];
  for (const [i, row] of rows.entries()) {
    const proposal = await engine.triage({
      ticket: { id: `eval-${i}`, ref: i + 1, title: row.title, description: row.body },
      similar: [],
      staffSkills: [],
      catalog: ids,
    });
    out.push(sanitizeProposal(proposal, catalog).skills);
  }
  return out;
}

/** Micro-averaged precision, recall and F1 over the rows that have gold tags. */
export function microScores(predicted: readonly (readonly string[])[], gold: readonly (readonly string[] | undefined)[]): MicroScores {
  let tp = 0;
  let p = 0;
  let e = 0;
  let rows = 0;
  gold.forEach((tags, i) => {
    if (!tags) return;
    rows += 1;
    const truth = new Set(tags);
    const guess = new Set(predicted[i] ?? []);
    p += guess.size;
    e += truth.size;
    for (const t of guess) if (truth.has(t)) tp += 1;
  });
  const precision = p ? tp / p : 0;
  const recall = e ? tp / e : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { rows, truePositives: tp, predicted: p, expected: e, precision, recall, f1 };
}
