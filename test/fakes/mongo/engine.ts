/**
 * The test server's storage: databases of collections held in memory,
 * unique-index enforcement on every write, and MongoDB update semantics
 * (operators, replacement, `$setOnInsert`, upsert seeding) built on mingo.
 * Every method runs synchronously, so each command is atomic.
 */
import { EJSON, ObjectId, calculateObjectSize, deserialize, serialize, type Document } from 'bson';
import { updateOne } from 'mingo/updater';
import { CommandError, badValue } from './errors.js';
import { assertUnique, type IndexSpec } from './indexes.js';

/** The server's document size limit (16 MiB), as `hello` reports it in maxBsonObjectSize. */
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

/** A write whose document would pass 16 MiB, refused as the server refuses it. */
const tooLarge = (message: string) => new CommandError(10334, 'BSONObjectTooLarge', message);

export class Collection {
  docs: Document[] = [];
  indexes: IndexSpec[] = [{ v: 2, key: { _id: 1 }, name: '_id_' }];
  constructor(
    readonly db: string,
    readonly name: string,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Inserts a copy of `doc` (with an ObjectId `_id` when it has none); returns the stored copy. */
  insert(doc: Document): Document {
    // The server stores `_id` first whatever the client's key order.
    const { _id, ...rest } = doc;
    const stored = clone({ _id: _id === undefined ? new ObjectId() : _id, ...rest });
    const size = calculateObjectSize(stored);
    if (size > MAX_BSON_OBJECT_SIZE) throw tooLarge(`object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`);
    assertUnique(this.ns, this.indexes, this.docs, stored);
    this.docs.push(stored);
    return stored;
  }

  /** Replaces `current` by `next`, after the same checks the server makes. */
  replace(current: Document, next: Document): void {
    if (!sameValue(current._id, next._id)) {
      throw new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    const at = this.docs.indexOf(current);
    if (at < 0) throw new Error('replace: document is not in the collection');
    if (calculateObjectSize(next) > MAX_BSON_OBJECT_SIZE) throw tooLarge(`Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`);
    assertUnique(
      this.ns,
      this.indexes,
      this.docs.filter((d) => d !== current),
      next,
    );
    this.docs[at] = next;
  }

  remove(doc: Document): void {
    const at = this.docs.indexOf(doc);
    if (at >= 0) this.docs.splice(at, 1);
  }
}

/** All databases of one server. */
export class Engine {
  private readonly dbs = new Map<string, Map<string, Collection>>();

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** The collection, created implicitly as a write would. */
  ensureCollection(db: string, name: string): Collection {
    if (name === '' || name.includes('$')) throw new CommandError(73, 'InvalidNamespace', `Invalid collection name: ${name}`);
    let colls = this.dbs.get(db);
    if (!colls) {
      colls = new Map();
      this.dbs.set(db, colls);
    }
    let coll = colls.get(name);
    if (!coll) {
      coll = new Collection(db, name);
      colls.set(name, coll);
    }
    return coll;
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  dropCollection(db: string, name: string): boolean {
    return this.dbs.get(db)?.delete(name) ?? false;
  }

  dropDatabase(db: string): void {
    this.dbs.delete(db);
  }

  databaseNames(): string[] {
    return [...this.dbs.keys()];
  }
}

/** Deep copy that keeps BSON types (ObjectId, Date, Binary …). */
export function clone(doc: Document): Document {
  return deserialize(serialize(doc));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return EJSON.stringify({ v: a }, { relaxed: false }) === EJSON.stringify({ v: b }, { relaxed: false });
}

function isOperatorUpdate(u: Document): boolean {
  const keys = Object.keys(u);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * Applies an update (operators, replacement or pipeline) to a copy of `doc`
 * and returns the copy. `isInsert` applies `$setOnInsert` (upserts).
 */
export function applyUpdate(
  doc: Document,
  u: Document | Document[],
  options: { query: Document; arrayFilters?: Document[]; isInsert: boolean },
): Document {
  const next = clone(doc);
  if (Array.isArray(u)) {
    const docs = [next];
    updateOne(docs, {}, u as never);
    return docs[0] as Document;
  }
  if (!isOperatorUpdate(u)) {
    if (Object.keys(u).some((k) => k.startsWith('$'))) throw badValue('Cannot mix update operators and replacement fields');
    if (u._id !== undefined && !sameValue(u._id, doc._id)) {
      throw new CommandError(66, 'ImmutableField', "After applying the update, the (immutable) field '_id' was found to have been altered");
    }
    return { _id: doc._id, ...clone(u) };
  }
  const { $setOnInsert, ...ops } = u as Document & { $setOnInsert?: Document };
  if (options.isInsert && $setOnInsert) ops.$set = { ...(ops.$set as Document | undefined), ...$setOnInsert };
  // An upsert may set `_id` (mingo guards it like an update would).
  const set = ops.$set as Document | undefined;
  if (options.isInsert && set && '_id' in set && next._id === undefined) {
    const { _id, ...rest } = set;
    next._id = _id;
    ops.$set = rest;
  }
  if (Object.keys(ops).length === 0) return next;
  try {
    const docs = [next];
    updateOne(docs, options.isInsert ? {} : options.query, ops as never, options.arrayFilters ? { arrayFilters: options.arrayFilters } : {});
    return docs[0] as Document;
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw badValue(error instanceof Error ? error.message : String(error));
  }
}

/** The document an upsert starts from: the query's equality conditions. */
export function seedFromQuery(query: Document): Document {
  const seed: Document = {};
  const put = (path: string, value: unknown) => {
    const parts = path.split('.');
    let target = seed;
    for (const part of parts.slice(0, -1)) {
      if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
      target = target[part] as Document;
    }
    target[parts[parts.length - 1] as string] = value;
  };
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value as Document[]) {
        for (const [k, v] of Object.entries(seedFromQuery(part))) put(k, v);
      }
    } else if (key.startsWith('$')) {
      continue;
    } else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if ('$eq' in value) put(key, (value as Document).$eq);
    } else {
      put(key, value);
    }
  }
  return seed;
}

function isPlainObject(v: unknown): v is Document {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as object).constructor === Object;
}
