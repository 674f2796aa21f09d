import type { SimilarTicket } from '../domain/ticket.js';
import type { ResolvedTicketDoc, SimilarQuery, SimilarTicketIndex } from '../ports/similar.js';
import type { KeyValueStore } from '../ports/store.js';
import { silentLogger, type Hasher, type Logger } from '../ports/system.js';
import { redactText } from '../triage/redact.js';
import type { EmbeddingProvider } from './embedding.js';
import { maxFusedScore, reciprocalRankFusion, RRF_K } from './rrf.js';
import { dot, normalize } from './vector-codec.js';
import { KvVectorStore } from './vector-store.js';

export interface HybridIndexOptions {
  /** The lexical index this decorates; it stays the source of truth for documents. */
  readonly lexical: SimilarTicketIndex;
  /** Null keeps retrieval purely lexical. */
  readonly embeddings: EmbeddingProvider | null;
  readonly store: KeyValueStore;
  /** Hashes embedded text, so a stored vector is reused only for the same text. */
  readonly hasher: Hasher;
  readonly logger?: Logger | undefined;
  /** Redact text before it goes to the embedding provider (default true). */
  readonly redact?: boolean | undefined;
  /** Documents per embedding request (default 64, capped by the provider's limit). */
  readonly batchSize?: number | undefined;
  /** Vector matches below this cosine are ignored (default 0.3). */
  readonly minCosine?: number | undefined;
  /** Candidates taken from each ranking before fusion (default 50). */
  readonly candidates?: number | undefined;
  readonly rrfK?: number | undefined;
}

/** Longest text sent for one embedding (well inside every provider's input limit). */
const EMBED_TEXT_MAX = 6000;
const QUERY_CACHE_MAX = 256;

interface DocMeta {
  readonly ref: number;
  readonly title: string;
  readonly resolution: string;
  readonly textHash: string;
}

/**
 * Hybrid retrieval as a decorator of any {@link SimilarTicketIndex}: the
 * lexical ranking and a vector ranking (cosine over stored embeddings) are
 * fused by reciprocal rank, so a paraphrase sharing no words still finds
 * its match. Vectors are stored with model and dimension; documents whose
 * vector is missing or from another model are re-embedded lazily, in
 * batches (a full batch during `add`, one batch per search, or `flush()`).
 * Any embedding failure degrades to the lexical ranking; search never fails
 * because of it.
 */
export class HybridSimilarIndex implements SimilarTicketIndex {
  private readonly meta = new Map<string, DocMeta>();
  private readonly vectors = new Map<string, Float32Array>();
  private readonly pending = new Map<string, string>();
  private readonly queryCache = new Map<string, Float32Array>();
  private readonly vectorStore: KvVectorStore;
  private readonly logger: Logger;
  private flushing: Promise<number> | null = null;

  constructor(private readonly options: HybridIndexOptions) {
    this.vectorStore = new KvVectorStore(options.store);
    this.logger = options.logger ?? silentLogger;
  }

  get size(): number {
    return this.options.lexical.size;
  }

  /** Documents waiting for an embedding. */
  get pendingCount(): number {
    return this.pending.size;
  }

  get vectorCount(): number {
    return this.vectors.size;
  }

  async add(doc: ResolvedTicketDoc): Promise<void> {
    await this.options.lexical.add(doc);
    const provider = this.options.embeddings;
    if (!provider) return;
    const text = this.embedText(`${doc.title}\n${doc.description}\n${doc.resolution}`);
    const textHash = this.options.hasher.sha256Hex(text);
    const known = this.meta.get(doc.ticketId);
    this.meta.set(doc.ticketId, { ref: doc.ref, title: doc.title, resolution: doc.resolution, textHash });
    if (known?.textHash === textHash && this.vectors.has(doc.ticketId)) return;
    const stored = await this.vectorStore.get(doc.ticketId).catch(() => null);
    if (stored && stored.model === provider.model && stored.textHash === textHash) {
      this.vectors.set(doc.ticketId, stored.vector);
      return;
    }
    this.vectors.delete(doc.ticketId);
    this.pending.set(doc.ticketId, text);
    if (this.pending.size >= this.batchSize()) await this.flush(1);
  }

  async remove(ticketId: string): Promise<void> {
    await this.options.lexical.remove(ticketId);
    this.meta.delete(ticketId);
    this.pending.delete(ticketId);
    this.vectors.delete(ticketId);
    if (this.options.embeddings) await this.vectorStore.delete(ticketId).catch(() => undefined);
  }

