import { mailBody, SkillCatalog, SUMMARY_MAX, type TriageEngine, type TriageProposal, type TriageRequest } from '../../core/index.js';
import { categorize } from './category.js';
import { LEARNED_HIGH, NO_READING, shippedHelpdeskModel, type HelpdeskModel, type LearnedReading } from './helpdesk-model.js';
import { situationNotes } from './notes.js';
import { readPriority, type PriorityReading } from './priority.js';
import { CORRECTION_DECIDES, GUESS_CONFIDENCE, SkillPredictor } from './skill-predictor.js';
import { oneLine, summarize } from './summary.js';

export { summarize } from './summary.js';

export interface LocalTriageOptions {
  readonly catalog?: SkillCatalog;
  readonly predictor?: SkillPredictor;
  /** The learned helpdesk model; the shipped one by default, `null` for the rules and words alone. */
  readonly model?: HelpdeskModel | null;
}

/** A similar ticket at or above this score backs a suggested fix. */
const FIX_MIN_SCORE = 0.2;
/** The security reading the model must also give for its HIGH to count as a security incident. */
const LEARNED_SECURITY = 0.5;

/**
 * The embedded triage engine: no network, no model server, the same answer
 * for the same input. Skills come from the {@link SkillPredictor} (the
 * helpdesk's skills and their words, votes of similar resolved and
 * corrected tickets, technical ids only when named), priority from what the
 * ticket says about impact, security and urgency, the category from the
 * main skill, and the notes from the situation (an incident, an outage, an
 * access request, a how-to…). A ticket it cannot read gets no skill and a
 * "needs a look" note.
 */
export class LocalTriageEngine implements TriageEngine {
  readonly name = 'local';
  private readonly catalog: SkillCatalog;
  private readonly predictor: SkillPredictor;
  private modelRef: HelpdeskModel | null | undefined;

  constructor(options: LocalTriageOptions = {}) {
    this.catalog = options.catalog ?? new SkillCatalog();
    this.predictor = options.predictor ?? new SkillPredictor({ catalog: this.catalog });
    this.modelRef = options.model;
  }

  private get model(): HelpdeskModel | null {
    if (this.modelRef === undefined) this.modelRef = shippedHelpdeskModel();
    return this.modelRef;
  }

  async triage(request: TriageRequest): Promise<TriageProposal> {
    const { title } = request.ticket;
    // An e-mail's legal footer and signature say nothing about the problem.
    const description = mailBody(request.ticket.description) || title;
    for (const s of request.skills ?? []) {
      if (!this.catalog.has(s.id) || (s.words?.length ?? 0) > 0) this.catalog.define({ id: s.id, ...(s.description ? { description: s.description } : {}), ...(s.words ? { words: s.words } : {}) });
    }
    // A handful of predicted skills are checked against the lists directly: cheaper than a set of the whole catalog per ticket.
    const open = request.catalog.length === 0 && request.staffSkills.length === 0;
    const allowed = (skill: string) => open || request.catalog.includes(skill) || request.staffSkills.includes(skill);
    const votes = (request.precedents ?? []).map((p) => ({ skills: p.skills, score: p.score, corrected: p.corrected }));
    const learned = this.model?.read(title, description) ?? NO_READING;
    const predicted = this.predictor.predict({ title, description }, request.staffSkills, votes, learned.skills).filter((s) => allowed(s.skill));
    const reading = withLearned(readPriority(title, description), learned);
    const names = predicted.map((s) => s.skill);
    // A mail the ticket calls phishing, suspicious or spoofed is the security desk's, even when nothing was clicked yet.
    const suspiciousMail = names[0] === 'email' && names.includes('security');
    const skills = securityFirst(names, (reading.kinds.has('security') || suspiciousMail) && allowed('security'));
    const corrected = (request.precedents ?? []).find((p) => p.corrected && p.score >= CORRECTION_DECIDES);
    const priority = corrected && !reading.kinds.has('security') ? higher(reading.priority, corrected.priority) : reading.priority;
    const category = categorize(skills, this.catalog, reading.kinds.has('security'));
    const similar = [...request.similar].sort((a, b) => b.score - a.score);
    const best = similar[0];
    const fix = best && best.score >= FIX_MIN_SCORE && best.resolution.trim() ? best : undefined;

    const guessed = predicted[0]?.skill === skills[0] && (predicted[0]?.confidence ?? 1) <= GUESS_CONFIDENCE;
    const notes = situationNotes({ title, description, skills, category, reading, catalog: this.catalog, guessed });
    if (corrected) notes.push(`Staff corrected the triage of the similar ticket #${corrected.ref}; its skills and priority were followed.`);

    const skillCertainty = predicted[0]?.confidence ?? 0.2;
    const confidence = skills.length === 0 ? 0.2 : Math.min(0.95, 0.25 + 0.5 * skillCertainty + (fix ? 0.2 * Math.min(1, fix.score * 2) : 0));
    return {
      summary: summarize(title, description, SUMMARY_MAX, reading.priority === 'HIGH'),
      category,
      priority,
      skills,
      notes: notes.join('\n'),
      suggestedFix: fix ? `#${fix.ref} ("${oneLine(fix.title, 120)}") was resolved with: ${oneLine(fix.resolution, 600)}` : null,
      confidence: Math.round(confidence * 100) / 100,
      engine: this.name,
    };
  }
}

/**
 * A security incident (credentials given away, malware, a stolen device, data sent out) is the
 * security desk's first, whatever else the ticket names: the mailbox of a phishing mail or the
 * laptop that was stolen stays as the second skill only.
 */
function securityFirst(skills: readonly string[], incident: boolean): string[] {
  if (!incident) return [...skills];
  return ['security', ...skills.filter((s) => s !== 'security')].slice(0, 2);
}

/**
 * The rules' reading, raised to HIGH when the model reads the ticket as one (unless the requester says
 * it can wait): an incident worded in a way no rule covers ("the tills in three stores show a red cross").
 */
function withLearned(reading: PriorityReading, learned: LearnedReading): PriorityReading {
  if (reading.priority === 'HIGH' || learned.high < LEARNED_HIGH || reading.kinds.has('can-wait')) return reading;
  const kind = (learned.skills.get('security') ?? 0) >= LEARNED_SECURITY ? 'security' : 'impact';
  return {
    priority: 'HIGH',
    reasons: [...reading.reasons, `model: worded like the ${kind === 'security' ? 'security incidents' : 'outages and blocked teams'} it learned from (${learned.high.toFixed(2)})`],
    kinds: new Set([...reading.kinds, kind]),
  };
}

const RANK = { LOW: 0, MEDIUM: 1, HIGH: 2 } as const;

/** A corrected similar ticket's priority, unless the ticket's own reading is the same or higher. */
function higher(own: 'LOW' | 'MEDIUM' | 'HIGH', precedent: 'LOW' | 'MEDIUM' | 'HIGH'): 'LOW' | 'MEDIUM' | 'HIGH' {
  return RANK[precedent] > RANK[own] ? precedent : own === 'HIGH' ? own : precedent;
}
