/**
 * Opening the MongoDB store: a dedicated mongoose connection (never the
 * global default), a bounded start-up check so a wrong URI or a stopped
 * server fails start-up within seconds, and every index built (or a clear
 * report of the existing ones in the way) before the store is handed out.
 *
 * Durability and failover: every write asks for `w: "majority"` (a write
 * acknowledged by a majority of the replica set survives a failover; the
 * servers' own default is `w: 1` on 4.4 and on a primary-secondary-arbiter
 * set), reads go to the primary, and after start-up the driver's own server
 * selection time (30 s) applies, so a call made during an election (about
 * 12 s) waits for the new primary instead of failing. Retryable reads and
 * writes (the driver's default) re-send a call the old primary dropped.
 */
import mongoose from 'mongoose';
import { silentLogger, type Logger } from '../../core/index.js';
import { StoreOpenError, redactUri } from './errors.js';
import { buildIndexes } from './indexes.js';
import { bindModels } from './models.js';
import { MongoStore } from './store.js';

export interface MongoStoreOptions {
  /**
   * How long the start-up check looks for a usable server before giving up;
   * 5 000 ms by default. Only the start-up check: later calls wait as long
   * as the driver's default (30 s), long enough to ride out an election.
   */
  readonly serverSelectionTimeoutMs?: number;
  /** How long building missing indexes may take at start-up before it stops with a message; 120 s by default. */
  readonly indexBuildTimeoutMs?: number;
  readonly logger?: Logger;
}

/** Write and read settings of every call: see the module comment. */
export const DURABILITY = { writeConcern: { w: 'majority' }, readPreference: 'primary' } as const;

/** The database used when the URI names none (`mongodb://host:27017`). */
export const DEFAULT_DATABASE = 'helpdesk';

/**
 * Connects, builds indexes and returns the store. Rejects with a
 * StoreOpenError (a sentence without the password, plus a hint) when the URI
 * is malformed or no server answers in time.
 */
export async function openMongoStore(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.serverSelectionTimeoutMs ?? 5_000;
  const shown = redactUri(uri);
  if (!/^mongodb(\+srv)?:\/\/[^/?]+/i.test(uri)) {
    throw new StoreOpenError(
      `MONGODB_URI is not a MongoDB connection string: it must start with mongodb:// or mongodb+srv:// and name a host.`,
      'Use a URI like mongodb://localhost:27017/helpdesk, or unset MONGODB_URI to use the embedded SQLite store.',
    );
  }
  const database = databaseIn(uri) ?? DEFAULT_DATABASE;
  let conn: mongoose.Connection | null = null;
  try {
    conn = mongoose.createConnection(uri, {
      dbName: database,
      ...DURABILITY,
      // Calls go straight to the driver, which waits for a primary (server
      // selection) instead of mongoose queueing them with its own shorter timeout.
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    await withinStartupCheck(conn.asPromise(), timeoutMs);
    const models = bindModels(conn);
    await buildIndexes(models, { database, logger, ...(options.indexBuildTimeoutMs !== undefined ? { timeoutMs: options.indexBuildTimeoutMs } : {}) });
    const description = `mongodb:${shown.replace(/^mongodb(\+srv)?:\/\//i, '').replace(/[/?].*$/, '')}/${database}`;
    const store = new MongoStore(conn, models, description, logger.child({ store: 'mongodb' }));
    await store.prepare(new Date().toISOString());
    logger.info({ store: description }, 'store opened');
    return store;
  } catch (error) {
    // Still connecting, mongoose's close() would wait out the driver's own
    // 30 s; closing the client ends the connection attempt now.
    if (error instanceof StartupCheckTimeout) await conn?.getClient().close().catch(() => undefined);
    else await conn?.close().catch(() => undefined);
    throw openError(error, shown, timeoutMs);
  }
}

/** The start-up check found no server in time (the driver itself would wait 30 s). */
class StartupCheckTimeout extends Error {
  override readonly name = 'ServerSelectionStartupTimeout';
}

/** Bounds the first connection by `timeoutMs` without shortening the driver's wait for later calls. */
async function withinStartupCheck<T>(connecting: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupCheckTimeout(`no server answered within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([connecting, timeout]);
  } finally {
    clearTimeout(timer);
    connecting.catch(() => undefined);
  }
}

/** The database named in the URI's path, if any. */
function databaseIn(uri: string): string | null {
  const m = /^mongodb(?:\+srv)?:\/\/[^/?]+\/([^?]*)/i.exec(uri);
  const name = m?.[1] ? decodeURIComponent(m[1]) : '';
  return name === '' ? null : name;
}

function openError(error: unknown, shown: string, timeoutMs: number): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (name === 'MongoParseError' || name === 'MongoAPIError' || /invalid scheme|URI|Unable to parse|invalid (host|port)/i.test(text)) {
    return new StoreOpenError(`MONGODB_URI (${shown}) could not be parsed: ${stripUri(text)}`, 'Check the URI\'s spelling, port and options; special characters in the password must be percent-encoded.', { cause: error });
  }
  if (/Authentication failed|auth/i.test(text)) {
    return new StoreOpenError(`MongoDB at ${shown} refused the credentials.`, 'Check the user name and password in MONGODB_URI and the authSource option.', { cause: error });
  }
  if (name.includes('ServerSelection') || /ECONNREFUSED|ENOTFOUND|timed out|getaddrinfo/i.test(text)) {
    return new StoreOpenError(
      `No MongoDB server answered at ${shown} within ${Math.round(timeoutMs / 1000)} s.`,
      'Is the server running and reachable from this machine (host, port, firewall)? For a replica set, check the replicaSet option. Unset MONGODB_URI to use the embedded SQLite store.',
      { cause: error },
    );
  }
  return new StoreOpenError(`Could not open the MongoDB store at ${shown}: ${stripUri(text)}`, 'Check MONGODB_URI and the server\'s log.', { cause: error });
}

/** Driver messages sometimes quote the URI, password included. */
function stripUri(text: string): string {
  return text.replace(/mongodb(\+srv)?:\/\/\S+/gi, (u) => redactUri(u));
}
