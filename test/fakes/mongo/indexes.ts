/**
 * Index bookkeeping for the test server. Indexes are not used to answer
 * queries (every query scans); they exist so that `listIndexes` reports
 * what was created and so that unique indexes reject duplicates exactly as
 * a server does: multikey over arrays, null for missing fields, `sparse`
 * and `partialFilterExpression` respected, error 11000 with keyPattern and
 * keyValue.
 */
import { EJSON, ObjectId, type Document } from 'bson';
import { Query } from 'mingo';
import { CommandError } from './errors.js';

export interface IndexSpec {
  readonly v: 2;
  readonly key: Document;
  readonly name: string;
  readonly unique?: boolean;
  readonly sparse?: boolean;
  readonly partialFilterExpression?: Document;
  readonly expireAfterSeconds?: number;
}

const MISSING = Symbol('missing');
/** An empty array is indexed as `undefined`, distinct from null or missing. */
const EMPTY_ARRAY = Symbol('empty-array');
type KeyPart = unknown;

/** `{ a: 1, b: -1 }` → `a_1_b_-1`, the server's default index name. */
export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');
}

/** Reads the spec of a `createIndexes` entry, rejecting what the server would. */
export function parseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key as Document | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) {
    throw new CommandError(67, 'CannotCreateIndex', 'Index key pattern must be a non-empty document');
  }
  const name = typeof raw.name === 'string' ? raw.name : defaultIndexName(key);
  return {
    v: 2,
    key,
    name,
    ...(raw.unique === true ? { unique: true } : {}),
    ...(raw.sparse === true ? { sparse: true } : {}),
    ...(raw.partialFilterExpression ? { partialFilterExpression: raw.partialFilterExpression as Document } : {}),
    ...(typeof raw.expireAfterSeconds === 'number' ? { expireAfterSeconds: raw.expireAfterSeconds } : {}),
  };
}

/** Same key and the same options that matter for equality. */
export function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  const norm = (s: IndexSpec) =>
    EJSON.stringify({ key: s.key, unique: s.unique ?? false, sparse: s.sparse ?? false, pfe: s.partialFilterExpression ?? null, ttl: s.expireAfterSeconds ?? null });
  return norm(a) === norm(b);
}

/** The spec as the server prints it in conflict messages. */
function shown(s: IndexSpec): string {
  return EJSON.stringify(s, { relaxed: true });
}

/**
 * How the server answers a request for `spec` given the indexes there:
 * 'exists' (the very same index: nothing to do), null (build it), or the
 * error it refuses with. An index with the same key may coexist only when
 * the partial filter differs; anything else with the same key, or the same
 * name on another key or other options, is refused (IndexOptionsConflict 85,
 * IndexKeySpecsConflict 86), as a real server does.
 */