  /**
   * Embeds pending documents, at most `maxBatches` requests; returns how many
   * documents got vectors. Stops at the first failure (they stay pending).
   */
  async flush(maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    if (this.flushing) return this.flushing;
    this.flushing = this.flushBatches(maxBatches).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async search(query: SimilarQuery, options: { readonly limit: number; readonly excludeIds?: readonly string[] }): Promise<SimilarTicket[]> {
    const candidates = Math.max(options.limit, this.options.candidates ?? 50);
    const lexical = await this.options.lexical.search(query, { limit: candidates, ...(options.excludeIds ? { excludeIds: options.excludeIds } : {}) });
    const qv = await this.queryVector(query);
    if (!qv) return lexical.slice(0, options.limit);
    const excluded = new Set(options.excludeIds ?? []);
    const vectorRanked = this.rankByVector(qv, [...this.vectors.keys()].filter((id) => !excluded.has(id)), candidates);
    const k = this.options.rrfK ?? RRF_K;
    const fused = reciprocalRankFusion([lexical.map((s) => s.ticketId), vectorRanked], k);
    const byId = new Map(lexical.map((s) => [s.ticketId, s]));
    const scale = maxFusedScore(2, k);
    return [...fused]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.limit)
      .flatMap(([id, score]): SimilarTicket[] => {
        const hit = byId.get(id);
        const m = this.meta.get(id);
        const base = hit ?? (m ? { ticketId: id, ref: m.ref, title: m.title, resolution: m.resolution } : null);
        return base ? [{ ticketId: base.ticketId, ref: base.ref, title: base.title, resolution: base.resolution, score: round(score / scale) }] : [];
      });
  }

  async score(query: SimilarQuery, ticketIds: readonly string[]): Promise<Map<string, number>> {
    const lexical = await this.options.lexical.score(query, ticketIds);
    const qv = await this.queryVector(query);
    if (!qv) return lexical;
    const lexicalRanked = [...lexical].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const k = this.options.rrfK ?? RRF_K;
    const fused = reciprocalRankFusion([lexicalRanked, this.rankByVector(qv, ticketIds, ticketIds.length)], k);
    const scale = maxFusedScore(2, k);
    return new Map(ticketIds.map((id) => [id, round((fused.get(id) ?? 0) / scale)]));
  }

  private rankByVector(qv: Float32Array, ids: readonly string[], limit: number): string[] {
    const floor = this.options.minCosine ?? 0.3;
    const scored: [string, number][] = [];
    for (const id of ids) {
      const v = this.vectors.get(id);
      if (!v || v.length !== qv.length) continue;
      const cos = dot(qv, v);
      if (cos >= floor) scored.push([id, cos]);
    }
    return scored
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** The query's vector, or null when embeddings are off, empty or failing (lexical only then). */
  private async queryVector(query: SimilarQuery): Promise<Float32Array | null> {
    const provider = this.options.embeddings;
    if (!provider) return null;
    if (this.pending.size > 0) await this.flush(1);
    if (this.vectors.size === 0) return null;
    const text = this.embedText(`${query.title}\n${query.description}`);
    const key = this.options.hasher.sha256Hex(text);
    const hit = this.queryCache.get(key);
    if (hit) return hit;
    try {
      const result = await provider.embed([text], 'query');
      const first = result.vectors[0];
      if (!first || first.length === 0) return null;
      const v = normalize(first);
      if (this.queryCache.size >= QUERY_CACHE_MAX) this.queryCache.delete(this.queryCache.keys().next().value as string);
      this.queryCache.set(key, v);
      return v;
    } catch (error) {
      this.logger.warn({ provider: provider.name, error: (error as Error).message?.slice(0, 200) }, 'query embedding failed; using lexical ranking only');
      return null;
    }
  }

  private async flushBatches(maxBatches: number): Promise<number> {
    const provider = this.options.embeddings;
    if (!provider) return 0;
    let done = 0;
    for (let b = 0; b < maxBatches && this.pending.size > 0; b++) {
      const batch = [...this.pending].slice(0, this.batchSize());
      try {
        const result = await provider.embed(
          batch.map(([, text]) => text),
          'document',
        );
        if (result.vectors.length !== batch.length) throw new Error(`expected ${batch.length} vectors, got ${result.vectors.length}`);
        for (const [i, [id, text]] of batch.entries()) {
          const vector = normalize(result.vectors[i] as Float32Array);
          const textHash = this.options.hasher.sha256Hex(text);
          // The document may have changed or gone while the request ran.
          if (this.pending.get(id) !== text) continue;
          this.pending.delete(id);
          this.vectors.set(id, vector);
          await this.vectorStore.put(id, { model: provider.model, dim: vector.length, textHash, vector });
          done += 1;
        }
        this.logger.debug({ provider: provider.name, model: provider.model, embedded: batch.length, pending: this.pending.size }, 'embedded resolved tickets');
      } catch (error) {
        this.logger.warn({ provider: provider.name, error: (error as Error).message?.slice(0, 200), pending: this.pending.size }, 'embedding batch failed; will retry later');
        break;
      }
    }
    return done;
  }

  private batchSize(): number {
    return Math.max(1, Math.min(this.options.batchSize ?? 64, this.options.embeddings?.maxBatch ?? 64));
  }

  private embedText(text: string): string {
    const clipped = text.length > EMBED_TEXT_MAX ? text.slice(0, EMBED_TEXT_MAX) : text;
    return this.options.redact === false ? clipped : redactText(clipped).text;
  }
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
