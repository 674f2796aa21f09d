/**
 * Strings by dense slot number in one UTF-8 buffer, and ticket ids with a
 * hash table over them: the similar-ticket index keeps no JS string or Map
 * entry per ticket (at a million tickets those cost about a hundred bytes
 * each in the heap, and a start-up had to parse and re-insert them all).
 */
import { grownLength, resized } from './arrays.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = 0;
const GONE = -1;
/** A large buffer grows by at most this many bytes at a time. */
const MAX_BYTE_GROWTH = 1 << 24;

/** Everything a {@link TextColumn} holds, for a snapshot: the bytes, and where each slot's text ends. */
export interface TextColumnState {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ends: Uint32Array<ArrayBuffer>;
}

export class TextColumn {
  private bytes = new Uint8Array(1 << 12);
  private ends = new Uint32Array(1 << 10);
  private used = 0;
  private size = 0;

  get count(): number {
    return this.used;
  }

  get byteLength(): number {
    return this.bytes.byteLength + this.ends.byteLength;
  }

  /** Appends a text at the next slot; returns the slot. */
  push(text: string): number {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    this.reserve(this.size + text.length * 3, this.used + 1);
    this.size += encoder.encodeInto(text, this.bytes.subarray(this.size)).written;
    this.ends[this.used] = this.size;
    return this.used++;
  }

  get(slot: number): string {
    return slot < this.used ? decoder.decode(this.view(slot)) : '';
  }

  /** The bytes of a slot's text (a view: valid until the next change). */
  view(slot: number): Uint8Array {
    return this.bytes.subarray(slot === 0 ? 0 : (this.ends[slot - 1] ?? 0), this.ends[slot] ?? 0);
  }

  /** A column of the slots `keep` says, in order (what compaction keeps). */
  select(keep: (slot: number) => boolean): TextColumn {
    const out = new TextColumn();
    for (let slot = 0; slot < this.used; slot++) {
      if (!keep(slot)) continue;
      const v = this.view(slot);
      out.reserve(out.size + v.byteLength, out.used + 1);
      out.bytes.set(v, out.size);
      out.size += v.byteLength;
      out.ends[out.used++] = out.size;
    }
    return out;
  }

  state(): TextColumnState {
    return { bytes: this.bytes.subarray(0, this.size), ends: this.ends.subarray(0, this.used) };
  }

  /** A column holding `state` (taken over, not copied); throws when the offsets do not fit the bytes. */
  static restore(state: TextColumnState): TextColumn {
    const c = new TextColumn();
    let previous = 0;
    for (const end of state.ends) {
      if (end < previous || end > state.bytes.byteLength) throw new Error('text column offsets out of order');
      previous = end;
    }
    c.bytes = state.bytes;
    c.ends = state.ends;
    c.used = state.ends.length;
    c.size = previous;
    return c;
  }

  private reserve(bytes: number, slots: number): void {
    if (bytes > this.bytes.length) {
      this.bytes = resized(this.bytes, grownLength(this.bytes.length, bytes, 2, MAX_BYTE_GROWTH), this.size);
    }
    if (slots > this.ends.length) {
      this.ends = resized(this.ends, Math.max(slots, this.ends.length * 2), this.used);
    }
  }
}

/**
 * Ticket ids by slot, and the slot of an id: open addressing with linear
 * probing over an Int32Array (slot + 1; 0 empty, -1 removed), hashed with
 * FNV-1a over the id's UTF-8 bytes. The table is rebuilt, not stored.
 */
export class IdTable {
  private table: Int32Array;
  /** Entries used, removed ones included (they still lengthen probes until the next rehash). */
  private filled = 0;
  private scratch = new Uint8Array(256);

  /** Indexes the slots of `ids` that `live` says (all by default). */
  constructor(
    private readonly ids: TextColumn = new TextColumn(),
    live: (slot: number) => boolean = () => true,
  ) {
    this.table = new Int32Array(sizeFor(ids.count));
    for (let slot = 0; slot < ids.count; slot++) if (live(slot)) this.place(ids.view(slot), slot);
  }

  get column(): TextColumn {
    return this.ids;
  }

  get byteLength(): number {
    return this.ids.byteLength + this.table.byteLength + this.scratch.byteLength;
  }

  id(slot: number): string {
    return this.ids.get(slot);
  }

  /** The slot an id was added at (and not removed since), or undefined. */
  slotOf(id: string): number | undefined {
    const at = this.find(this.encode(id));
    return at < 0 ? undefined : (this.table[at] ?? 0) - 1;
  }

  /** Adds an id at the next slot (the caller has removed any earlier entry for it); returns the slot. */
  add(id: string): number {
    const slot = this.ids.push(id);
    if ((this.filled + 1) * 2 > this.table.length) this.rehash();
    this.place(this.ids.view(slot), slot);
    return slot;
  }

  /** Forgets an id's slot (its text stays in the column until compaction). */
  remove(id: string): void {
    const at = this.find(this.encode(id));
    if (at >= 0) this.table[at] = GONE;
  }

  /** A table of the slots `keep` says, renumbered densely in order. */
  select(keep: (slot: number) => boolean): IdTable {
    return new IdTable(this.ids.select(keep));
  }

  private find(key: Uint8Array): number {
    const mask = this.table.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const v = this.table[i] ?? EMPTY;
      if (v === EMPTY) return -1;
      if (v !== GONE && equal(this.ids.view(v - 1), key)) return i;
    }
  }

  /** A table sized for the live entries, without the removed ones. */
  private rehash(): void {
    const old = this.table;
    let live = 0;
    for (const v of old) if (v > 0) live += 1;
    this.table = new Int32Array(sizeFor(live + 1));
    this.filled = 0;
    for (const v of old) if (v > 0) this.place(this.ids.view(v - 1), v - 1);
  }

  private place(key: Uint8Array, slot: number): void {
    const mask = this.table.length - 1;
    let i = hash(key) & mask;
    while ((this.table[i] ?? EMPTY) !== EMPTY) i = (i + 1) & mask;
    this.table[i] = slot + 1;
    this.filled += 1;
  }

  private encode(id: string): Uint8Array {
    if (id.length * 3 > this.scratch.length) this.scratch = new Uint8Array(id.length * 3);
    return this.scratch.subarray(0, encoder.encodeInto(id, this.scratch).written);
  }
}

/** A power of two with room for `entries` at most half full. */
function sizeFor(entries: number): number {
  let size = 1 << 10;
  while (size < entries * 2 + 2) size *= 2;
  return size;
}

function hash(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
