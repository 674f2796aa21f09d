import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../../core/ports/store.contract.js';
import { openSqliteStore } from './index.js';

storeContract('SqliteStore (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-sqlite-'));
  return { store: openSqliteStore({ dataDir: dir }), close: async () => rmSync(dir, { recursive: true, force: true }) };
});

storeContract('SqliteStore (:memory:)', async () => ({ store: openSqliteStore({ dataDir: ':memory:' }) }));
