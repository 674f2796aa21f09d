/**
 * similar_p95_100k_ms: search latency of the local similar-ticket index holding
 * 100,000 resolved tickets, plus how long the start-up bulk load takes and
 * how much memory the index holds once built.
 *
 * Tickets are synthetic but built from real text: titles from the shared
 * Stack Overflow and Qatar Living data with a word or two swapped, bodies
 * from sentences of the forum posts, resolutions from support phrasing
 * filled with words of the same vocabulary. Queries are generated the same
 * way with another seed, so they share vocabulary without being copies.
 * similar-1m.ts reports similar_p95_ms over 1,000,000 tickets in the whole bot.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LexicalSimilarIndex } from '../../adapters/local-ai/index.js';
import type { ResolvedTicketDoc } from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 100_000;
const QUERIES = 1_000;
const WARMUP = 50;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared', 'data');

const FALLBACK = ['VPN drops every hour from the Berlin office', 'Printer on floor 3 jams on duplex jobs', 'Outlook stops receiving mail after the update'];
const FIXES = ['Reinstalled', 'Restarted', 'Reset', 'Updated', 'Replaced', 'Reconfigured', 'Cleared', 'Re-enrolled', 'Rolled back', 'Granted access to'];
const CLOSINGS = ['and confirmed with the requester.', 'after checking the logs.', 'then verified it works.', 'as a workaround until the vendor fix.', ''];

export interface Corpus {
  readonly titles: string[];
  readonly sentences: string[];
  readonly words: string[];
}

function lines(file: string): unknown[] {
  try {
    return readFileSync(join(shared, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
  } catch {
    return [];
  }
}

export function corpus(): Corpus {
  const titles: string[] = [];
  const sentences: string[] = [];
  for (const row of lines('skills/stackoverflow-titles-dev.jsonl')) titles.push((row as { title: string }).title);
  for (const file of ['retrieval/qatarliving-train.jsonl', 'retrieval/qatarliving-dev.jsonl']) {
    for (const row of lines(file) as { query: { title: string; body: string }; candidates: { title: string; body: string }[] }[]) {
      for (const post of [row.query, ...row.candidates]) {
        titles.push(post.title);
        for (const s of post.body.split(/(?<=[.!?;])\s+/)) if (s.length > 20) sentences.push(s.slice(0, 300));
      }
    }
  }
  if (titles.length === 0) titles.push(...FALLBACK);
  if (sentences.length === 0) sentences.push(...FALLBACK);
  const words = [...new Set([...titles, ...sentences].join(' ').toLowerCase().split(/[^a-z0-9]+/))].filter((w) => w.length > 3);
  return { titles, sentences, words };
}

/** Deterministic PRNG so every run indexes the same tickets. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

export function ticketText(c: Corpus, r: () => number): { title: string; description: string; resolution: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const words = pick(c.titles).split(' ');
  for (let k = 0; k < 1 + Math.floor(r() * 2); k++) words[Math.floor(r() * words.length)] = pick(c.words);
  const title = words.join(' ').slice(0, 200);
  const description = [pick(c.sentences), pick(c.sentences), r() < 0.5 ? pick(c.sentences) : '', `Seen on host-${Math.floor(r() * 5000)}.`]
    .filter(Boolean)
    .join(' ');
  const resolution = `${pick(FIXES)} the ${pick(c.words)} ${pick(c.words)} ${pick(CLOSINGS)}`.trim();
  return { title, description, resolution };
}

export function* tickets(c: Corpus, n: number): Generator<ResolvedTicketDoc> {
  const r = rng(42);
  for (let i = 1; i <= n; i++) yield { ticketId: `t-${i}`, ref: i, ...ticketText(c, r) };
}

/** A callable gc, so memory figures are live data rather than garbage awaiting collection. */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const suite: BenchSuite = {
  name: 'similar',
  async run(): Promise<Metric[]> {
    const gc = collector();
    const c = corpus();
    gc();
    const before = process.memoryUsage();
    const index = new LexicalSimilarIndex();
    const started = performance.now();
    index.addMany(tickets(c, TICKETS));
    const buildMs = performance.now() - started;
    gc();
    const after = process.memoryUsage();
    if (index.size !== TICKETS) throw new Error(`expected ${TICKETS} indexed tickets, got ${index.size}`);

    const r = rng(7);
    const queries = Array.from({ length: QUERIES + WARMUP }, () => ticketText(c, r));
    const times: number[] = [];
    let answered = 0;
    for (const [i, q] of queries.entries()) {
      const t0 = performance.now();
      const found = await index.search({ title: q.title, description: q.description }, { limit: 3 });
      const ms = performance.now() - t0;
      if (i < WARMUP) continue;
      times.push(ms);
      if (found.length) answered += 1;
    }
    times.sort((a, b) => a - b);
    const heap = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1048576;
    return [
      { metric: 'similar_p95_100k_ms', value: percentile(times, 0.95), unit: 'ms', target: '< 10' },
      { metric: 'similar_p50_ms', value: percentile(times, 0.5), unit: 'ms' },
      { metric: 'similar_build_100k_s', value: buildMs / 1000, unit: 's' },
      { metric: 'similar_index_100k_mb', value: heap, unit: 'MB' },
      { metric: 'similar_answered_pct', value: (100 * answered) / QUERIES, unit: '%' },
    ];
  },
};

export default suite;
