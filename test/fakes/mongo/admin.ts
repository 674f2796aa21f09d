/**
 * Handshake, diagnostics, collection and index commands of the test server.
 */
import type { Document } from 'bson';
import type { Cursors } from './reads.js';
import type { Collection, Engine } from './engine.js';
import { CommandError, namespaceNotFound } from './errors.js';
import { assertUnique, indexConflict, parseIndexSpec, type IndexSpec } from './indexes.js';

/** What the server claims to be: a standalone 7.0 without compression or auth. */
export function hello(connectionId: number, legacy: boolean): Document {
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

export function buildInfo(): Document {
  return { version: '7.0.0', gitVersion: 'test-server', versionArray: [7, 0, 0, 0], bits: 64, maxBsonObjectSize: 16 * 1024 * 1024, ok: 1 };
}

export function create(engine: Engine, db: string, cmd: Document): Document {
  const name = String(cmd.create);
  if (engine.collection(db, name)) throw new CommandError(48, 'NamespaceExists', `Collection ${db}.${name} already exists.`);
  engine.ensureCollection(db, name);
  return { ok: 1 };
}

export function createIndexes(engine: Engine, db: string, cmd: Document): Document {
  const name = String(cmd.createIndexes);
  const existed = engine.collection(db, name) !== undefined;
  const coll = engine.ensureCollection(db, name);
  const before = coll.indexes.length;
  const specs = (Array.isArray(cmd.indexes) ? (cmd.indexes as Document[]) : []).map(parseIndexSpec);
  for (const spec of specs) {
    const outcome = indexConflict(coll.indexes, spec);
    if (outcome === 'exists') continue;
    if (outcome !== null) throw outcome;
    if (spec.unique) checkExisting(coll, spec);
    coll.indexes.push(spec);
  }
  const after = coll.indexes.length;
  return {
    createdCollectionAutomatically: !existed,
    numIndexesBefore: before,
    numIndexesAfter: after,
    ...(before === after ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
}

/** Building a unique index over existing duplicates fails like the server's build does. */
function checkExisting(coll: Collection, spec: IndexSpec): void {
  const seen: Document[] = [];
  for (const doc of coll.docs) {
    assertUnique(coll.ns, [spec], seen, doc);
    seen.push(doc);
  }
}

export function listIndexes(engine: Engine, cursors: Cursors, db: string, cmd: Document): Document {
  const name = String(cmd.listIndexes);
  const coll = engine.collection(db, name);
  if (!coll) throw namespaceNotFound(`${db}.${name}`);
  return cursors.start(`${db}.${name}`, coll.indexes.map((i) => ({ ...i })), undefined);
}

export function dropIndexes(engine: Engine, db: string, cmd: Document): Document {
  const name = String(cmd.dropIndexes);
  const coll = engine.collection(db, name);
  if (!coll) throw namespaceNotFound(`${db}.${name}`);
  const before = coll.indexes.length;
  const which = cmd.index;
  const names = which === '*' ? coll.indexes.map((i) => i.name).filter((n) => n !== '_id_') : Array.isArray(which) ? (which as string[]) : [which];
  for (const target of names) {
    const at = coll.indexes.findIndex((i) =>
      typeof target === 'string' ? i.name === target : JSON.stringify(i.key) === JSON.stringify(target),
    );
    if (at < 0) throw new CommandError(27, 'IndexNotFound', `index not found with name [${String(target)}]`);
    if (coll.indexes[at]?.name === '_id_') throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
    coll.indexes.splice(at, 1);
  }
  return { nIndexesWas: before, ok: 1 };
}

export function listCollections(engine: Engine, cursors: Cursors, db: string, cmd: Document): Document {
  const filter = (cmd.filter ?? {}) as Document;
  const wanted = typeof filter.name === 'string' ? filter.name : undefined;
  const infos = engine
    .collections(db)
    .filter((c) => wanted === undefined || c.name === wanted)
    .map((c) =>
      cmd.nameOnly === true
        ? { name: c.name, type: 'collection' }
        : { name: c.name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } },
    );
  return cursors.start(`${db}.$cmd.listCollections`, infos, undefined);
}

export function drop(engine: Engine, db: string, cmd: Document): Document {
  const name = String(cmd.drop);
  const coll = engine.collection(db, name);
  if (!coll) throw namespaceNotFound(`${db}.${name}`);
  const nIndexesWas = coll.indexes.length;
  engine.dropCollection(db, name);
  return { nIndexesWas, ns: `${db}.${name}`, ok: 1 };
}

export function listDatabases(engine: Engine): Document {
  const databases = engine.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: engine.collections(name).length === 0 }));
  return { databases, totalSize: 0, ok: 1 };
}
