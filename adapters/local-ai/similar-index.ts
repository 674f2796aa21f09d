import type { ResolvedTicketDoc, SimilarQuery, SimilarTicket, SimilarTicketIndex } from '../../core/index.js';
import { Bm25f, COUNT_MASK, DESCRIPTION_SHIFT, RESOLUTION_SHIFT, type FieldWeights } from './bm25f.js';
import { DocTable, type DocTableState } from './doc-table.js';
import { PostingArena, type PostingState } from './postings.js';
import { QueryBuilder, type PreparedQuery } from './similar-query.js';
import { searchTopK, type SearchContext } from './maxscore.js';
import { tokenize } from './text.js';

/** Ranking settings; the defaults were tuned on the Qatar Living train split (see docs/local-ai.md). */
export interface LexicalIndexOptions {
  /** BM25 term-frequency saturation. */
  readonly k1: number;
  /** BM25 length normalization, per field. */
  readonly b: number;
  /** How much a term in each field counts (BM25F). */
  readonly weights: FieldWeights;
  /** Normalized score (0..1) below which a ticket is not suggested. */
  readonly floor: number;
  /** The strongest query terms kept (long descriptions are mostly noise). */
  readonly maxQueryTerms: number;
  /** Weight of an in-vocabulary spelling one edit away from an unknown query word; 0 turns typo tolerance off. */
  readonly typoWeight: number;
  /**
   * Keep each ticket's title and resolution for the results (default true).
   * Off, results carry empty text for the caller to fill in from the store
   * (SharedSimilarIndex does), which saves about 150 bytes per ticket.
   */
  readonly keepText: boolean;
}

export const DEFAULT_INDEX_OPTIONS: LexicalIndexOptions = {
  k1: 1.2,
  b: 0.75,
  weights: { title: 1.5, description: 1, resolution: 0.5 },
  floor: 0.12,
  maxQueryTerms: 32,
  typoWeight: 0.5,
  keepText: true,
};

/** The whole index as plain data, for a snapshot on disk (see snapshot.ts). */
export interface LexicalSnapshot {
  readonly options: LexicalIndexOptions;
  /** Terms by id. */
  readonly terms: readonly string[];
  readonly df: Int32Array<ArrayBuffer>;
  readonly docs: DocTableState;
  /** The posting lists and the field-length averages their impacts were computed with; absent, they are rebuilt from the documents. */
  readonly postings?: { readonly lists: PostingState; readonly averages: readonly [number, number, number] } | undefined;
}

/**
 * A suggestion must share at least this many distinct words with the query
 * (fewer when the query has fewer): one common word ("new", "error") is a
 * coincidence, not a similar problem, however rare it is in a small index.
 */
const MIN_SHARED_TERMS = 2;

/** Dead postings tolerated before the arena is rewritten. */
const COMPACT_MIN = 50_000;

/**
 * Ranked retrieval over resolved tickets: BM25F over title, description and
 * resolution, with stopwords, light stemming and typo tolerance for words
 * the index has never seen. A score is normalized by the best score the
 * query could reach, so the relevance floor means the same for a
 * three-word title and a long description.
 *
 * Search reads posting lists strongest term first, one stretch of slots at
 * a time, and stops creating candidates as soon as the terms left could not
 * lift an unseen ticket into the results (MaxScore); longer lists are then
 * read only for the candidates still in contention, by galloping to each,
 * and the few left are scored exactly from their own term lists (see
 * maxscore.ts). Results are identical to scoring every ticket.
 *
 * Memory: terms are interned once; postings, field lengths and per-ticket
 * term lists live in typed arrays (about 12 bytes per distinct term of a
 * ticket), ids and text in UTF-8 buffers, so the heap holds nothing per
 * ticket and a million tickets take about 400 MB.
 */
export class LexicalSimilarIndex implements SimilarTicketIndex {
  private readonly options: LexicalIndexOptions;
  private readonly dict = new Map<string, number>();
  private df = new Int32Array(1024);
  private postings: PostingArena;
  private docs: DocTable;
  private readonly bm25: Bm25f;
  private readonly queries: QueryBuilder;
  private acc = new Float32Array(1024);
  private touched = new Int32Array(1024);
  private deadPostings = 0;
  /** During addMany postings are not written per document; one rebuild at the end lays them out. */
  private bulk = false;

