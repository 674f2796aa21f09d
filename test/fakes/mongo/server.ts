/**
 * A MongoDB wire-protocol test server for the store tests: the real
 * `mongodb` driver and mongoose connect to it on 127.0.0.1 as to a
 * standalone MongoDB 7.0. BSON comes from the `bson` package; query,
 * update, projection and aggregation semantics come from `mingo`.
 *
 * Served: hello / isMaster / ismaster (OP_QUERY handshake and OP_MSG),
 * buildInfo, ping, endSessions, find / getMore / killCursors (filter, sort,
 * skip, limit, projection, batchSize, singleBatch), insert, update (upsert,
 * multi, operators, replacement, pipeline, arrayFilters, `$setOnInsert`),
 * findAndModify (new, upsert, sort, remove, fields), delete, aggregate
 * (cursor; `$lookup` across collections), count, distinct, create,
 * createIndexes / listIndexes / dropIndexes with unique-index enforcement
 * (error 11000 with a server-like errmsg, keyPattern and keyValue;
 * multikey, sparse and partial indexes), listCollections, listDatabases,
 * drop and dropDatabase.
 *
 * Refused as a real server refuses them: a document over 16 MiB on insert
 * or after an update (BSONObjectTooLarge, 10334); a second index on the same
 * keys under another name or with other options (IndexOptionsConflict, 85)
 * and a name reused for other keys (IndexKeySpecsConflict, 86); a `$regex`
 * with a NUL byte (BadValue, "Regular expression cannot contain an embedded
 * null byte") or one that does not compile (51091).
 *
 * NOT modeled — do not rely on these in tests:
 * - Replica sets: no oplog, no change streams, no read concern or write
 *   concern semantics (accepted, ignored and logged in `commands`), no
 *   retryable writes, and no
 *   transactions (a command with a transaction number is rejected with
 *   code 20, as a real standalone server does).
 * - Authentication and TLS (a URI with credentials fails the handshake),
 *   compression (never offered), the streaming hello protocol (no
 *   topologyVersion, so drivers poll).
 * - Concurrency: each command runs to completion before the next starts, so
 *   multi-document operations are isolated here though they are not on a
 *   real server; race tests still exercise the adapter's atomic single-
 *   document operations, but cannot reproduce interleavings inside one
 *   command.
 * - Query planning: indexes are bookkept and enforce uniqueness but every
 *   query scans; `hint`, `explain`, collation and text/geo indexes are
 *   ignored or unsupported. TTL indexes are stored but never expire
 *   documents.
 * - Numeric BSON types are not preserved: int64 and double come back as
 *   int32/double by value; Decimal128 does not take part in arithmetic.
 *   Field-name validation is not enforced.
 * - Operator semantics are mingo's, which differ from the server's in
 *   corners: `$type` does not match array elements, regexes are JavaScript
 *   regexes (not PCRE), and collation is ignored.
 * - `$out` / `$merge`, capped collections, views, time series, GridFS.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Document } from 'bson';
import * as admin from './admin.js';
import { Engine } from './engine.js';
import { CommandError } from './errors.js';
import * as reads from './reads.js';
import { MessageReader, decodeRequest, encodeReply, type WireRequest } from './wire.js';
import * as writes from './writes.js';

/** A command as the server saw it, for assertions on what crossed the wire. */
export interface LoggedCommand {
  readonly db: string;
  readonly name: string;
  readonly command: Document;
}

export interface FakeMongo {
  /** `mongodb://127.0.0.1:<port>/<db>` */
  readonly uri: string;
  readonly port: number;
  readonly engine: Engine;
  readonly commands: LoggedCommand[];
  /** Connections currently open from clients. */
  readonly openConnections: () => number;
  /**
   * Leaves commands named `name` unanswered until the returned function is
   * called (a slow index build, a stalled server), so tests of deadlines
   * need no race against the clock.
   */
  hold(name: string): () => void;
  close(): Promise<void>;
}

type Handler = (ctx: { engine: Engine; cursors: reads.Cursors; db: string; cmd: Document; connectionId: number; legacy: boolean }) => Document;

