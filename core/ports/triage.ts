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
