import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyContract } from '../../core/ports/store-history.contract.js';
import { storeContract } from '../../core/ports/store.contract.js';
import { sqliteStoreCopy } from './copy.js';
import { openSqliteStore, type SqliteStore } from './index.js';

storeContract('SqliteStore (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-sqlite-'));
  return { store: openSqliteStore({ dataDir: dir }), close: async () => rmSync(dir, { recursive: true, force: true }) };
});

storeContract('SqliteStore (:memory:)', async () => ({ store: openSqliteStore({ dataDir: ':memory:' }) }));

/** The ticket row's own size: what every save rewrites. */
const rowBytes = (store: SqliteStore) => async (id: string) =>
  store.db.prepare('SELECT length(CAST(doc AS BLOB)) + length(title_lc) + length(description_lc) FROM tickets WHERE id = ?').pluck().get(id) as number;

historyContract('SqliteStore (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-sqlite-history-'));
  const store = openSqliteStore({ dataDir: dir });
  return { store, copy: sqliteStoreCopy(store), storedTicketBytes: rowBytes(store), close: async () => rmSync(dir, { recursive: true, force: true }) };
});
