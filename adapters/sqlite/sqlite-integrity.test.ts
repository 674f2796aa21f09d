import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, StoreOpenError } from './index.js';

describe('openSqliteStore on a damaged file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-integrity-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start with a clear message instead of failing every later write', async () => {
    const store = openSqliteStore({ dataDir: dir });
    for (let i = 0; i < 300; i++)
      await store.createTicket(
        { id: `t${i}`, title: `Ticket ${i} ${'x'.repeat(200)}`, description: 'd'.repeat(300), requesterId: 'r', origin: { platform: 'console' }, priority: 'LOW', createdAt: new Date().toISOString() },
        [],
      );
    const pageSize = Number(store.db.pragma('page_size', { simple: true }));
    const pages = Number(store.db.pragma('page_count', { simple: true }));
    await store.close();
    expect(pages).toBeGreaterThan(20);

    // Scribble over a run of pages in the middle (the header page stays intact, so SQLite still opens the file).
    const fd = openSync(join(dir, 'helpdesk.db'), 'r+');
    const garbage = Buffer.alloc(pageSize * 4, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, pageSize * Math.floor(pages / 2));
    closeSync(fd);

    let caught: unknown;
    try {
      openSqliteStore({ dataDir: dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreOpenError);
    const message = (caught as Error).message;
    expect(message).toMatch(/damage/);
    expect(message).toMatch(/restore a backup/);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('opens an intact database as before', async () => {
    const first = openSqliteStore({ dataDir: dir });
    await first.close();
    const again = openSqliteStore({ dataDir: dir });
    await again.close();
  });
});
