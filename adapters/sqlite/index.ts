/** SQLite store adapter: the default, embedded database of the helpdesk. */
export { DEFAULT_DB_FILE, openSqliteStore, StoreOpenError, type SqliteStoreOptions } from './open.js';
export { SqliteStore } from './sqlite-store.js';
export { SqliteTicketStats } from './stats.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { SqliteDashboardSessions } from './dashboard-sessions.js';
