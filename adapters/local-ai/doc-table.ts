import type { ResolvedTicketDoc } from '../../core/index.js';
import { grownLength, resized } from './arrays.js';
import { IdTable, TextColumn, type TextColumnState } from './text-column.js';

/** Largest per-field term count a ticket's term list records (5 bits, see bm25f.ts); longer runs add next to nothing to BM25. */
export const FIELD_MAX = 31;
/** Field lengths are stored in 16 bits. */
const LENGTH_MAX = 0xffff;
const FIELDS = 3;

/** Everything a {@link DocTable} holds, for a snapshot; arrays are trimmed to what is used. */
export interface DocTableState {
  readonly ids: TextColumnState;
  /** Absent when the table keeps no text. */
  readonly titles: TextColumnState | null;
  readonly resolutions: TextColumnState | null;
  readonly refs: Int32Array<ArrayBuffer>;
  readonly live: Uint8Array<ArrayBuffer>;
  readonly termStart: Int32Array<ArrayBuffer>;
  readonly termCount: Int32Array<ArrayBuffer>;
  readonly terms: Int32Array<ArrayBuffer>;
  readonly payloads: Uint16Array<ArrayBuffer>;
  readonly lengths: Uint16Array<ArrayBuffer>;
}

/**
 * The documents of the similar-ticket index, by dense slot number: what a
 * search result shows (id, ref, title, resolution), the three field lengths
 * BM25F normalizes by, and each document's term ids with packed per-field
 * counts (to undo its document frequencies on removal, and to score a few
 * candidates exactly without scanning posting lists). Slots of removed documents stay dead
 * until {@link DocTable.compact} renumbers the live ones.
 */
export class DocTable {
  private ids = new IdTable();
  /** Null when the table keeps no text (the caller reads it from the store). */
  private titles: TextColumn | null;
  private resolutions: TextColumn | null;
  private refs = new Int32Array(1024);
  private live8 = new Uint8Array(1024);
  private termStart = new Int32Array(1024);
  private termCount = new Int32Array(1024);
  private termArena = new Int32Array(1 << 14);
  private payloadArena = new Uint16Array(1 << 14);
  private arenaUsed = 0;
  private used = 0;
  private liveCount = 0;
  private readonly sums = [0, 0, 0];
  /** Title, description and resolution lengths of slot `s` at `3s`, `3s+1`, `3s+2`. */
  lengths = new Uint16Array(1024 * FIELDS);

  constructor(keepText = true) {
    this.titles = keepText ? new TextColumn() : null;
    this.resolutions = keepText ? new TextColumn() : null;
  }

  get live(): number {
    return this.liveCount;
  }

  /** Slots allocated so far (live or dead). */
  get capacity(): number {
    return this.used;
  }

  get bytes(): number {
    return (
      this.refs.byteLength +
      this.live8.byteLength +
      this.termStart.byteLength * 2 +
      this.termArena.byteLength +
      this.payloadArena.byteLength +
      this.lengths.byteLength +
      this.ids.byteLength +
      (this.titles?.byteLength ?? 0) +
      (this.resolutions?.byteLength ?? 0)
    );
  }

  slotOf(ticketId: string): number | undefined {
    return this.ids.slotOf(ticketId);
  }

  /** 1 for a live slot, 0 for a dead or unused one; for hot loops. */
  get liveFlags(): Uint8Array {
    return this.live8;
  }

  isLive(slot: number): boolean {
    return this.live8[slot] === 1;
  }

  ticketId(slot: number): string {
    return this.ids.id(slot);
  }

  ref(slot: number): number {
    return this.refs[slot] ?? 0;
  }

  title(slot: number): string {
    return this.titles?.get(slot) ?? '';
  }

  resolution(slot: number): string {
    return this.resolutions?.get(slot) ?? '';
  }

