import { randomBytes } from 'node:crypto';
import type { DashboardDeps, DashboardSessionStore, Logger, Store } from '../../core/index.js';
import { SqliteDashboardSessions, SqliteStore } from '../../adapters/sqlite/index.js';
import type { Config } from '../config.js';
import { nodeHasher } from './hasher.js';

/** 256 random bits, URL-safe. */
export const nodeSecrets = { newSecret: () => randomBytes(32).toString('base64url') };

/** Where sign-in links and sessions live: the helpdesk's own database. */
function sessionStoreFor(store: Store): DashboardSessionStore | undefined {
  if (store instanceof SqliteStore) return new SqliteDashboardSessions(store.db);
  // MongoStore keeps them too; checked by shape so the MongoDB driver stays unloaded on SQLite.
  const withSessions = store as Store & { dashboardSessions?: () => DashboardSessionStore };
  if (typeof withSessions.dashboardSessions === 'function') return withSessions.dashboardSessions();
  return undefined;
}

/**
 * The dashboard is on when the bot serves HTTP (PORT); links point at
 * PUBLIC_URL, or at localhost on that port when it is not set.
 */
export function dashboardFor(config: Readonly<Config>, store: Store, logger: Logger): DashboardDeps | undefined {
  if (config.PORT === undefined) return undefined;
  const sessions = sessionStoreFor(store);
  if (!sessions) {
    logger.warn({ store: store.description }, 'the web dashboard is off: this store keeps no sessions');
    return undefined;
  }
  const baseUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  return { sessions, hasher: nodeHasher, secrets: nodeSecrets, baseUrl };
}

/** Session cookies are Secure when people reach the dashboard over https. */
export function secureCookies(dashboard: DashboardDeps): boolean {
  return dashboard.baseUrl.startsWith('https://');
}
