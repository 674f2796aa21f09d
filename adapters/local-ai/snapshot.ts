/**
 * The similar-ticket index on disk, so a start-up reads one file and
 * catches up with the changes since it was written instead of tokenizing
 * every resolved ticket again.
 *
 * Layout: a magic line, a 4-byte header length, a JSON header (format
 * version, ranking options, who wrote it for which store, the change
 * cursor, section lengths), then the sections: typed arrays as raw bytes
 * in the machine's byte order (little-endian on x86 and ARM), ids and text
 * as UTF-8 bytes with end offsets, the posting lists as laid out in memory
 * (so a start reads them instead of building them again), the vocabulary
 * as JSON. The file is written next to its final
 * name and renamed, so a crash mid-write leaves the previous snapshot.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TicketChangeCursor } from '../../core/index.js';
import { DEFAULT_INDEX_OPTIONS, LexicalSimilarIndex, type LexicalIndexOptions, type LexicalSnapshot } from './similar-index.js';

const MAGIC = Buffer.from('helpdesk-similar-index\n', 'utf8');
const FORMAT = 3;

/** What a snapshot records besides the index. */
export interface SnapshotMeta {
  /** The store it follows (`Store.description`); a snapshot of another store is ignored. */
  readonly store: string;
  /** The change the index has applied up to. */
  readonly cursor: TicketChangeCursor | null;
  /** Ticket versions applied within the catch-up overlap before the cursor (not applied again after a start). */
  readonly applied?: readonly { readonly id: string; readonly version: number; readonly updatedAt: string }[];
}

type Typed = Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
type ArrayKind = 'i32' | 'u32' | 'u16' | 'u8';
type Section = { readonly name: string; readonly kind: ArrayKind | 'json'; readonly bytes: number };

interface Header {
  readonly format: number;
  readonly options: LexicalIndexOptions;
  readonly meta: SnapshotMeta;
  /** The field-length averages the stored posting impacts were computed with. */
  readonly averages: readonly [number, number, number] | null;
  readonly sections: readonly Section[];
}

/** Every array of the index by section name (text columns as UTF-8 bytes and end offsets). */
function arraysOf(snap: LexicalSnapshot): Record<string, Typed> {
  const d = snap.docs;
  const out: Record<string, Typed> = {
    df: snap.df,
    refs: d.refs,
    live: d.live,
    termStart: d.termStart,
    termCount: d.termCount,
    terms: d.terms,
    payloads: d.payloads,
    lengths: d.lengths,
    idBytes: d.ids.bytes,
    idEnds: d.ids.ends,
  };
  if (d.titles && d.resolutions) Object.assign(out, { titleBytes: d.titles.bytes, titleEnds: d.titles.ends, resolutionBytes: d.resolutions.bytes, resolutionEnds: d.resolutions.ends });
  const p = snap.postings?.lists;
  if (p) Object.assign(out, { postingSlots: p.slots, postingImpacts: p.impacts, postingHeads: p.heads, postingTails: p.tails, postingTailUsed: p.tailUsed, postingCounts: p.counts });
  return out;
}

