/** The MongoDB store: `openMongoStore(uri)` when MONGODB_URI is set. */
export { openMongoStore, DEFAULT_DATABASE, type MongoStoreOptions } from './open.js';
export { MongoStore } from './store.js';
export { StoreOpenError } from './errors.js';
export { MongoTicketStats } from './stats.js';
