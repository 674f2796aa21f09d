import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../index.js';

/**
 * Two stores on one fresh database file for each test of the enclosing
 * describe (as a bot and a tool such as the sqlite3 shell would be; the
 * one-process lock is off for this), closed and removed after it.
 * Read `a` and `b` inside tests, not at collection time.
 */
export function twoConnections(): { readonly a: SqliteStore; readonly b: SqliteStore } {
  let dir = '';
  let a: SqliteStore | null = null;
  let b: SqliteStore | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-two-'));
    a = openSqliteStore({ dataDir: dir, exclusive: false });
    b = openSqliteStore({ dataDir: dir, exclusive: false });
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get a() {
      if (!a) throw new Error('only inside a test');
      return a;
    },
    get b() {
      if (!b) throw new Error('only inside a test');
      return b;
    },
  };
}