export function indexConflict(existing: readonly IndexSpec[], spec: IndexSpec): 'exists' | CommandError | null {
  const sameName = existing.find((i) => i.name === spec.name);
  if (sameName) {
    if (sameIndex(sameName, spec)) return 'exists';
    if (EJSON.stringify(sameName.key) !== EJSON.stringify(spec.key)) {
      return new CommandError(
        86,
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${shown(spec)}, existing index: ${shown(sameName)}`,
      );
    }
    return new CommandError(85, 'IndexOptionsConflict', `An equivalent index already exists with the same name but different options. Requested index: ${shown(spec)}, existing index: ${shown(sameName)}`);
  }
  const pfe = (s: IndexSpec) => EJSON.stringify(s.partialFilterExpression ?? null);
  const sameKey = existing.find((i) => EJSON.stringify(i.key) === EJSON.stringify(spec.key) && pfe(i) === pfe(spec));
  if (!sameKey) return null;
  if (sameIndex(sameKey, spec)) return new CommandError(85, 'IndexOptionsConflict', `Index already exists with a different name: ${sameKey.name}`);
  return new CommandError(85, 'IndexOptionsConflict', `An equivalent index already exists with a different name and options. Requested index: ${shown(spec)}, existing index: ${shown(sameKey)}`);
}

/** Values at a dotted path, expanded over arrays the way multikey indexes do. */
function pathValues(value: unknown, parts: readonly string[]): KeyPart[] {
  if (parts.length === 0) {
    if (Array.isArray(value)) return value.length === 0 ? [EMPTY_ARRAY] : value;
    return [value === undefined ? MISSING : value];
  }
  if (Array.isArray(value)) {
    const [head] = parts;
    if (head !== undefined && /^\d+$/.test(head)) return pathValues(value[Number(head)], parts.slice(1));
    const found = value.flatMap((v) => (v !== null && typeof v === 'object' ? pathValues(v, parts) : []));
    return found.length === 0 ? [MISSING] : found;
  }
  if (value === null || typeof value !== 'object') return [MISSING];
  const [head, ...rest] = parts;
  return pathValues((value as Document)[head as string], rest);
}

type Keys = Array<{ id: string; values: KeyPart[] }> | null;

/**
 * Keys of stored documents, computed once: the engine never changes a
 * stored document in place (an update stores a new object), so a document
 * object's keys never go stale.
 */
const keyCache = new WeakMap<Document, WeakMap<IndexSpec, Keys>>();

function cachedKeys(spec: IndexSpec, doc: Document): Keys {
  let perSpec = keyCache.get(doc);
  if (!perSpec) {
    perSpec = new WeakMap();
    keyCache.set(doc, perSpec);
  }
  if (!perSpec.has(spec)) perSpec.set(spec, indexKeys(spec, doc));
  return perSpec.get(spec) ?? null;
}

/** Every index key of `doc` as [canonical string, values per field], or null when the index skips the doc. */
function indexKeys(spec: IndexSpec, doc: Document): Keys {
  if (spec.partialFilterExpression && !new Query(spec.partialFilterExpression, {}).test(doc)) return null;
  const fields = Object.keys(spec.key);
  const perField = fields.map((f) => pathValues(doc, f.split('.')));
  if (spec.sparse && perField.every((vals) => vals.every((v) => v === MISSING))) return null;
  let tuples: KeyPart[][] = [[]];
  for (const vals of perField) tuples = tuples.flatMap((t) => [...new Set(vals)].map((v) => [...t, v]));
  return tuples.map((values) => ({ id: values.map(canonical).join('\u0000'), values }));
}

function canonical(v: KeyPart): string {
  if (v === MISSING) return 'null';
  if (v === EMPTY_ARRAY) return 'undefined';
  return EJSON.stringify({ v }, { relaxed: false });
}

function display(v: KeyPart): string {
  if (v === MISSING || v === null) return 'null';
  if (v === EMPTY_ARRAY) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  return EJSON.stringify(v as Document, { relaxed: true });
}

function plain(v: KeyPart): unknown {
  if (v === MISSING) return null;
  if (v === EMPTY_ARRAY) return undefined;
  return v;
}

/**
 * Throws the server's E11000 error when `candidate` collides with any other
 * document (`others` must not contain the candidate's previous version).
 */
export function assertUnique(ns: string, indexes: readonly IndexSpec[], others: Iterable<Document>, candidate: Document): void {
  const unique = indexes.filter((s) => s.unique || s.name === '_id_');
  if (unique.length === 0) return;
  const wanted = unique.map((spec) => ({ spec, keys: indexKeys(spec, candidate) }));
  for (const other of others) {
    for (const { spec, keys } of wanted) {
      if (keys === null || keys.length === 0) continue;
      const otherKeys = cachedKeys(spec, other);
      if (otherKeys === null) continue;
      const ids = new Set(otherKeys.map((k) => k.id));
      const clash = keys.find((k) => ids.has(k.id));
      if (clash) throw duplicateKey(ns, spec, clash.values);
    }
  }
}

function duplicateKey(ns: string, spec: IndexSpec, values: KeyPart[]): CommandError {
  const fields = Object.keys(spec.key);
  const shown = fields.map((f, i) => `${f}: ${display(values[i])}`).join(', ');
  const keyValue: Document = {};
  fields.forEach((f, i) => {
    keyValue[f] = plain(values[i]);
  });
  return new CommandError(11000, 'DuplicateKey', `E11000 duplicate key error collection: ${ns} index: ${spec.name} dup key: { ${shown} }`, {
    keyPattern: spec.key,
    keyValue,
  });
}
