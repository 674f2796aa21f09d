/**
 * Read commands of the test server: find, getMore, killCursors, aggregate,
 * count and distinct, with server-side cursors and batches.
 */
import { EJSON, Long, type Document } from 'bson';
import { Aggregator, ProcessingMode, Query } from 'mingo';
import type { Collection, Engine } from './engine.js';
import { CommandError, badValue } from './errors.js';

const DEFAULT_FIRST_BATCH = 101;

interface OpenCursor {
  readonly ns: string;
  readonly docs: Document[];
  pos: number;
}

/** Server-side cursors, handed out in batches. */
export class Cursors {
  private next = 1n;
  private readonly open = new Map<bigint, OpenCursor>();

  /** The first batch and a cursor id (0 when everything fit). */
  start(ns: string, docs: Document[], batchSize: number | undefined, single = false): Document {
    const size = batchSize === undefined ? DEFAULT_FIRST_BATCH : batchSize;
    const firstBatch = size === 0 ? [] : docs.slice(0, size);
    let id = 0n;
    if (!single && firstBatch.length < docs.length) {
      id = this.next++;
      this.open.set(id, { ns, docs, pos: firstBatch.length });
    }
    return { cursor: { firstBatch, id: Long.fromBigInt(id), ns }, ok: 1 };
  }

  more(id: bigint, ns: string, batchSize: number | undefined): Document {
    const cursor = this.open.get(id);
    if (!cursor || cursor.ns !== ns) throw new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
    const end = batchSize === undefined || batchSize <= 0 ? cursor.docs.length : cursor.pos + batchSize;
    const nextBatch = cursor.docs.slice(cursor.pos, end);
    cursor.pos += nextBatch.length;
    const done = cursor.pos >= cursor.docs.length;
    if (done) this.open.delete(id);
    return { cursor: { nextBatch, id: Long.fromBigInt(done ? 0n : id), ns }, ok: 1 };
  }

  kill(ids: readonly bigint[]): Document {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(Long.fromBigInt(id));
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }
}

export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (value instanceof Long) return value.toBigInt();
  throw badValue('cursor id must be a number');
}

const optNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : v instanceof Long ? v.toNumber() : undefined);

/** Documents of the collection matching `filter`, in the requested order (live references). */
export function matching(coll: Collection | undefined, filter: Document = {}, sort?: Document): Document[] {
  checkRegexes(filter);
  if (!coll) return [];
  try {
    const query = new Query(filter, {});
    const found = coll.docs.filter((d) => query.test(d));
    if (!sort || Object.keys(sort).length === 0) return found;
    return new Query({}, {}).find(found).sort(sort as Record<string, 1 | -1>).all() as Document[];
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw badValue(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Refuses the patterns a real server refuses before it runs the query, even
 * on a missing collection: a NUL byte in a `$regex` (or a BSON regex value)
 * is BadValue, a pattern that does not compile is error 51091. JavaScript
 * regexes stand in for PCRE, so "does not compile" is JavaScript's verdict.
 */
function checkRegexes(value: unknown, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (value instanceof RegExp) return checkPattern(value.source);
  if (Array.isArray(value)) {
    for (const v of value) checkRegexes(v, depth + 1);
    return;
  }
  const doc = value as Document;
  if (doc._bsontype === 'BSONRegExp' && typeof doc.pattern === 'string') return checkPattern(doc.pattern);
  for (const [key, v] of Object.entries(doc)) {
    if (key === '$regex' && typeof v === 'string') checkPattern(v);
    else checkRegexes(v, depth + 1);
  }
}

function checkPattern(pattern: string): void {
  if (pattern.includes('\0')) throw badValue('Regular expression cannot contain an embedded null byte');
  try {
    new RegExp(pattern, 'u');
  } catch {
    try {
      new RegExp(pattern);
    } catch (error) {
      throw new CommandError(51091, 'Location51091', `Regular expression is invalid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Stored documents are shared with open cursors; mingo must copy before it reshapes them. */
export const COPY_INPUT = { processingMode: ProcessingMode.CLONE_INPUT };

export function project(docs: Document[], projection: Document | undefined): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  return new Query({}, COPY_INPUT).find(docs, projection).all() as Document[];
}

export function find(engine: Engine, cursors: Cursors, db: string, cmd: Document): Document {
  const name = String(cmd.find);
  const coll = engine.collection(db, name);
  let docs = matching(coll, cmd.filter as Document | undefined, cmd.sort as Document | undefined);
  const skip = optNumber(cmd.skip) ?? 0;
  const limit = optNumber(cmd.limit) ?? 0;
  docs = docs.slice(skip, limit === 0 ? undefined : skip + Math.abs(limit));
  docs = project(docs, cmd.projection as Document | undefined);
  const single = cmd.singleBatch === true || limit < 0;
  return cursors.start(`${db}.${name}`, docs, optNumber(cmd.batchSize), single);
}

export function getMore(cursors: Cursors, db: string, cmd: Document): Document {
  return cursors.more(toBigInt(cmd.getMore), `${db}.${String(cmd.collection)}`, optNumber(cmd.batchSize));
}

export function killCursors(cursors: Cursors, cmd: Document): Document {
  const ids = Array.isArray(cmd.cursors) ? (cmd.cursors as unknown[]).map(toBigInt) : [];
  return cursors.kill(ids);
}

export function aggregate(engine: Engine, cursors: Cursors, db: string, cmd: Document): Document {
  const name = String(cmd.aggregate);
  const pipeline = cmd.pipeline as Document[] | undefined;
  if (!Array.isArray(pipeline)) throw new CommandError(9, 'FailedToParse', "'pipeline' option must be specified as an array");
  if (pipeline.some((stage) => '$out' in stage || '$merge' in stage)) throw badValue('$out and $merge are not supported by the test server');
  const source = engine.collection(db, name)?.docs ?? [];
  let out: Document[];
  try {
    const resolver = (other: string) => engine.collection(db, other)?.docs ?? [];
    out = new Aggregator(pipeline, { ...COPY_INPUT, collectionResolver: resolver }).run(source) as Document[];
  } catch (error) {
    throw badValue(error instanceof Error ? error.message : String(error));
  }
  const cursorOpts = (cmd.cursor ?? {}) as Document;
  return cursors.start(`${db}.${name}`, out, optNumber(cursorOpts.batchSize));
}

export function count(engine: Engine, db: string, cmd: Document): Document {
  const docs = matching(engine.collection(db, String(cmd.count)), cmd.query as Document | undefined);
  const skip = optNumber(cmd.skip) ?? 0;
  const limit = optNumber(cmd.limit) ?? 0;
  const n = Math.max(0, Math.min(docs.length - skip, limit === 0 ? Infinity : Math.abs(limit)));
  return { n, ok: 1 };
}

export function distinct(engine: Engine, db: string, cmd: Document): Document {
  const key = String(cmd.key);
  const docs = matching(engine.collection(db, String(cmd.distinct)), cmd.query as Document | undefined);
  const seen = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of valuesAt(doc, key.split('.'))) {
      const id = EJSON.stringify({ v: value }, { relaxed: false });
      if (!seen.has(id)) seen.set(id, value);
    }
  }
  return { values: [...seen.values()], ok: 1 };
}

/** Values at a dotted path, with arrays unwound (distinct's rule). */
function valuesAt(value: unknown, parts: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, parts));
  if (parts.length === 0) return value === undefined ? [] : [value];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = parts;
  return valuesAt((value as Document)[head as string], rest);
}
