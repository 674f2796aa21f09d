/**
 * Write commands of the test server: insert, update (upsert, multi,
 * arrayFilters), delete and findAndModify, reporting per-statement write
 * errors the way a server does (ordered writes stop at the first one).
 */
import { ObjectId, type Document } from 'bson';
import { applyUpdate, sameValue, seedFromQuery, type Collection, type Engine } from './engine.js';
import { CommandError, badValue } from './errors.js';
import { matching, project } from './reads.js';

function statements(cmd: Document, field: string): Document[] {
  const list = cmd[field];
  if (!Array.isArray(list)) throw new CommandError(9, 'FailedToParse', `BSON field '${field}' is missing but a required field`);
  return list as Document[];
}

/** Runs each statement, collecting write errors; returns the reply. */
function runStatements(cmd: Document, list: Document[], run: (stmt: Document, index: number) => void, reply: Document): Document {
  const ordered = cmd.ordered !== false;
  const writeErrors: Document[] = [];
  for (const [i, stmt] of list.entries()) {
    try {
      run(stmt, i);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      writeErrors.push(error.toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors.length > 0 ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}

export function insert(engine: Engine, db: string, cmd: Document): Document {
  const coll = engine.ensureCollection(db, String(cmd.insert));
  const reply: Document = { n: 0 };
  return runStatements(
    cmd,
    statements(cmd, 'documents'),
    (doc) => {
      coll.insert(doc);
      reply.n += 1;
    },
    reply,
  );
}

interface UpsertOutcome {
  readonly matched: number;
  readonly modified: number;
  readonly upsertedId?: unknown;
}

/** One update statement: modifies the first (or every, with multi) match, or upserts. */
function updateStatement(coll: Collection, stmt: Document): UpsertOutcome {
  const q = (stmt.q ?? {}) as Document;
  const u = stmt.u as Document | Document[];
  if (u === undefined || u === null) throw badValue("BSON field 'u' is missing but a required field");
  const arrayFilters = stmt.arrayFilters as Document[] | undefined;
  const targets = matching(coll, q, stmt.sort as Document | undefined);
  if (targets.length === 0) {
    if (stmt.upsert !== true) return { matched: 0, modified: 0 };
    const doc = upsertDocument(q, u, arrayFilters);
    coll.insert(doc);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  const chosen = stmt.multi === true ? targets : targets.slice(0, 1);
  let modified = 0;
  for (const current of chosen) {
    const next = applyUpdate(current, u, { query: q, isInsert: false, ...(arrayFilters ? { arrayFilters } : {}) });
    if (!sameValue(current, next)) {
      coll.replace(current, next);
      modified++;
    }
  }
  return { matched: chosen.length, modified };
}

function upsertDocument(q: Document, u: Document | Document[], arrayFilters: Document[] | undefined): Document {
  const seed = seedFromQuery(q);
  const isReplacement = !Array.isArray(u) && !Object.keys(u).some((k) => k.startsWith('$'));
  const base = isReplacement ? { _id: seed._id ?? (u as Document)._id ?? new ObjectId() } : seed;
  let doc = applyUpdate(base, u, { query: q, isInsert: true, ...(arrayFilters ? { arrayFilters } : {}) });
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  return doc;
}

export function update(engine: Engine, db: string, cmd: Document): Document {
  const coll = engine.ensureCollection(db, String(cmd.update));
  const reply: Document = { n: 0, nModified: 0 };
  const upserted: Document[] = [];
  const out = runStatements(
    cmd,
    statements(cmd, 'updates'),
    (stmt, index) => {
      const r = updateStatement(coll, stmt);
      if (r.upsertedId !== undefined) {
        upserted.push({ index, _id: r.upsertedId });
        reply.n += 1;
      } else {
        reply.n += r.matched;
        reply.nModified += r.modified;
      }
    },
    reply,
  );
  return upserted.length > 0 ? { ...out, upserted } : out;
}

export function remove(engine: Engine, db: string, cmd: Document): Document {
  const coll = engine.collection(db, String(cmd.delete));
  const reply: Document = { n: 0 };
  return runStatements(
    cmd,
    statements(cmd, 'deletes'),
    (stmt) => {
      const found = matching(coll, (stmt.q ?? {}) as Document);
      const victims = stmt.limit === 1 ? found.slice(0, 1) : found;
      for (const doc of victims) coll?.remove(doc);
      reply.n += victims.length;
    },
    reply,
  );
}

export function findAndModify(engine: Engine, db: string, cmd: Document): Document {
  const coll = engine.ensureCollection(db, String(cmd.findAndModify ?? cmd.findandmodify));
  const q = (cmd.query ?? {}) as Document;
  const fields = cmd.fields as Document | undefined;
  const shape = (doc: Document | null) => (doc ? (project([doc], fields)[0] ?? null) : null);
  const current = matching(coll, q, cmd.sort as Document | undefined)[0] ?? null;
  if (cmd.remove === true) {
    if (current) coll.remove(current);
    return { lastErrorObject: { n: current ? 1 : 0 }, value: shape(current), ok: 1 };
  }
  const u = cmd.update as Document | Document[] | undefined;
  if (u === undefined) throw new CommandError(9, 'FailedToParse', 'Either an update or remove=true must be specified');
  const arrayFilters = cmd.arrayFilters as Document[] | undefined;
  if (!current) {
    if (cmd.upsert !== true) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = coll.insert(upsertDocument(q, u, arrayFilters));
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: cmd.new === true ? shape(doc) : null, ok: 1 };
  }
  const next = applyUpdate(current, u, { query: q, isInsert: false, ...(arrayFilters ? { arrayFilters } : {}) });
  coll.replace(current, next);
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(cmd.new === true ? next : current), ok: 1 };
}
