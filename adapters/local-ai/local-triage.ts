import { SkillCatalog, SUMMARY_MAX, type TriageEngine, type TriageProposal, type TriageRequest } from '../../core/index.js';
import { categorize, CHECKLISTS } from './category.js';
import { readPriority } from './priority.js';
import { SkillPredictor } from './skill-predictor.js';

export interface LocalTriageOptions {
  readonly catalog?: SkillCatalog;
  readonly predictor?: SkillPredictor;
}

/** A similar ticket at or above this score backs a suggested fix. */
const FIX_MIN_SCORE = 0.2;

/**
 * The embedded triage engine: no network, no model server, the same answer
 * for the same input. Skills come from the {@link SkillPredictor} (catalog
 * mentions, the trained classifier, the IT-support lexicon; skills staff
 * hold are favoured), priority from wording signals, category from the
 * skills, and the notes give a category checklist. The similar resolved
 * tickets are not repeated in the notes: every moderator view lists them
 * from the ticket, and the best one backs the suggested fix.
 */
export class LocalTriageEngine implements TriageEngine {
  readonly name = 'local';
  private readonly catalog: SkillCatalog;
  private readonly predictor: SkillPredictor;

  constructor(options: LocalTriageOptions = {}) {
    this.catalog = options.catalog ?? new SkillCatalog();
    this.predictor = options.predictor ?? new SkillPredictor({ catalog: this.catalog });
  }

  async triage(request: TriageRequest): Promise<TriageProposal> {
    const { title, description } = request.ticket;
    const allowed = new Set([...request.catalog, ...request.staffSkills]);
    const predicted = this.predictor
      .predict({ title, description }, request.staffSkills)
      .filter((s) => allowed.size === 0 || allowed.has(s.skill));
    const skills = predicted.map((s) => s.skill);
    const priority = readPriority(title, description);
    const category = categorize(skills, this.catalog, priority.reasons.some((r) => r.startsWith('security:')));
    const similar = [...request.similar].sort((a, b) => b.score - a.score);
    const best = similar[0];
    const fix = best && best.score >= FIX_MIN_SCORE && best.resolution.trim() ? best : undefined;

    const notes: string[] = [`Checklist (${category}):`, ...CHECKLISTS[category].map((c) => `- ${c}`)];
    if (priority.reasons.length) notes.push(`Priority ${priority.priority} because of ${priority.reasons.join(', ')}.`);

    const skillCertainty = predicted[0]?.confidence ?? 0.2;
    const confidence = Math.min(0.95, 0.25 + 0.5 * skillCertainty + (fix ? 0.2 * Math.min(1, fix.score * 2) : 0));
    return {
      summary: summarize(title, description),
      category,
      priority: priority.priority,
      skills,
      notes: notes.join('\n'),
      suggestedFix: fix ? `#${fix.ref} ("${oneLine(fix.title, 120)}") was resolved with: ${oneLine(fix.resolution, 600)}` : null,
      confidence: Math.round(confidence * 100) / 100,
      engine: this.name,
    };
  }
}

/** Whitespace folded to single spaces, cut at `max` characters with an ellipsis. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** One line: the title, then the description's first sentence when it adds something. */
export function summarize(title: string, description: string): string {
  const t = oneLine(title, SUMMARY_MAX);
  const d = oneLine(description, 2000);
  if (d === '' || d === t || t.includes(d)) return t;
  const end = d.search(/[.!?](\s|$)/);
  const first = end >= 0 ? d.slice(0, end + 1) : d;
  const joined = t ? `${t.replace(/[.:;,\s]+$/, '')}: ${first}` : first;
  return oneLine(joined, SUMMARY_MAX);
}