const HANDLERS: Record<string, Handler> = {
  hello: (c) => admin.hello(c.connectionId, c.legacy),
  ismaster: (c) => admin.hello(c.connectionId, true),
  ping: () => ({ ok: 1 }),
  buildinfo: () => admin.buildInfo(),
  endsessions: () => ({ ok: 1 }),
  find: (c) => reads.find(c.engine, c.cursors, c.db, c.cmd),
  getmore: (c) => reads.getMore(c.cursors, c.db, c.cmd),
  killcursors: (c) => reads.killCursors(c.cursors, c.cmd),
  aggregate: (c) => reads.aggregate(c.engine, c.cursors, c.db, c.cmd),
  count: (c) => reads.count(c.engine, c.db, c.cmd),
  distinct: (c) => reads.distinct(c.engine, c.db, c.cmd),
  insert: (c) => writes.insert(c.engine, c.db, c.cmd),
  update: (c) => writes.update(c.engine, c.db, c.cmd),
  delete: (c) => writes.remove(c.engine, c.db, c.cmd),
  findandmodify: (c) => writes.findAndModify(c.engine, c.db, c.cmd),
  create: (c) => admin.create(c.engine, c.db, c.cmd),
  createindexes: (c) => admin.createIndexes(c.engine, c.db, c.cmd),
  listindexes: (c) => admin.listIndexes(c.engine, c.cursors, c.db, c.cmd),
  dropindexes: (c) => admin.dropIndexes(c.engine, c.db, c.cmd),
  listcollections: (c) => admin.listCollections(c.engine, c.cursors, c.db, c.cmd),
  listdatabases: (c) => admin.listDatabases(c.engine),
  drop: (c) => admin.drop(c.engine, c.db, c.cmd),
  dropdatabase: (c) => {
    c.engine.dropDatabase(c.db);
    return { dropped: c.db, ok: 1 };
  },
};

/**
 * Starts a server on 127.0.0.1 (port 0 picks a free port). Passing the
 * `engine` and `port` of a closed server restarts it with its data, as a
 * server that was down for a while (an outage, an election) comes back.
 */
export async function startFakeMongo(options: { port?: number; db?: string; engine?: Engine } = {}): Promise<FakeMongo> {
  const engine = options.engine ?? new Engine();
  const cursors = new reads.Cursors();
  const commands: LoggedCommand[] = [];
  const sockets = new Set<Socket>();
  let nextConnectionId = 1;
  let nextResponseId = 1;
  const held = new Map<string, (() => void)[]>();

  const run = (request: WireRequest, connectionId: number): Document => {
    const name = Object.keys(request.command)[0] ?? '';
    commands.push({ db: request.db, name, command: request.command });
    const handler = HANDLERS[name.toLowerCase()];
    if (!handler) return new CommandError(59, 'CommandNotFound', `no such command: '${name}'`).toReply();
    if (request.command.txnNumber !== undefined || request.command.startTransaction !== undefined) {
      return new CommandError(20, 'IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos').toReply();
    }
    try {
      return handler({ engine, cursors, db: request.db, cmd: request.command, connectionId, legacy: name !== 'hello' });
    } catch (error) {
      if (error instanceof CommandError) return error.toReply();
      return new CommandError(1, 'InternalError', error instanceof Error ? error.message : String(error)).toReply();
    }
  };

  const server: Server = createServer((socket) => {
    const connectionId = nextConnectionId++;
    const reader = new MessageReader();
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const message of reader.push(chunk)) {
          const request = decodeRequest(message);
          const answer = () => {
            const reply = run(request, connectionId);
            if (!request.moreToCome && !socket.destroyed) socket.write(encodeReply(request, reply, nextResponseId++));
          };
          const queue = held.get((Object.keys(request.command)[0] ?? '').toLowerCase());
          if (queue) queue.push(answer);
          else answer();
        }
      } catch {
        // A frame we cannot parse leaves the stream unrecoverable, as on a real server.
        socket.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    uri: `mongodb://127.0.0.1:${port}/${options.db ?? 'helpdesk_test'}`,
    port,
    engine,
    commands,
    openConnections: () => sockets.size,
    hold(name: string) {
      const key = name.toLowerCase();
      held.set(key, []);
      return () => {
        const queue = held.get(key) ?? [];
        held.delete(key);
        for (const answer of queue) answer();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
