import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalSimilarIndex } from '../../adapters/local-ai/index.js';
import { createOpenAIEmbeddings } from '../../adapters/openai/index.js';
import type { SimilarTicketIndex } from '../../core/index.js';
import { HybridSimilarIndex } from '../../core/retrieval/index.js';
import { MemorySimilarIndex } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { error, FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks } from './support.js';
import { nodeHasher } from './fakes/hasher.js';

/**
 * Crafted vectors standing in for a real embedding model: printing
 * vocabulary points one way, VPN vocabulary mostly another.
 */
function crafted(text: string): number[] {
  const t = text.toLowerCase();
  if (/printer|copier|paper|sheets/.test(t)) return [1, 0.1, 0];
  if (/vpn|tunnel/.test(t)) return [0.35, 0.94, 0];
  return [0, 0, 1];
}

const PRINTER = { ticketId: 'p', ref: 11, title: 'Printer jams', description: 'Third floor device jams constantly', resolution: 'Cleared tray rollers' };
const VPN = { ticketId: 'v', ref: 12, title: 'VPN disconnects', description: 'Tunnel drops hourly', resolution: 'Reinstalled client' };
/** Shares no word (of three letters or more) with the printer ticket. */
const PARAPHRASE = { title: 'Copier keeps crumpling', description: 'Paper gets stuck inside' };

let server: FakeOpenAI;

beforeAll(async () => {
  server = await FakeOpenAI.start({ embed: crafted });
});
afterAll(async () => {
  await server.close();
});

/** The hybrid index decorates any lexical index: the test fake and the production one. */
const LEXICAL: [string, () => SimilarTicketIndex][] = [
  ['MemorySimilarIndex', () => new MemorySimilarIndex()],
  ['LexicalSimilarIndex', () => new LexicalSimilarIndex()],
];

async function build(withEmbeddings: boolean, makeLexical: () => SimilarTicketIndex) {
  const lexical = makeLexical();
  const index = new HybridSimilarIndex({
      hasher: nodeHasher,
    lexical,
    embeddings: withEmbeddings ? createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: server.url, hooks: instantHooks() }) : null,
    store: new MemoryStore(),
  });
  await index.add(PRINTER);
  await index.add(VPN);
  return { index, lexical };
}

describe.each(LEXICAL)('hybrid retrieval over %s', (_name, makeLexical) => {
  it('ranks a paraphrase sharing no words above an unrelated ticket when vectors are available', async () => {
    const { index, lexical } = await build(true, makeLexical);
    expect(await lexical.search(PARAPHRASE, { limit: 5 })).toEqual([]);
    const hits = await index.search(PARAPHRASE, { limit: 5 });
    expect(hits.map((h) => h.ref)).toEqual([11, 12]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]).toMatchObject({ ticketId: 'p', title: 'Printer jams', resolution: 'Cleared tray rollers' });
    const scores = await index.score(PARAPHRASE, ['p', 'v']);
    expect(scores.get('p')!).toBeGreaterThan(scores.get('v')!);
  });

  it('fuses lexical and vector rankings and respects exclusions', async () => {
    const { index } = await build(true, makeLexical);
    const hits = await index.search({ title: 'VPN disconnects again', description: 'tunnel' }, { limit: 5, excludeIds: ['p'] });
    expect(hits.map((h) => h.ref)).toEqual([12]);
  });

  it('stays lexical without embeddings', async () => {
    const { index } = await build(false, makeLexical);
    expect(await index.search(PARAPHRASE, { limit: 5 })).toEqual([]);
    expect((await index.search({ title: 'Printer jams', description: '' }, { limit: 5 })).map((h) => h.ref)).toEqual([11]);
  });

  it('falls back to the lexical ranking when the embedding provider fails', async () => {
    const { index } = await build(true, makeLexical);
    const down = error(500, 'down', 'server_error', null);
    server.script('embeddings', down, down, down);
    const hits = await index.search({ title: 'Printer jams once more', description: '' }, { limit: 5 });
    expect(hits.map((h) => h.ref)).toEqual([11]);
  });
});
