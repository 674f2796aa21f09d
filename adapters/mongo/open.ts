/**
 * Opening the MongoDB store: a dedicated mongoose connection (never the
 * global default), a bounded server-selection time so a wrong URI or a
 * stopped server fails start-up within seconds, and every index built
 * before the store is handed out.
 */
import mongoose from 'mongoose';
import { silentLogger, type Logger } from '../../core/index.js';
import { StoreOpenError, redactUri } from './errors.js';
import { bindModels, ensureIndexes } from './models.js';
import { MongoStore } from './store.js';

export interface MongoStoreOptions {
  /** How long to look for a usable server before giving up; 5 000 ms by default. */
  readonly serverSelectionTimeoutMs?: number;
  readonly logger?: Logger;
}

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
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      // Fail a call at once while disconnected instead of queueing it silently.
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    await conn.asPromise();
    const models = bindModels(conn);
    await ensureIndexes(models);
    const description = `mongodb:${shown.replace(/^mongodb(\+srv)?:\/\//i, '').replace(/[/?].*$/, '')}/${database}`;
    const store = new MongoStore(conn, models, description, logger.child({ store: 'mongodb' }));
    await store.prepare(new Date().toISOString());
    logger.info({ store: description }, 'store opened');
    return store;
  } catch (error) {
    await conn?.close().catch(() => undefined);
    throw openError(error, shown, timeoutMs);
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
