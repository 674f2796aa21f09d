/**
 * Building the store's indexes at start-up on a server that may already hold
 * indexes of its own: made by hand, by an older version, or by another tool.
 *
 * A real server refuses to build an index whose keys an existing index
 * already covers under another name or with other options
 * (IndexOptionsConflict, 85), and an existing name on other keys
 * (IndexKeySpecsConflict, 86). Rather than fail on the first such refusal,
 * the indexes there are compared with the ones the store needs first, and
 * every problem is reported at once with the exact shell command that
 * fixes it. An equivalent index under another name serves the same queries,
 * so it is only warned about; one with other options (unique, sparse, TTL)
 * or hidden from the planner would change what the store can rely on, so
 * start-up stops. Building is bounded by a deadline, so a long build on a
 * large collection never hangs start-up without a word.
 */
import type { Logger } from '../../core/index.js';
import { StoreOpenError } from './errors.js';
import type { Models } from './models.js';

type Key = Record<string, unknown>;

/** An index as listIndexes reports it (only the fields compared here). */
export interface IndexInfo {
  readonly name: string;
  readonly key: Key;
  readonly unique?: boolean;
  readonly sparse?: boolean;
  readonly expireAfterSeconds?: number;
  readonly partialFilterExpression?: Key;
  readonly collation?: Key;
  readonly hidden?: boolean;
}

/** An index the store needs, on one collection. */
export interface WantedIndex extends IndexInfo {
  readonly collection: string;
}

/** What start-up found wrong with an existing index, and the command that mends it. */
export interface IndexProblem {
  readonly collection: string;
  readonly wanted: WantedIndex;
  readonly existing: IndexInfo;
  /** `equivalent`: same keys and options under another name (harmless); the rest stop start-up. */
  readonly kind: 'equivalent' | 'other-options' | 'name-taken' | 'hidden';
  readonly message: string;
  /** A mongosh command to run against the database. */
  readonly fix: string;
}

/** `{ a: 1, b: -1 }` → `a_1_b_-1`, the name a server gives an index created without one. */
export function defaultIndexName(key: Key): string {
  return Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');
}

/** Every index the models' schemas declare. */
export function wantedIndexes(models: Models): WantedIndex[] {
  const out: WantedIndex[] = [];
  for (const model of Object.values(models)) {
    for (const [key, options] of model.schema.indexes()) {
      const o = options as { name?: string; unique?: boolean; sparse?: boolean; expireAfterSeconds?: number; partialFilterExpression?: Key };
      out.push({
        collection: model.collection.collectionName,
        name: o.name ?? defaultIndexName(key as Key),
        key: key as Key,
        ...(o.unique ? { unique: true } : {}),
        ...(o.sparse ? { sparse: true } : {}),
        ...(typeof o.expireAfterSeconds === 'number' ? { expireAfterSeconds: o.expireAfterSeconds } : {}),
        ...(o.partialFilterExpression ? { partialFilterExpression: o.partialFilterExpression } : {}),
      });
    }
  }
  return out;
}

const text = (v: unknown) => JSON.stringify(v ?? null);
/** Options that make two indexes on the same keys different indexes. */
const sameOptions = (a: IndexInfo, b: IndexInfo) =>
  (a.unique ?? false) === (b.unique ?? false) && (a.sparse ?? false) === (b.sparse ?? false) && text(a.expireAfterSeconds) === text(b.expireAfterSeconds);
/** A server keeps indexes on the same keys apart only by partial filter or collation. */
const sameSlot = (a: IndexInfo, b: IndexInfo) => text(a.key) === text(b.key) && text(a.partialFilterExpression) === text(b.partialFilterExpression) && text(a.collation) === text(b.collation);

function describe(i: IndexInfo): string {
  const options = [i.unique ? 'unique' : '', i.sparse ? 'sparse' : '', typeof i.expireAfterSeconds === 'number' ? `expireAfterSeconds ${i.expireAfterSeconds}` : '', i.partialFilterExpression ? `partial ${text(i.partialFilterExpression)}` : '', i.collation ? `collation ${text(i.collation)}` : '', i.hidden ? 'hidden' : '']
    .filter(Boolean)
    .join(', ');
  return `"${i.name}" on ${text(i.key)}${options ? ` (${options})` : ''}`;
}

/**
 * Compares the indexes a collection has with the ones the store needs.
 * Returns the indexes still to build and the problems found.
 */
