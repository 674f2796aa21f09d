import type { Logger, Store } from '../../core/index.js';
import { openSqliteStore, StoreOpenError as SqliteOpenError } from '../../adapters/sqlite/index.js';
import type { Config } from '../config.js';
import { StartupError } from '../errors.js';

/** MONGODB_URI selects MongoDB; otherwise the embedded SQLite store under DATA_DIR. */
export async function openStore(config: Readonly<Config>, logger: Logger): Promise<Store> {
  if (config.MONGODB_URI) {
    // Loaded only when configured: the driver is large and the embedded default never needs it.
    const { openMongoStore, StoreOpenError: MongoOpenError } = await import('../../adapters/mongo/index.js');
    try {
      return await openMongoStore(config.MONGODB_URI, { logger });
    } catch (error) {
      if (error instanceof MongoOpenError) throw new StartupError(`MONGODB_URI: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ''}`);
      throw error;
    }
  }
  try {
    return openSqliteStore({ dataDir: config.DATA_DIR, ...(config.SQLITE_SYNCHRONOUS ? { synchronous: config.SQLITE_SYNCHRONOUS } : {}) });
  } catch (error) {
    if (error instanceof SqliteOpenError) throw new StartupError(`DATA_DIR: ${error.message}`);
    throw error;
  }
}
