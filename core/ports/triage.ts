import type { Priority, SimilarTicket } from '../domain/ticket.js';

/** What a triage engine sees. Ticket text is data, never instructions. */
export interface TriageRequest {
  readonly ticket: {
    readonly id: string;
    readonly ref: number;
    readonly title: string;
    readonly description: string;
  };
  /** Similar resolved tickets, retrieved before the (single) engine call. */
  readonly similar: readonly SimilarTicket[];
  /** Canonical skills currently held by moderators and admins. */
  readonly staffSkills: readonly string[];
  /** Every canonical skill id in the catalog. */
  readonly catalog: readonly string[];
  /**
   * The helpdesk's own skills, for engines to choose from: the helpdesk-first
   * catalog, skills admins created and skills staff hold. AI providers get
   * no other skill, except a programming id the ticket names.
   */
  readonly skills?: readonly TriageSkill[];
  /**
   * Similar tickets whose triage is known to be right, best first: resolved
   * ones and ones staff corrected (the strongest signal).
   */
  readonly precedents?: readonly TriagePrecedent[];
}

/** A skill as an engine sees it. */
export interface TriageSkill {
  readonly id: string;
  readonly description?: string;
  /** Words admins taught the skill (`/skills words`); the shipped vocabulary is left out, engines know it. */
  readonly words?: readonly string[];
}

/** A similar ticket and how it was (or, after a correction, should have been) triaged. */
export interface TriagePrecedent {
  readonly ref: number;
  readonly title: string;
  readonly skills: readonly string[];
  readonly category: string;
  readonly priority: Priority;
  /** Similarity 0..1. */
  readonly score: number;
  /** Staff changed this ticket's triage by hand. */
  readonly corrected: boolean;
}

/** An engine's raw proposal; core sanitizes and normalizes it before use. */
export interface TriageProposal {
  readonly summary: string;
  readonly category: string;
  readonly priority: Priority;
  /** Skill names; unknown ones are mapped through catalog aliases or dropped. */
  readonly skills: readonly string[];
  readonly notes: string;
  /** A suggested fix citing the refs (`#12`) it used, or null. */
  readonly suggestedFix: string | null;
  /** 0..1, or null when the engine cannot tell. */
  readonly confidence: number | null;
  readonly engine: string;
  readonly model?: string;
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

export interface TriageEngine {
  /** Engine name recorded in the ticket history (`local`, `gemini`, `openai`, `chain`). */
  readonly name: string;
  triage(request: TriageRequest): Promise<TriageProposal>;
}