export function planIndexes(database: string, wanted: readonly WantedIndex[], existing: ReadonlyMap<string, readonly IndexInfo[]>): { build: WantedIndex[]; problems: IndexProblem[] } {
  const build: WantedIndex[] = [];
  const problems: IndexProblem[] = [];
  const shell = (collection: string, call: string) => `db.getSiblingDB(${JSON.stringify(database)}).getCollection(${JSON.stringify(collection)}).${call}`;
  for (const w of wanted) {
    const there = existing.get(w.collection) ?? [];
    const byName = there.find((i) => i.name === w.name);
    const bySlot = there.find((i) => sameSlot(i, w));
    const problem = (existing: IndexInfo, kind: IndexProblem['kind'], message: string, fix: string) => problems.push({ collection: w.collection, wanted: w, existing, kind, message, fix });
    const drop = (i: IndexInfo) => shell(w.collection, `dropIndex(${JSON.stringify(i.name)})`);
    if (byName && sameSlot(byName, w) && sameOptions(byName, w)) {
      if (byName.hidden) problem(byName, 'hidden', `${w.collection}: index ${describe(byName)} is hidden, so queries cannot use it`, shell(w.collection, `unhideIndex(${JSON.stringify(byName.name)})`));
      continue;
    }
    if (byName) {
      problem(byName, 'name-taken', `${w.collection}: index ${describe(byName)} has the name the store needs for ${describe(w)}`, drop(byName));
      continue;
    }
    if (bySlot && sameOptions(bySlot, w)) {
      if (bySlot.hidden) problem(bySlot, 'hidden', `${w.collection}: index ${describe(bySlot)} is the one the store needs (${describe(w)}) but hidden, so queries cannot use it`, shell(w.collection, `unhideIndex(${JSON.stringify(bySlot.name)})`));
      else problem(bySlot, 'equivalent', `${w.collection}: index ${describe(bySlot)} is the store's ${describe(w)} under another name; it is used as it is`, drop(bySlot));
      continue;
    }
    if (bySlot) {
      problem(bySlot, 'other-options', `${w.collection}: index ${describe(bySlot)} covers the keys of the store's ${describe(w)} with other options`, drop(bySlot));
      continue;
    }
    build.push(w);
  }
  return { build, problems };
}

export interface BuildIndexesOptions {
  readonly database: string;
  readonly logger: Logger;
  /** How long building may take before start-up stops with a message (default 120 s). */
  readonly timeoutMs?: number;
}

/**
 * Reads the indexes there, reports problems (all at once, each with its
 * fix), then builds the missing ones. Rejects with a StoreOpenError on a
 * conflict, a refused build or the deadline.
 */
export async function buildIndexes(models: Models, options: BuildIndexesOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  let step = 'reading the existing indexes';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new StoreOpenError(
          `Building the MongoDB indexes of ${options.database} did not finish within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (${step}).`,
          'A large collection takes a while; the server keeps building in the background. Watch it with db.currentOp({ "command.createIndexes": { $exists: true } }) in mongosh and start again when it is done.',
        ),
      );
    }, timeoutMs);
  });
  const work = (async () => {
    const wanted = wantedIndexes(models);
    const collections = Object.values(models).map((m) => m.collection);
    const existing = new Map<string, IndexInfo[]>();
    for (const c of collections) existing.set(c.collectionName, await listIndexes(c));
    const { build, problems } = planIndexes(options.database, wanted, existing);
    for (const p of problems.filter((x) => x.kind === 'equivalent')) {
      options.logger.warn({ collection: p.collection, index: p.existing.name, wanted: p.wanted.name }, `${p.message}. To use the store's own name, run ${p.fix} and restart.`);
    }
    const blocking = problems.filter((x) => x.kind !== 'equivalent');
    if (blocking.length > 0) {
      throw new StoreOpenError(
        `MongoDB database ${options.database} has ${blocking.length === 1 ? 'an index' : `${blocking.length} indexes`} the store cannot work with: ${blocking.map((p) => `${p.message}; fix: ${p.fix}`).join('. ')}.`,
        'Run the commands in mongosh against this database, then start again: the store builds the indexes it needs itself.',
      );
    }
    for (const w of build) {
      step = `building ${w.collection}.${w.name}`;
      const collection = collections.find((c) => c.collectionName === w.collection);
      const { collection: _c, key, ...indexOptions } = w;
      try {
        await collection?.createIndex(key as Record<string, 1 | -1>, indexOptions);
      } catch (error) {
        throw buildError(options.database, w, error);
      }
    }
  })();
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // The deadline may win the race; the build's own outcome is then of no interest.
    work.catch(() => undefined);
  }
}

async function listIndexes(c: Models[keyof Models]['collection']): Promise<IndexInfo[]> {
  try {
    return (await c.listIndexes().toArray()) as unknown as IndexInfo[];
  } catch (error) {
    // A collection that does not exist yet has no indexes.
    if ((error as { code?: unknown }).code === 26) return [];
    throw error;
  }
}

function buildError(database: string, w: WantedIndex, error: unknown): StoreOpenError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 11000) {
    return new StoreOpenError(
      `MongoDB refused to build the unique index ${describe(w)} on ${database}.${w.collection}: existing documents share a value (${message}).`,
      'Remove or merge the duplicates the message names, then start again.',
      { cause: error },
    );
  }
  if (code === 85 || code === 86) {
    return new StoreOpenError(
      `MongoDB refused to build the index ${describe(w)} on ${database}.${w.collection}: ${message}`,
      `An index was created there meanwhile. Compare db.getSiblingDB(${JSON.stringify(database)}).getCollection(${JSON.stringify(w.collection)}).getIndexes() with the one named, drop the one in the way, and start again.`,
      { cause: error },
    );
  }
  return new StoreOpenError(`MongoDB could not build the index ${describe(w)} on ${database}.${w.collection}: ${message}`, 'Check the server\'s log.', { cause: error });
}
