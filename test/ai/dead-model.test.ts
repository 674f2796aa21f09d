import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiTriage } from '../../adapters/gemini/index.js';
import { LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { createOpenAITriage } from '../../adapters/openai/index.js';
import { RecordingLogger } from '../../adapters/inprocess/test-support.js';
import type { TriageEngine } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { createTriageChain } from '../../core/triage/index.js';
import { FakeGemini, googleError } from './fakes/gemini-server.js';
import { nodeHasher } from './fakes/hasher.js';
import { error, FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks, request } from './support.js';

/** The bodies both providers really send for a model that does not exist or was shut down. */
const OPENAI_GONE = error(404, 'The model `gpt-x` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found');
const GEMINI_GONE = googleError(
  404,
  'models/gemini-x is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
  'NOT_FOUND',
);
const TICKETS = 5;

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

describe('a configured model that does not exist or was shut down', () => {
  const cases: { name: string; setting: string; model: string; engine: () => TriageEngine; arm: () => void; calls: () => number }[] = [
    {
      name: 'openai',
      setting: 'OPENAI_MODEL',
      model: 'gpt-x',
      engine: () => createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, model: 'gpt-x', hooks: instantHooks() }),
      arm: () => openai.script('chat', ...Array.from({ length: TICKETS }, () => OPENAI_GONE)),
      calls: () => openai.chatBodies().length,
    },
    {
      name: 'gemini',
      setting: 'GEMINI_MODEL',
      model: 'gemini-x',
      engine: () => createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, model: 'gemini-x', hooks: instantHooks() }),
      arm: () => gemini.script('generate', ...Array.from({ length: TICKETS }, () => GEMINI_GONE)),
      calls: () => gemini.generateBodies().length,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: N tickets cost one call and one error line naming ${c.setting}; the local engine answers`, async () => {
      c.arm();
      const logger = new RecordingLogger();
      const chain = createTriageChain({ engines: [c.engine(), new LocalTriageEngine()], clock: new FakeClock(), hasher: nodeHasher, logger });
      for (let i = 0; i < TICKETS; i++) {
        const proposal = await chain.triage(request({ id: `t-${i}`, ref: i + 1, title: `VPN drops on laptop ${i}` }));
        expect(proposal.engine).toBe('local');
      }
      expect(c.calls()).toBe(1);
      const errors = logger.at('error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.msg).toContain(c.setting);
      expect(errors[0]!.msg).toContain(c.model);
      expect(errors[0]!.obj).toMatchObject({ engine: c.name, model: c.model, setting: c.setting });
      // No per-ticket retry noise either: the provider is simply set aside.
      expect([...logger.at('warn'), ...logger.at('error')]).toHaveLength(1);
      expect(chain.breakerState(c.name)).toBe('open');
      expect(chain.stats().engines[c.name]?.calls).toBe(1);
    });
  }
});
