import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeminiTriage, GEMINI_DEFAULT_MODEL } from '../../adapters/gemini/index.js';
import { LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { createOpenAITriage } from '../../adapters/openai/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createTriageChain, totalCalls } from '../../core/triage/index.js';
import type { TriageEngine } from '../../core/index.js';
import { FakeGemini, googleError } from './fakes/gemini-server.js';
import { FakeHttpServer } from './fakes/http.js';
import { error, FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks, request } from './support.js';
import { nodeHasher } from './fakes/hasher.js';

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
beforeEach(() => {
  openai.requests.length = 0;
  gemini.requests.length = 0;
});

const localEngine = () => new LocalTriageEngine();

function engines(options: { openaiTimeoutMs?: number; openaiUrl?: string } = {}): TriageEngine[] {
  return [
    createOpenAITriage({ apiKey: 'sk-test', baseURL: options.openaiUrl ?? openai.url, hooks: instantHooks(), maxRetries: 1, ...(options.openaiTimeoutMs ? { timeoutMs: options.openaiTimeoutMs } : {}) }),
    createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks(), maxRetries: 1 }),
    localEngine(),
  ];
}

describe('triage chain over real SDKs and fake providers', () => {
  it('moves to the next provider after 5xx on the first', async () => {
    openai.script('chat', error(500, 'boom', 'server_error', null), error(500, 'boom', 'server_error', null));
    const chain = createTriageChain({ hasher: nodeHasher, engines: engines(), clock: new FakeClock() });
    const proposal = await chain.triage(request());
    expect(proposal.engine).toBe('gemini');
    expect(openai.requests).toHaveLength(2);
    expect(gemini.requests).toHaveLength(1);
    const stats = chain.stats();
    expect(stats.engines.openai).toMatchObject({ attempts: 1, failures: 1, calls: 2 });
    expect(stats.engines.gemini).toMatchObject({ successes: 1, calls: 1 });
  });

  it('moves to the next provider when the first times out', async () => {
    openai.script('chat', { hang: true });
    const chain = createTriageChain({ hasher: nodeHasher, engines: engines({ openaiTimeoutMs: 300 }), clock: new FakeClock() });
    const proposal = await chain.triage(request());
    expect(proposal.engine).toBe('gemini');
    expect(proposal.model).toBe(GEMINI_DEFAULT_MODEL);
  });

  it('ends at the local engine when every provider is down, and does not cache that answer', async () => {
    openai.script('chat', error(503, 'down', 'server_error', null), error(503, 'down', 'server_error', null));
    gemini.script('generate', googleError(500, 'Internal', 'INTERNAL'), googleError(500, 'Internal', 'INTERNAL'));
    const store = new MemoryStore();
    const chain = createTriageChain({ hasher: nodeHasher, engines: engines(), clock: new FakeClock(), cache: store });
    const first = await chain.triage(request());
    expect(first.engine).toBe('local');
    // Providers are back: the same text is triaged afresh by the preferred one.
    const again = await chain.triage(request({ id: 't-2' }));
    expect(again.engine).toBe('openai');
  });

  it('returns a minimal triage when even the last engine throws', async () => {
    const broken: TriageEngine = { name: 'local', triage: async () => Promise.reject(new Error('model file missing')) };
    const dead = await FakeHttpServer.start(() => ({ status: 500 }));
    await dead.close();
    const chain = createTriageChain({
        hasher: nodeHasher,
      engines: [createOpenAITriage({ apiKey: 'sk-test', baseURL: `${dead.origin}/v1`, hooks: instantHooks(), maxRetries: 0 }), broken],
      clock: new FakeClock(),
    });
    const proposal = await chain.triage(request());
    expect(proposal).toMatchObject({ engine: 'fallback', priority: 'MEDIUM', summary: 'VPN keeps dropping' });
    expect(chain.stats().fallbacks).toBe(1);
  });

  it('opens the circuit after repeated failures and tries again after the cool-down', async () => {
    const dead = await FakeHttpServer.start(() => ({ status: 500 }));
    const clock = new FakeClock();
    const chain = createTriageChain({
        hasher: nodeHasher,
      engines: [
        createOpenAITriage({ apiKey: 'sk-test', baseURL: `${dead.origin}/v1`, hooks: instantHooks(), maxRetries: 0 }),
        localEngine(),
      ],
      clock,
      breaker: { failureThreshold: 2, coolDownMs: 60_000 },
    });
    try {
      for (const id of ['a', 'b']) expect((await chain.triage(request({ id, title: `VPN ${id}` }))).engine).toBe('local');
      expect(dead.requests).toHaveLength(2);
      expect(chain.breakerState('openai')).toBe('open');
      await chain.triage(request({ id: 'c', title: 'VPN c' }));
      expect(dead.requests).toHaveLength(2);
      expect(chain.stats().engines.openai?.skipped).toBe(1);
      clock.advance(60_000);
      expect(chain.breakerState('openai')).toBe('half-open');
      await chain.triage(request({ id: 'd', title: 'VPN d' }));
      expect(dead.requests).toHaveLength(3);
      expect(chain.breakerState('openai')).toBe('open');
    } finally {
      await dead.close();
    }
  });

  it('reuses the triage of identical text (after normalization) without any call', async () => {
    const store = new MemoryStore();
    const chain = createTriageChain({ hasher: nodeHasher, engines: engines(), clock: new FakeClock(), cache: store });
    const first = await chain.triage(request({ id: 'x1', title: 'Printer jammed', description: 'Tray 2 jams on every job.' }));
    const second = await chain.triage(request({ id: 'x2', title: '  printer   JAMMED ', description: 'Tray 2 jams on every job.\n' }));
    expect(openai.requests).toHaveLength(1);
    expect(second).toMatchObject({ engine: first.engine, model: first.model, summary: first.summary, usage: { inputTokens: 0, outputTokens: 0 } });
    // A restart keeps the cache: it lives in the store.
    const restarted = createTriageChain({ hasher: nodeHasher, engines: engines(), clock: new FakeClock(), cache: store });
    await restarted.triage(request({ id: 'x3', title: 'Printer jammed', description: 'Tray 2 jams on every job.' }));
    expect(openai.requests).toHaveLength(1);
    expect(restarted.stats().cacheHits).toBe(1);
  });

  it('makes one call for identical tickets arriving together', async () => {
    const chain = createTriageChain({ hasher: nodeHasher, engines: engines(), clock: new FakeClock(), cache: new MemoryStore() });
    const results = await Promise.all(['p1', 'p2', 'p3'].map((id) => chain.triage(request({ id, title: 'Monitor flickers', description: 'Since the update.' }))));
    expect(openai.requests).toHaveLength(1);
    expect(new Set(results.map((r) => r.summary)).size).toBe(1);
    expect(totalCalls(chain.stats())).toBe(1);
  });
});