  /** Mean title, description and resolution lengths over live documents (at least 1, so empty fields never divide by zero). */
  averageLengths(): [number, number, number] {
    const n = Math.max(1, this.liveCount);
    return [Math.max(1, (this.sums[0] ?? 0) / n), Math.max(1, (this.sums[1] ?? 0) / n), Math.max(1, (this.sums[2] ?? 0) / n)];
  }

  /** Term ids and packed per-field counts of every slot, for exact scoring of a few candidates: slot `s` owns `termStartOf(s) … + termCountOf(s)`. */
  get rawTerms(): Int32Array {
    return this.termArena;
  }

  get rawPayloads(): Uint16Array {
    return this.payloadArena;
  }

  termStartOf(slot: number): number {
    return this.termStart[slot] ?? 0;
  }

  termCountOf(slot: number): number {
    return this.termCount[slot] ?? 0;
  }

  insert(doc: ResolvedTicketDoc, fieldLengths: readonly [number, number, number], terms: readonly number[], payloads: readonly number[]): number {
    const slot = this.used;
    this.reserve(slot + 1, terms.length);
    this.used += 1;
    this.ids.add(doc.ticketId);
    this.titles?.push(doc.title);
    this.resolutions?.push(doc.resolution);
    this.refs[slot] = doc.ref;
    this.live8[slot] = 1;
    for (let f = 0; f < FIELDS; f++) {
      const len = Math.min(LENGTH_MAX, fieldLengths[f] ?? 0);
      this.lengths[slot * FIELDS + f] = len;
      this.sums[f] = (this.sums[f] ?? 0) + len;
    }
    this.termStart[slot] = this.arenaUsed;
    this.termCount[slot] = terms.length;
    this.termArena.set(terms, this.arenaUsed);
    this.payloadArena.set(payloads, this.arenaUsed);
    this.arenaUsed += terms.length;
    this.liveCount += 1;
    return slot;
  }

  /** Calls `visit(slot, term, payload)` for every term of every live document, in ascending slot order. */
  forEachTerm(visit: (slot: number, term: number, payload: number) => void): void {
    for (let slot = 0; slot < this.used; slot++) {
      if (this.live8[slot] !== 1) continue;
      for (let i = this.termStart[slot] ?? 0, end = i + (this.termCount[slot] ?? 0); i < end; i++) {
        visit(slot, this.termArena[i] ?? 0, this.payloadArena[i] ?? 0);
      }
    }
  }

  /** Term entries held for live and dead slots (an upper bound of the live total). */
  get termEntries(): number {
    return this.arenaUsed;
  }

  /** True when some slot is dead, i.e. {@link compact} would reclaim something. */
  get hasDead(): boolean {
    return this.liveCount < this.used;
  }

  /** Releases growth slack after a bulk load. */
  trim(): void {
    if (this.termArena.length > this.arenaUsed + 1024) {
      this.termArena = this.termArena.slice(0, Math.max(1024, this.arenaUsed));
      this.payloadArena = this.payloadArena.slice(0, Math.max(1024, this.arenaUsed));
    }
  }

  /** Marks a document dead; returns its term ids, or undefined when it was not indexed. */
  delete(ticketId: string): Int32Array | undefined {
    const slot = this.ids.slotOf(ticketId);
    if (slot === undefined) return undefined;
    this.ids.remove(ticketId);
    this.live8[slot] = 0;
    this.liveCount -= 1;
    for (let f = 0; f < FIELDS; f++) this.sums[f] = (this.sums[f] ?? 0) - (this.lengths[slot * FIELDS + f] ?? 0);
    // The slot and its text are reclaimed by compact().
    const start = this.termStart[slot] ?? 0;
    return this.termArena.slice(start, start + (this.termCount[slot] ?? 0));
  }

