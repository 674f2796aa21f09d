import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiEmbeddings, createGeminiTriage } from '../../adapters/gemini/index.js';
import { createOpenAIEmbeddings, createOpenAITriage } from '../../adapters/openai/index.js';
import { HybridSimilarIndex } from '../../core/retrieval/index.js';
import { FakeClock, MemorySimilarIndex } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createTriageChain } from '../../core/triage/index.js';
import { FakeGemini } from './fakes/gemini-server.js';
import { FakeOpenAI } from './fakes/openai-server.js';
import { keptShapes, redactedShapes } from './redaction-shapes.js';
import { instantHooks, request } from './support.js';
import { nodeHasher } from './fakes/hasher.js';

const SECRETS = {
  email: 'dana.smith@corp.example',
  phone: '+1 415 555 2671',
  key: 'sk-proj-Q2x9Lm4Np7Rt1Vw3Yz6Ab8Cd0Ef',
  password: 'Tr0ub4dor&3',
  card: '4111 1111 1111 1111',
  slack: 'xoxb-2048-4096-abcdefABCDEF',
};

const description = [
  `I am ${SECRETS.email}, phone ${SECRETS.phone}.`,
  `The deploy script prints OPENAI_KEY=${SECRETS.key} and the Slack token ${SECRETS.slack}.`,
  `My password: ${SECRETS.password}`,
  `The card ${SECRETS.card} was charged twice.`,
].join('\n');

let openai: FakeOpenAI;
let gemini: FakeGemini;

beforeAll(async () => {
  openai = await FakeOpenAI.start();
  gemini = await FakeGemini.start();
});
afterAll(async () => {
  await openai.close();
  await gemini.close();
});

function expectClean(raw: string): void {
  for (const [kind, value] of Object.entries(SECRETS)) expect(raw, kind).not.toContain(value);
  // The SDKs JSON-encode the body; check the escaped forms too.
  for (const value of Object.values(SECRETS)) expect(raw).not.toContain(JSON.stringify(value).slice(1, -1));
}

describe('redaction before text leaves for a provider', () => {
  it('sends neither provider any email, phone, key, password or card number', async () => {
    const similar = [{ ticketId: 'o1', ref: 2, title: `Card ${SECRETS.card}`, resolution: `Refunded; told ${SECRETS.email}`, score: 0.5 }];
    for (const engine of [
      createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() }),
      createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
    ]) {
      const chain = createTriageChain({ hasher: nodeHasher, engines: [engine], clock: new FakeClock() });
      const proposal = await chain.triage(request({ title: 'Billing and deploy problems', description }, similar));
      expect(proposal.engine).toBe(engine.name);
    }
    const raws = [...openai.requests, ...gemini.requests].map((r) => r.raw);
    expect(raws).toHaveLength(2);
    for (const raw of raws) {
      expectClean(raw);
      expect(raw).toContain('[REDACTED_EMAIL]');
      expect(raw).toContain('[REDACTED_CARD]');
      expect(raw).toContain('[REDACTED_PASSWORD]');
    }
  });

  it('can be switched off (AI_REDACT=false), for self-hosted models', async () => {
    openai.requests.length = 0;
    const chain = createTriageChain({ hasher: nodeHasher, engines: [createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() })], clock: new FakeClock(), redact: false });
    await chain.triage(request({ description: `Contact ${SECRETS.email}` }));
    expect(openai.requests[0]!.raw).toContain(SECRETS.email);
  });

  it('redacts text sent for embeddings', async () => {
    gemini.requests.length = 0;
    const index = new HybridSimilarIndex({
      hasher: nodeHasher,
      lexical: new MemorySimilarIndex(),
      embeddings: createGeminiEmbeddings({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
      store: new MemoryStore(),
    });
    await index.add({ ticketId: 'r1', ref: 1, title: 'Refund', description, resolution: `Refunded ${SECRETS.card}` });
    await index.search({ title: 'refund', description: `for ${SECRETS.email}` }, { limit: 3 });
    expect(gemini.requests.length).toBeGreaterThanOrEqual(2);
    for (const r of gemini.requests) expectClean(r.raw);
  });

  it('sends no documented shape to either provider, for triage or for embeddings', async () => {
    openai.requests.length = 0;
    gemini.requests.length = 0;
    const shapes = redactedShapes();
    const kept = keptShapes();
    const text = [...shapes.map((s) => s.example), ...kept.map((k) => k.example)].join('\n');
    const similar = [{ ticketId: 'o1', ref: 2, title: 'Earlier report', resolution: text, score: 0.5 }];
    for (const engine of [
      createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() }),
      createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
    ]) {
      const chain = createTriageChain({ hasher: nodeHasher, engines: [engine], clock: new FakeClock() });
      expect((await chain.triage(request({ title: 'Everything at once', description: text }, similar))).engine).toBe(engine.name);
    }
    for (const embeddings of [
      createOpenAIEmbeddings({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() }),
      createGeminiEmbeddings({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
    ]) {
      const index = new HybridSimilarIndex({ hasher: nodeHasher, lexical: new MemorySimilarIndex(), embeddings, store: new MemoryStore() });
      await index.add({ ticketId: 'r1', ref: 1, title: 'Everything at once', description: text, resolution: 'Reset it' });
      await index.search({ title: 'again', description: text }, { limit: 3 });
    }
    const paths = [...openai.requests, ...gemini.requests].map((r) => r.path);
    expect(paths.filter((p) => p.endsWith('/chat/completions') || p.endsWith(':generateContent'))).toHaveLength(2);
    expect(paths.filter((p) => p.endsWith('/embeddings') || p.includes('mbedContent')).length).toBeGreaterThanOrEqual(4);
    for (const raw of [...openai.requests, ...gemini.requests].map((r) => r.raw)) {
      for (const s of shapes) {
        expect(raw, s.shape).not.toContain(s.removed);
        expect(raw, s.shape).not.toContain(JSON.stringify(s.removed).slice(1, -1));
      }
      // What a moderator needs still arrives.
      for (const k of kept) expect(raw, k.shape).toContain(JSON.stringify(k.example).slice(1, -1));
    }
  });
});
