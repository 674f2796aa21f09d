import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite/index.js';
import { DEFAULT_INDEX_OPTIONS, readSimilarSnapshot } from '../../adapters/local-ai/index.js';
import { resolve, silentLogger, type Ticket } from '../../core/index.js';
import { at, MINUTE, newTicket } from '../../core/ports/store-fixtures.contract.js';
import { buildSimilarIndex, snapshotPathFor } from './similar.js';

async function resolved(store: SqliteStore, title: string, when: string): Promise<Ticket> {
  const t = (await store.createTicket(newTicket({ title, description: 'paper stuck in tray two' }), [])).ticket;
  const r = resolve(t, 'mod', 'Replaced the duplex roller', when);
  if (!r.ok) throw new Error(r.error.message);
  return store.updateTicket(r.value, { expectedVersion: t.version });
}

describe('the similar-ticket index of a bot process', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'similar-wiring-'));
    store = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a snapshot after building, and the next start reads it and catches up with what changed since', async () => {
    const path = snapshotPathFor(dir) as string;
    const first = await resolved(store, 'Printer jams on duplex jobs', at(MINUTE));
    const a = await buildSimilarIndex({ store, logger: silentLogger, snapshotPath: path });
    expect(a.index.size).toBe(1);
    expect(existsSync(path)).toBe(true);
    await a.stop();

    const second = await resolved(store, 'Printer jams on duplex again', at(2 * MINUTE));
    const before = readSimilarSnapshot(path, store.description, { ...DEFAULT_INDEX_OPTIONS, keepText: false });
    expect(before?.index.size).toBe(1);
    const b = await buildSimilarIndex({ store, logger: silentLogger, snapshotPath: path });
    expect(b.index.size).toBe(2);
    const hits = await b.index.search({ title: 'printer jams on duplex', description: '' }, { limit: 5 });
    expect(hits.map((h) => [h.ref, h.title, h.resolution]).sort()).toEqual(
      [
        [first.ref, first.title, 'Replaced the duplex roller'],
        [second.ref, second.title, 'Replaced the duplex roller'],
      ].sort(),
    );
    await b.stop();
    expect(readSimilarSnapshot(path, store.description, { ...DEFAULT_INDEX_OPTIONS, keepText: false })?.index.size).toBe(2);
  });

  it('keeps no snapshot for an in-memory data directory', () => {
    expect(snapshotPathFor(':memory:')).toBeNull();
  });
});