  /** Renumbers live documents densely; returns old slot → new slot (-1 for dead ones) for the postings to follow. */
  compact(): Int32Array {
    const remap = new Int32Array(this.used).fill(-1);
    const arena = new Int32Array(Math.max(1 << 14, this.arenaUsed));
    const payloads = new Uint16Array(arena.length);
    let next = 0;
    let arenaUsed = 0;
    for (let slot = 0; slot < this.used; slot++) {
      if (this.live8[slot] !== 1) continue;
      remap[slot] = next;
      const start = this.termStart[slot] ?? 0;
      const count = this.termCount[slot] ?? 0;
      arena.set(this.termArena.subarray(start, start + count), arenaUsed);
      payloads.set(this.payloadArena.subarray(start, start + count), arenaUsed);
      this.refs[next] = this.refs[slot] ?? 0;
      this.live8[next] = 1;
      this.lengths.copyWithin(next * FIELDS, slot * FIELDS, slot * FIELDS + FIELDS);
      this.termStart[next] = arenaUsed;
      this.termCount[next] = count;
      arenaUsed += count;
      next += 1;
    }
    const live = (slot: number) => remap[slot] !== -1;
    this.ids = this.ids.select(live);
    this.titles = this.titles?.select(live) ?? null;
    this.resolutions = this.resolutions?.select(live) ?? null;
    this.live8.fill(0, next);
    this.termArena = arena;
    this.payloadArena = payloads;
    this.arenaUsed = arenaUsed;
    this.used = next;
    return remap;
  }

  /** The table as plain arrays (views of the live storage: copy or write them out before the next change). */
  state(): DocTableState {
    const n = this.used;
    return {
      ids: this.ids.column.state(),
      titles: this.titles?.state() ?? null,
      resolutions: this.resolutions?.state() ?? null,
      refs: this.refs.subarray(0, n),
      live: this.live8.subarray(0, n),
      termStart: this.termStart.subarray(0, n),
      termCount: this.termCount.subarray(0, n),
      terms: this.termArena.subarray(0, this.arenaUsed),
      payloads: this.payloadArena.subarray(0, this.arenaUsed),
      lengths: this.lengths.subarray(0, n * FIELDS),
    };
  }

  /** A table holding `state` (taken over, not copied). */
  static restore(state: DocTableState): DocTable {
    const t = new DocTable(state.titles !== null);
    const n = state.refs.length;
    const columns = [state.ids, state.titles, state.resolutions].map((c) => (c ? TextColumn.restore(c) : null));
    if (columns.some((c) => c !== null && c.count !== n) || state.live.length !== n || state.termStart.length !== n || state.termCount.length !== n || state.lengths.length !== n * FIELDS)
      throw new Error('similar-index document table columns disagree in length');
    t.ids = new IdTable(columns[0] ?? new TextColumn(), (slot) => state.live[slot] === 1);
    t.titles = columns[1] ?? null;
    t.resolutions = columns[2] ?? null;
    t.refs = state.refs;
    t.live8 = state.live;
    t.termStart = state.termStart;
    t.termCount = state.termCount;
    t.termArena = state.terms;
    t.payloadArena = state.payloads;
    t.arenaUsed = state.terms.length;
    t.lengths = state.lengths;
    t.used = n;
    for (let slot = 0; slot < n; slot++) {
      if (t.live8[slot] !== 1) continue;
      t.liveCount += 1;
      for (let f = 0; f < FIELDS; f++) t.sums[f] = (t.sums[f] ?? 0) + (t.lengths[slot * FIELDS + f] ?? 0);
    }
    return t;
  }

  private reserve(slots: number, terms: number): void {
    if (slots > this.refs.length) {
      const size = grownLength(this.refs.length, slots, 2);
      this.refs = resized(this.refs, size);
      this.termStart = resized(this.termStart, size);
      this.termCount = resized(this.termCount, size);
      this.live8 = resized(this.live8, size);
      this.lengths = resized(this.lengths, size * FIELDS);
    }
    if (this.arenaUsed + terms > this.termArena.length) {
      const size = grownLength(this.termArena.length, this.arenaUsed + terms, 1.5);
      this.termArena = resized(this.termArena, size);
      this.payloadArena = resized(this.payloadArena, size);
    }
  }
}
