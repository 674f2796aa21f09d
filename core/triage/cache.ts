import { z } from 'zod';
import { PRIORITIES } from '../domain/ticket.js';
import type { KeyValueStore } from '../ports/store.js';
import type { Clock, Hasher } from '../ports/system.js';
import type { TriageProposal } from '../ports/triage.js';

export interface TriageCacheOptions {
  readonly store: KeyValueStore;
  readonly clock: Clock;
  /** How long a triage may be reused for identical text; older entries count as misses. */
  readonly ttlMs?: number;
  readonly namespace?: string;
}

export const DEFAULT_CACHE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const entrySchema = z.object({
  v: z.literal(1),
  at: z.number(),
  proposal: z.object({
    summary: z.string(),
    category: z.string(),
    priority: z.enum(PRIORITIES),
    skills: z.array(z.string()),
    notes: z.string(),
    suggestedFix: z.string().nullable(),
    confidence: z.number().nullable(),
    engine: z.string(),
    model: z.string().optional(),
  }),
});

/**
 * Earlier triage results by ticket-text hash, kept in the durable
 * key-value store so a restart keeps them. A duplicate ticket then costs no
 * model call. Entries are validated on the way out: a damaged entry is a miss.
 */
export class TriageCache {
  private readonly namespace: string;
  private readonly ttlMs: number;

  constructor(private readonly options: TriageCacheOptions) {
    this.namespace = options.namespace ?? 'triage-cache';
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
  }

  async get(key: string): Promise<TriageProposal | null> {
    const raw = await this.options.store.getValue(this.namespace, key);
    if (!raw) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const entry = entrySchema.safeParse(json);
    if (!entry.success) return null;
    if (this.options.clock.now().getTime() - entry.data.at > this.ttlMs) return null;
    const { model, ...rest } = entry.data.proposal;
    return model === undefined ? rest : { ...rest, model };
  }

  async set(key: string, proposal: TriageProposal): Promise<void> {
    const stored = {
      summary: proposal.summary,
      category: proposal.category,
      priority: proposal.priority,
      skills: [...proposal.skills],
      notes: proposal.notes,
      suggestedFix: proposal.suggestedFix,
      confidence: proposal.confidence,
      engine: proposal.engine,
      ...(proposal.model !== undefined ? { model: proposal.model } : {}),
    };
    await this.options.store.setValue(this.namespace, key, JSON.stringify({ v: 1, at: this.options.clock.now().getTime(), proposal: stored }));
  }
}

/**
 * Text normalized for "is this the same ticket text": Unicode-normalized,
 * case-folded, whitespace collapsed. Punctuation and wording still count.
 */
export function normalizeTicketText(title: string, description: string): string {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${norm(title)}\n${norm(description)}`;
}

/** Cache key for a ticket's text: SHA-256 of its normalized form. */
export function ticketTextKey(hasher: Hasher, title: string, description: string): string {
  return hasher.sha256Hex(normalizeTicketText(title, description));
}
