import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedTicketDoc } from '../../core/index.js';
import { LexicalSimilarIndex } from './similar-index.js';
import { readSimilarSnapshot, writeSimilarSnapshot } from './snapshot.js';

/**
 * Search over more tickets than one stretch of slots (16,384), with lists
 * long enough that candidates are looked up by galloping, short enough that
 * others are scanned, and queries long enough that most terms only add to
 * existing candidates: every answer must be what scoring every ticket gives.
 */
const TICKETS = 40_000;
const FLOOR = 0.05;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 0x1_0000_0000;
  };
}

// A Zipf-like vocabulary: a few words in most tickets (long lists), many rare ones.
const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
function texts(seed: number) {
  const next = random(seed);
  const word = () => VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)] ?? 'w0x';
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return { words, doc: (id: string, ref: number): ResolvedTicketDoc => ({ ticketId: id, ref, title: words(4 + Math.floor(next() * 4)), description: words(10 + Math.floor(next() * 20)), resolution: words(5) }) };
}

/** What scoring every ticket gives: the best `limit` at or above the floor, equal scores to the more recent ticket. */
async function exhaustive(index: LexicalSimilarIndex, query: { title: string; description: string }, ids: readonly string[], refOf: ReadonlyMap<string, number>, limit: number) {
  const all = [...(await index.score(query, ids))].filter(([, s]) => s >= FLOOR);
  all.sort((a, b) => b[1] - a[1] || (refOf.get(b[0]) ?? 0) - (refOf.get(a[0]) ?? 0));
  return all.slice(0, limit).map(([id, s]) => [id, Math.round(s * 1e4) / 1e4]);
}

describe('top-k search over many stretches of slots', () => {
  const gen = texts(7);
  const docs = Array.from({ length: TICKETS }, (_, i) => gen.doc(`t-${i + 1}`, i + 1));
  const queries = Array.from({ length: 12 }, (_, k) => ({ title: gen.words(4 + (k % 4)), description: gen.words(6 + 2 * k) }));
  const refOf = new Map<string, number>();
  let index: LexicalSimilarIndex;
  let dir: string;

  const ids = () => [...refOf.keys()];
  async function expectExact(subject: LexicalSimilarIndex, limit = 3): Promise<void> {
    for (const q of queries) {
      const found = await subject.search(q, { limit });
      expect(found.map((f) => [f.ticketId, f.score])).toEqual(await exhaustive(subject, q, ids(), refOf, limit));
    }
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'similar-maxscore-'));
    index = new LexicalSimilarIndex({ floor: FLOOR });
    index.addMany(docs);
    for (const d of docs) refOf.set(d.ticketId, d.ref);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers as scoring every ticket does, on lists laid out by a rebuild', async () => {
    await expectExact(index);
    await expectExact(index, 30);
  });

  it('answers as scoring every ticket does, with excluded tickets', async () => {
    for (const q of queries.slice(0, 4)) {
      const best = (await index.search(q, { limit: 3 })).map((f) => f.ticketId);
      const found = await index.search(q, { limit: 3, excludeIds: best });
      const rest = ids().filter((id) => !best.includes(id));
      expect(found.map((f) => [f.ticketId, f.score])).toEqual(await exhaustive(index, q, rest, refOf, 3));
    }
  });

  it('answers as scoring every ticket does, on lists grown by later additions, replacements and removals', async () => {
    const later = texts(11);
    for (let i = 0; i < 3000; i++) {
      const d = later.doc(`n-${i}`, TICKETS + 1 + i);
      await index.add(d);
      refOf.set(d.ticketId, d.ref);
    }
    // Re-resolved: the old slot goes dead, the new one is at the end.
    for (let i = 0; i < TICKETS; i += 97) {
      const d = later.doc(`t-${i + 1}`, TICKETS + 5000 + i);
      await index.add(d);
      refOf.set(d.ticketId, d.ref);
    }
    for (let i = 1; i < TICKETS; i += 53) {
      await index.remove(`t-${i + 1}`);
      refOf.delete(`t-${i + 1}`);
    }
    expect(index.size).toBe(refOf.size);
    await expectExact(index);
  });

  it('answers the same after a snapshot round trip, and keeps doing so as it changes', async () => {
    const path = join(dir, 'similar-index.snapshot');
    writeSimilarSnapshot(path, index, { store: 's', cursor: null });
    const restored = readSimilarSnapshot(path, 's', index.snapshot().options)?.index as LexicalSimilarIndex;
    expect(restored.size).toBe(index.size);
    await expectExact(restored);
    const more = texts(13);
    for (let i = 0; i < 500; i++) {
      const d = more.doc(`m-${i}`, TICKETS + 50_000 + i);
      await restored.add(d);
      refOf.set(d.ticketId, d.ref);
    }
    await restored.remove('t-2');
    refOf.delete('t-2');
    await expectExact(restored);
  });
});

describe('top-k search that stops reading a stretch early', () => {
  it('keeps what the unread lists could add in a candidate’s bound', async () => {
    // Filler in slot order, a few with the common word; the ticket that
    // wins only through it sits two stretches after the one that sets the bar.
    const next = random(3);
    const rare = Array.from({ length: 5000 }, (_, i) => `r${i.toString(36)}q`);
    const pick = () => rare[Math.floor(next() * rare.length)] ?? 'r0q';
    const docs: ResolvedTicketDoc[] = [];
    const add = (title: string, description: string) => docs.push({ ticketId: `t-${docs.length + 1}`, ref: docs.length + 1, title, description, resolution: pick() });
    for (let i = 0; i < 40_000; i++) {
      if (i === 100) add('alpha beta', pick());
      else if (i === 35_000) add('alpha beta zcommon', `zcommon zcommon ${pick()}`);
      else add(`${pick()} ${pick()}`, `${pick()} ${pick()}${next() < 0.05 ? ' zcommon' : ''}`);
    }
    const index = new LexicalSimilarIndex({ floor: FLOOR });
    index.addMany(docs);
    const query = { title: 'alpha beta zcommon', description: '' };
    const scores = await index.score(query, ['t-101', 't-35001']);
    const without = await index.score({ title: 'alpha beta', description: '' }, ['t-101', 't-35001']);
    // The later ticket wins only with the common word's part.
    expect(scores.get('t-35001') ?? 0).toBeGreaterThan(scores.get('t-101') ?? 0);
    expect(without.get('t-35001') ?? 0).toBeLessThan(without.get('t-101') ?? 0);
    const found = await index.search(query, { limit: 1 });
    expect(found.map((f) => f.ticketId)).toEqual(['t-35001']);
  });
});
