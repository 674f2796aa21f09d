import type { Logger, Store } from '../../core/index.js';
import { openSqliteStore, StoreOpenError as SqliteOpenError } from '../../adapters/sqlite/index.js';
import type { Config } from '../config.js';
import { StartupError } from '../errors.js';
import { slaSettings } from './sla.js';
import { prepareStats } from './stats.js';

/** MONGODB_URI selects MongoDB; otherwise the embedded SQLite store under DATA_DIR. Either way its ticket stats are filled in before it is used. */
export async function openStore(config: Readonly<Config>, logger: Logger): Promise<Store> {
  const { sla } = slaSettings(config.sla);
  if (config.MONGODB_URI) {
    // Loaded only when configured: the driver is large and the embedded default never needs it.
    const { openMongoStore, StoreOpenError: MongoOpenError } = await import('../../adapters/mongo/index.js');
    let store;
    try {
      store = await openMongoStore(config.MONGODB_URI, { logger });
    } catch (error) {
      if (error instanceof MongoOpenError) throw new StartupError(`MONGODB_URI: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ''}`);
      throw error;
    }
    await prepareStats(store, store.stats, sla, logger);
    return store;
  }
  let store;
  try {
    store = openSqliteStore({ dataDir: config.DATA_DIR, ...(config.SQLITE_SYNCHRONOUS ? { synchronous: config.SQLITE_SYNCHRONOUS } : {}) });
  } catch (error) {
    if (error instanceof SqliteOpenError) throw new StartupError(`DATA_DIR: ${error.message}`);
    throw error;
  }
  await prepareStats(store, store.stats, sla, logger);
  return store;
}