  constructor(options: Partial<LexicalIndexOptions> = {}) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
    this.bm25 = new Bm25f(this.options.k1, this.options.b, this.options.weights);
    this.postings = new PostingArena(this.bm25.bound);
    this.docs = new DocTable(this.options.keepText);
    this.queries = new QueryBuilder(this.dict, (term) => this.df[term] ?? 0, () => this.docs.live, this.options);
  }

  get size(): number {
    return this.docs.live;
  }

  async add(doc: ResolvedTicketDoc): Promise<void> {
    this.put(doc);
  }

  /** Bulk loader for start-up: adds (or replaces) every document, synchronously. Returns how many were read. */
  addMany(docs: Iterable<ResolvedTicketDoc>): number {
    let n = 0;
    this.bulk = true;
    try {
      for (const doc of docs) {
        this.put(doc);
        n += 1;
      }
    } finally {
      this.bulk = false;
      this.finishBulk();
    }
    return n;
  }

  /** One pass lays every posting list out contiguously, with no growth slack. */
  private finishBulk(): void {
    if (this.docs.hasDead) this.docs.compact();
    this.docs.trim();
    this.rebuild();
  }

  /**
   * Bulk loader for an asynchronous source (pages read from the store, see
   * {@link resolvedTicketDocs}); like {@link addMany}, posting lists are laid
   * out once at the end.
   */
  async addAll(docs: AsyncIterable<ResolvedTicketDoc> | Iterable<ResolvedTicketDoc>): Promise<number> {
    let n = 0;
    this.bulk = true;
    try {
      for await (const doc of docs) {
        this.put(doc);
        n += 1;
      }
    } finally {
      this.bulk = false;
      this.finishBulk();
    }
    return n;
  }

  async remove(ticketId: string): Promise<void> {
    this.drop(ticketId);
  }

  async search(query: SimilarQuery, options: { readonly limit: number; readonly excludeIds?: readonly string[] }): Promise<SimilarTicket[]> {
    const limit = Math.max(0, Math.floor(options.limit));
    if (limit === 0 || this.docs.live === 0) return [];
    const excluded = new Set<number>();
    for (const id of options.excludeIds ?? []) {
      const slot = this.docs.slotOf(id);
      if (slot !== undefined) excluded.add(slot);
    }
    const q = this.prepare(query);
    if (!q) return [];
    const top = this.retrieve(q, limit, excluded);
    this.queries.release(q);
    return top.map(({ slot, score }) => ({
      ticketId: this.docs.ticketId(slot),
      ref: this.docs.ref(slot),
      title: this.docs.title(slot),
      resolution: this.docs.resolution(slot),
      score: Math.round((score / q.best) * 1e4) / 1e4,
    }));
  }

  async score(query: SimilarQuery, ticketIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const q = this.prepare(query);
    for (const id of ticketIds) {
      const slot = this.docs.slotOf(id);
      if (slot !== undefined) out.set(id, q ? this.exact(slot) / q.best : 0);
    }
    if (q) this.queries.release(q);
    return out;
  }

  /** The index as plain data (views of live storage: write them out before the next change). */
  snapshot(): LexicalSnapshot {
    return {
      options: this.options,
      terms: [...this.dict.keys()],
      df: this.df.subarray(0, this.dict.size),
      docs: this.docs.state(),
      postings: { lists: this.postings.state(), averages: this.bm25.averages },
    };
  }

  /** An index holding a snapshot's documents, exactly as the one that took it (arrays are taken over, not copied). */
  static restore(snapshot: LexicalSnapshot): LexicalSimilarIndex {
    const index = new LexicalSimilarIndex(snapshot.options);
    snapshot.terms.forEach((term, id) => index.dict.set(term, id));
    index.df = new Int32Array(Math.max(1024, snapshot.terms.length));
    index.df.set(snapshot.df);
    index.docs = DocTable.restore(snapshot.docs);
    // The arrays read are exact already: no trim. Posting lists are taken
    // over as written (with the averages their impacts assume), unless
    // dead slots must be renumbered away first.
    if (snapshot.postings && !index.docs.hasDead && snapshot.postings.lists.heads.length <= snapshot.terms.length) {
      index.postings = PostingArena.restore(snapshot.postings.lists, index.bm25.bound, snapshot.terms.length);
      index.bm25.rebase(index.docs.lengths, index.docs.capacity, snapshot.postings.averages);
    } else {
      if (index.docs.hasDead) index.docs.compact();
      index.rebuild();
    }
    const size = Math.max(1024, index.docs.capacity);
    index.acc = new Float32Array(size);
    index.touched = new Int32Array(size);
    return index;
  }

  /** Bytes held in typed arrays (postings, lengths, term lists), for capacity planning. */
  get typedBytes(): number {
    return this.postings.bytes + this.docs.bytes + this.df.byteLength + this.acc.byteLength + this.touched.byteLength;
  }

  /** Distinct terms ever indexed. */
  get vocabularySize(): number {
    return this.dict.size;
  }

  private prepare(query: SimilarQuery): PreparedQuery | null {
    const averages = this.docs.averageLengths();
    if (this.docs.live > 0 && this.bm25.drifted(averages)) this.rebuild();
    return this.queries.prepare(query);
  }

  private retrieve(q: PreparedQuery, limit: number, excluded: ReadonlySet<number>): { slot: number; score: number }[] {
    const ctx: SearchContext = {
      acc: this.acc,
      touched: this.touched,
      live: this.docs.liveFlags,
      slots: this.postings.rawSlots,
      impacts: this.postings.impacts,
      scale: this.postings.scale,
      capacity: this.docs.capacity,
      termsPerDoc: Math.max(1, this.docs.termEntries / Math.max(1, this.docs.live)),
      count: (term) => this.postings.count(term),
      maxImpact: (term) => this.postings.maxImpact(term),
      head: (term) => this.postings.head(term),
      ref: (slot) => this.docs.ref(slot),
      exact: (slot) => this.exact(slot),
      eligible: (slot) => this.sharedTerms(slot) >= Math.min(MIN_SHARED_TERMS, q.words),
    };
    return searchTopK(ctx, q, limit, this.options.floor * q.best, excluded);
  }

  /** Exact score of one ticket for the prepared query (weights set by the query builder), from its own term list. */
  private exact(slot: number): number {
    const terms = this.docs.rawTerms;
    const payloads = this.docs.rawPayloads;
    let s = 0;
    for (let i = this.docs.termStartOf(slot), end = i + this.docs.termCountOf(slot); i < end; i++) {
      const w = this.queries.weightOf(terms[i] ?? 0);
      if (w !== 0) s += w * this.bm25.saturate(payloads[i] ?? 0, slot);
    }
    return s;
  }

  /** How many distinct query terms a ticket contains. */
  private sharedTerms(slot: number): number {
    const terms = this.docs.rawTerms;
    let n = 0;
    for (let i = this.docs.termStartOf(slot), end = i + this.docs.termCountOf(slot); i < end; i++) if (this.queries.weightOf(terms[i] ?? 0) !== 0) n += 1;
    return n;
  }

  private put(doc: ResolvedTicketDoc): void {
    this.drop(doc.ticketId);
    const fields = [tokenize(doc.title), tokenize(doc.description), tokenize(doc.resolution)] as const;
    const shifts = [0, DESCRIPTION_SHIFT, RESOLUTION_SHIFT] as const;
    const tf = new Map<number, number>();
    fields.forEach((tokens, field) => {
      const shift = shifts[field] ?? 0;
      for (const token of tokens) {
        const term = this.intern(token);
        const packed = tf.get(term) ?? 0;
        if (((packed >>> shift) & COUNT_MASK) < COUNT_MASK) tf.set(term, packed + (1 << shift));
      }
    });
    const terms = [...tf.keys()];
    const payloads = terms.map((t) => (tf.get(t) ?? 0) >>> 0);
    const slot = this.docs.insert(doc, [fields[0].length, fields[1].length, fields[2].length], terms, payloads);
    for (const term of terms) this.df[term] = (this.df[term] ?? 0) + 1;
    if (!this.bulk) {
      if (this.bm25.drifted(this.docs.averageLengths())) {
        this.rebuild();
      } else {
        this.bm25.extend(this.docs.lengths, this.docs.capacity);
        terms.forEach((term, i) => this.postings.append(term, slot, this.bm25.saturate(payloads[i] ?? 0, slot)));
      }
    }
    if (this.docs.capacity > this.acc.length) {
      const size = Math.max(this.docs.capacity, this.acc.length * 2);
      this.acc = new Float32Array(size);
      this.touched = new Int32Array(size);
    }
  }

  private drop(ticketId: string): void {
    const terms = this.docs.delete(ticketId);
    if (!terms) return;
    for (const term of terms) this.df[term] = (this.df[term] ?? 0) - 1;
    this.deadPostings += terms.length;
    if (!this.bulk && this.deadPostings > Math.max(COMPACT_MIN, this.postings.entries / 4)) {
      this.docs.compact();
      this.rebuild();
    }
  }

  /** Recomputes scoring constants from the current averages and lays every posting list out again from the documents. */
  private rebuild(): void {
    this.bm25.rebase(this.docs.lengths, this.docs.capacity, this.docs.averageLengths());
    this.postings.rebuild(this.dict.size, (emit) => this.docs.forEachTerm((slot, term, payload) => emit(term, slot, this.bm25.saturate(payload, slot))));
    this.deadPostings = 0;
  }

  private intern(token: string): number {
    let term = this.dict.get(token);
    if (term === undefined) {
      term = this.dict.size;
      this.dict.set(token, term);
      if (term >= this.df.length) {
        const df = new Int32Array(this.df.length * 2);
        df.set(this.df);
        this.df = df;
      }
    }
    return term;
  }
}