/** Writes the index atomically; returns the bytes written. */
export function writeSimilarSnapshot(path: string, index: LexicalSimilarIndex, meta: SnapshotMeta): number {
  const snap = index.snapshot();
  const arrays = Object.entries(arraysOf(snap));
  const dict = Buffer.from(JSON.stringify(snap.terms), 'utf8');
  const sections: Section[] = [...arrays.map(([name, a]) => ({ name, kind: kindOf(a), bytes: a.byteLength })), { name: 'dict', kind: 'json' as const, bytes: dict.byteLength }];
  const header = Buffer.from(JSON.stringify({ format: FORMAT, options: snap.options, meta, averages: snap.postings?.averages ?? null, sections } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  try {
    for (const chunk of [MAGIC, length, header, ...arrays.map(([, a]) => bytesOf(a)), dict]) written += writeAll(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return written;
}

/**
 * Reads a snapshot written for `store` with the current ranking options;
 * null when there is none, it is for another store or other options, or
 * it was written by another release (the caller then builds from the
 * store). Every array is read straight into its typed array: no parsing
 * per ticket.
 */
export function readSimilarSnapshot(path: string, store: string, options: LexicalIndexOptions = DEFAULT_INDEX_OPTIONS): { index: LexicalSimilarIndex; meta: SnapshotMeta } | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(MAGIC.byteLength);
    if (readSync(fd, magic, 0, magic.byteLength, null) < magic.byteLength || !magic.equals(MAGIC)) return null;
    const header = JSON.parse(readExactly(fd, readExactly(fd, 4).readUInt32LE()).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.meta.store !== store || JSON.stringify(header.options) !== JSON.stringify(options)) return null;
    const got = new Map<string, unknown>();
    for (const section of header.sections) {
      if (section.kind === 'json') {
        got.set(section.name, JSON.parse(readExactly(fd, section.bytes).toString('utf8')) as unknown);
      } else {
        const array = allocate(section.kind, section.bytes);
        readInto(fd, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
        got.set(section.name, array);
      }
    }
    const take = <T>(name: string): T => {
      if (!got.has(name)) throw new Error(`similar-index snapshot lacks ${name}`);
      return got.get(name) as T;
    };
    const column = (name: string) => ({ bytes: take<Uint8Array<ArrayBuffer>>(`${name}Bytes`), ends: take<Uint32Array<ArrayBuffer>>(`${name}Ends`) });
    const withText = got.has('titleBytes');
    const snapshot: LexicalSnapshot = {
      options,
      terms: take<string[]>('dict'),
      df: take<Int32Array<ArrayBuffer>>('df'),
      docs: {
        ids: column('id'),
        titles: withText ? column('title') : null,
        resolutions: withText ? column('resolution') : null,
        refs: take<Int32Array<ArrayBuffer>>('refs'),
        live: take<Uint8Array<ArrayBuffer>>('live'),
        termStart: take<Int32Array<ArrayBuffer>>('termStart'),
        termCount: take<Int32Array<ArrayBuffer>>('termCount'),
        terms: take<Int32Array<ArrayBuffer>>('terms'),
        payloads: take<Uint16Array<ArrayBuffer>>('payloads'),
        lengths: take<Uint16Array<ArrayBuffer>>('lengths'),
      },
      postings:
        header.averages && got.has('postingSlots')
          ? {
              averages: header.averages,
              lists: {
                slots: take<Int32Array<ArrayBuffer>>('postingSlots'),
                impacts: take<Uint16Array<ArrayBuffer>>('postingImpacts'),
                heads: take<Int32Array<ArrayBuffer>>('postingHeads'),
                tails: take<Int32Array<ArrayBuffer>>('postingTails'),
                tailUsed: take<Int32Array<ArrayBuffer>>('postingTailUsed'),
                counts: take<Int32Array<ArrayBuffer>>('postingCounts'),
              },
            }
          : undefined,
    };
    return { index: LexicalSimilarIndex.restore(snapshot), meta: header.meta };
  } finally {
    closeSync(fd);
  }
}

/** Removes a snapshot (and a leftover partial write). */
export function removeSimilarSnapshot(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.tmp`, { force: true });
}

function kindOf(a: Typed): ArrayKind {
  return a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : 'u8';
}

function allocate(kind: ArrayKind, bytes: number): Typed {
  switch (kind) {
    case 'i32':
      return new Int32Array(bytes / 4);
    case 'u32':
      return new Uint32Array(bytes / 4);
    case 'u16':
      return new Uint16Array(bytes / 2);
    case 'u8':
      return new Uint8Array(bytes);
  }
}

function bytesOf(a: Typed): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function writeAll(fd: number, chunk: Buffer): number {
  for (let off = 0; off < chunk.byteLength; ) off += writeSync(fd, chunk, off, chunk.byteLength - off);
  return chunk.byteLength;
}

function readExactly(fd: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  readInto(fd, b);
  return b;
}

function readInto(fd: number, target: Buffer): void {
  for (let off = 0; off < target.byteLength; ) {
    const n = readSync(fd, target, off, target.byteLength - off, null);
    if (n === 0) throw new Error('similar-index snapshot is truncated');
    off += n;
  }
}
