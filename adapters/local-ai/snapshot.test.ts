import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedTicketDoc } from '../../core/index.js';
import { LexicalSimilarIndex } from './similar-index.js';
import { readSimilarSnapshot, writeSimilarSnapshot } from './snapshot.js';

const doc = (n: number, title: string, description: string, resolution: string): ResolvedTicketDoc => ({ ticketId: `t-${n}`, ref: n, title, description, resolution });

const DOCS = [
  doc(1, 'VPN drops every hour', 'The VPN client disconnects from the Berlin office every hour.', 'Reinstalled the VPN client profile.'),
  doc(2, 'Printer on floor 3 jams', 'The shared printer jams on duplex jobs.', 'Replaced the fuser unit.'),
  doc(3, 'Outlook not receiving mail', 'New messages stop arriving in Outlook; webmail works.', 'Rebuilt the Outlook profile.\nChecked the rules — none.'),
  doc(4, 'Laptop fan is loud', 'The fan spins at full speed all day.', 'Cleaned the vents and updated the BIOS.'),
  doc(5, 'VPN disconnects at the Berlin office', 'Every hour the tunnel closes.', 'Moved the client to the new VPN gateway.'),
];
const QUERIES = [
  { title: 'VPN keeps disconnecting', description: 'My VPN disconnects every hour in the office' },
  { title: 'printer jam', description: 'duplex jobs jam the printer' },
  { title: 'Outlok not recieving mail', description: '' },
];
const CURSOR = { updatedAt: '2026-01-05T09:00:00.000Z', id: 't-5' };

async function results(index: LexicalSimilarIndex) {
  return Promise.all(QUERIES.map((q) => index.search(q, { limit: 3 })));
}

describe('similar-index snapshot', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'similar-snapshot-'));
    path = join(dir, 'similar-index.snapshot');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back an index that answers exactly as the one written, with its cursor', async () => {
    const index = new LexicalSimilarIndex();
    index.addMany(DOCS);
    await index.remove('t-4');
    const expected = await results(index);
    expect(writeSimilarSnapshot(path, index, { store: 'sqlite:a.db', cursor: CURSOR })).toBeGreaterThan(0);

    const read = readSimilarSnapshot(path, 'sqlite:a.db');
    expect(read?.meta.cursor).toEqual(CURSOR);
    const restored = read?.index as LexicalSimilarIndex;
    expect(restored.size).toBe(4);
    expect(await results(restored)).toEqual(expected);
    expect(await restored.score(QUERIES[0] as (typeof QUERIES)[0], ['t-1', 't-4', 't-5'])).toEqual(await index.score(QUERIES[0] as (typeof QUERIES)[0], ['t-1', 't-4', 't-5']));
  });

  it('keeps working after a read: added and removed tickets rank as in an index built afresh', async () => {
    const index = new LexicalSimilarIndex();
    index.addMany(DOCS.slice(0, 3));
    writeSimilarSnapshot(path, index, { store: 's', cursor: null });
    const restored = readSimilarSnapshot(path, 's')?.index as LexicalSimilarIndex;
    for (const d of DOCS.slice(3)) await restored.add(d);
    await restored.remove('t-2');
    const fresh = new LexicalSimilarIndex();
    for (const d of DOCS.filter((d) => d.ticketId !== 't-2')) await fresh.add(d);
    expect(restored.size).toBe(4);
    expect((await results(restored)).map((r) => r.map((s) => s.ref))).toEqual((await results(fresh)).map((r) => r.map((s) => s.ref)));
  });

  it('ignores a snapshot of another store, of other ranking options, or none at all', () => {
    const index = new LexicalSimilarIndex({ floor: 0.2 });
    index.addMany(DOCS);
    expect(readSimilarSnapshot(path, 's')).toBeNull();
    writeSimilarSnapshot(path, index, { store: 's', cursor: null });
    expect(readSimilarSnapshot(path, 'other')).toBeNull();
    expect(readSimilarSnapshot(path, 's')).toBeNull();
    expect(readSimilarSnapshot(path, 's', { ...index.snapshot().options })).not.toBeNull();
  });

  it('refuses a truncated or foreign file instead of loading half an index', () => {
    const index = new LexicalSimilarIndex();
    index.addMany(DOCS);
    writeSimilarSnapshot(path, index, { store: 's', cursor: null });
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.byteLength - 10));
    expect(() => readSimilarSnapshot(path, 's')).toThrow(/truncated/);
    writeFileSync(path, 'not a snapshot at all');
    expect(readSimilarSnapshot(path, 's')).toBeNull();
  });
});
