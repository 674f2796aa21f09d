import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeminiEmbeddings } from '../../adapters/gemini/index.js';
import { createOpenAIEmbeddings } from '../../adapters/openai/index.js';
import { HybridSimilarIndex } from '../../core/retrieval/index.js';
import { MemorySimilarIndex } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { FakeGemini, type BatchEmbedBody } from './fakes/gemini-server.js';
import { FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks } from './support.js';
import { nodeHasher } from './fakes/hasher.js';

/** Values exactly representable in float32, so both encodings compare exactly. */
const vectorOf = (text: string): number[] => [text.length, 0.5, -0.25, 1 / 1024];

let openai: FakeOpenAI;
let rogue: FakeOpenAI;
let gemini: FakeGemini;

beforeAll(async () => {
  openai = await FakeOpenAI.start({ embed: vectorOf });
  rogue = await FakeOpenAI.start({ embed: vectorOf, forceBase64: true });
  gemini = await FakeGemini.start({ embed: vectorOf });
});
afterAll(async () => {
  await Promise.all([openai.close(), rogue.close(), gemini.close()]);
});
beforeEach(() => {
  openai.requests.length = 0;
  gemini.requests.length = 0;
});

describe('OpenAI embeddings', () => {
  it('asks for floats explicitly and reads them', async () => {
    const e = createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() });
    const out = await e.embed(['abc', 'hello'], 'document');
    expect(openai.embeddingBodies()[0]).toMatchObject({ model: 'text-embedding-3-small', input: ['abc', 'hello'], encoding_format: 'float' });
    expect(openai.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(out.vectors.map((v) => [...v])).toEqual([vectorOf('abc'), vectorOf('hello')]);
    expect(out.inputTokens).toBeGreaterThan(0);
  });

  it('reads base64 when asked for it', async () => {
    const e = createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: openai.url, encoding: 'base64', hooks: instantHooks() });
    const out = await e.embed(['abcd'], 'query');
    expect(openai.embeddingBodies()[0]?.encoding_format).toBe('base64');
    expect(typeof (openai.requests[0]!.body as { encoding_format: string }).encoding_format).toBe('string');
    expect([...out.vectors[0]!]).toEqual(vectorOf('abcd'));
  });

  it('still decodes base64 from a server that ignores encoding_format', async () => {
    const e = createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: rogue.url, hooks: instantHooks() });
    const out = await e.embed(['xyz'], 'document');
    expect(rogue.embeddingBodies()[0]?.encoding_format).toBe('float');
    expect([...out.vectors[0]!]).toEqual(vectorOf('xyz'));
  });
});

describe('Gemini embeddings', () => {
  it('sends one batchEmbedContents request with task type and dimension', async () => {
    const e = createGeminiEmbeddings({ apiKey: 'gm-test', baseUrl: gemini.url, dimensions: 256, hooks: instantHooks() });
    const out = await e.embed(['one', 'three'], 'document');
    expect(gemini.requests).toHaveLength(1);
    const req = gemini.requests[0]!;
    expect(req.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(req.headers['x-goog-api-key']).toBe('gm-test');
    const body = req.body as BatchEmbedBody;
    expect(body.requests).toHaveLength(2);
    expect(body.requests[0]).toMatchObject({ model: 'models/gemini-embedding-001', taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 256 });
    expect(body.requests[1]?.content.parts[0]?.text).toBe('three');
    expect(out.vectors.map((v) => [...v])).toEqual([vectorOf('one'), vectorOf('three')]);
    await e.embed(['q'], 'query');
    expect((gemini.requests[1]!.body as BatchEmbedBody).requests[0]?.taskType).toBe('RETRIEVAL_QUERY');
  });
});

describe('stored vectors', () => {
  const docs = [1, 2, 3, 4, 5].map((n) => ({ ticketId: `t${n}`, ref: n, title: `Ticket ${'x'.repeat(n)}`, description: 'desc', resolution: 'fixed' }));

  function index(store: MemoryStore, model: string) {
    return new HybridSimilarIndex({
      hasher: nodeHasher,
      lexical: new MemorySimilarIndex(),
      embeddings: createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: openai.url, model, hooks: instantHooks() }),
      store,
      batchSize: 2,
    });
  }

  it('records model and dimension, reuses them after a restart and re-embeds lazily in batches after a model change', async () => {
    const store = new MemoryStore();
    const first = index(store, 'text-embedding-3-small');
    for (const d of docs) await first.add(d);
    // Full batches go out while adding; the remainder waits for the next search or flush.
    expect(openai.embeddingBodies().map((b) => (b.input as string[]).length)).toEqual([2, 2]);
    expect(first.pendingCount).toBe(1);
    expect(await first.flush()).toBe(1);
    const record = JSON.parse((await store.getValue('ticket-embeddings', 't3'))!) as { model: string; dim: number };
    expect(record).toMatchObject({ model: 'text-embedding-3-small', dim: 4 });

    openai.requests.length = 0;
    const restarted = index(store, 'text-embedding-3-small');
    for (const d of docs) await restarted.add(d);
    expect(openai.requests).toHaveLength(0);
    expect(restarted.vectorCount).toBe(5);

    const changed = index(store, 'text-embedding-3-large');
    for (const d of docs) await changed.add(d);
    expect(changed.pendingCount).toBe(1);
    await changed.search({ title: 'Ticket', description: '' }, { limit: 3 });
    const sizes = openai.embeddingBodies().map((b) => (b.input as string[]).length);
    // Two batches while adding, the last document before the search, then the query itself.
    expect(sizes).toEqual([2, 2, 1, 1]);
    expect(openai.embeddingBodies().every((b) => b.model === 'text-embedding-3-large')).toBe(true);
    const updated = JSON.parse((await store.getValue('ticket-embeddings', 't5'))!) as { model: string };
    expect(updated.model).toBe('text-embedding-3-large');
  });
});
