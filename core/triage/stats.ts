import type { TriageProposal, TriageRequest } from '../ports/triage.js';

/** Per-engine counters kept by the chain. */
export interface EngineStats {
  attempts: number;
  successes: number;
  failures: number;
  /** Skipped because the engine's circuit was open. */
  skipped: number;
  /** Provider calls made (a repair turn and each retry count). */
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface TriageStats {
  tickets: number;
  /** Answered from the cache of identical ticket text. */
  cacheHits: number;
  /** Identical text arriving while the first was still being triaged. */
  coalesced: number;
  /** Every engine failed and the built-in minimal triage was used. */
  fallbacks: number;
  engines: Record<string, EngineStats>;
}

export function emptyStats(): TriageStats {
  return { tickets: 0, cacheHits: 0, coalesced: 0, fallbacks: 0, engines: {} };
}

/** Total provider calls across engines. */
export function totalCalls(stats: TriageStats): number {
  return Object.values(stats.engines).reduce((n, e) => n + e.calls, 0);
}

/**
 * The last resort when even the last engine failed: the ticket still moves
 * on (policy assigns it, an admin sees it), marked for triage by hand.
 */
export function fallbackProposal(request: TriageRequest): TriageProposal {
  return {
    summary: request.ticket.title,
    category: 'general',
    priority: 'MEDIUM',
    skills: [],
    notes: 'Automatic triage was unavailable for this ticket; please triage it by hand.',
    suggestedFix: null,
    confidence: null,
    engine: 'fallback',
  };
}
