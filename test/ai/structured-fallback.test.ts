import { afterEach, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../../adapters/inprocess/test-support.js';
import { LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { createOpenAITriage, formatAfterRefusal } from '../../adapters/openai/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { createTriageChain, type MeteredProposal } from '../../core/triage/index.js';
import { nodeHasher } from './fakes/hasher.js';
import { FakeOpenAI, type ChatBody, type FakeOpenAIOptions } from './fakes/openai-server.js';
import { instantHooks, request } from './support.js';

let server: FakeOpenAI | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: FakeOpenAIOptions) {
  server = await FakeOpenAI.start({ apiKey: 'sk-test', ...options });
  const logger = new RecordingLogger();
  const engine = createOpenAITriage({ apiKey: 'sk-test', baseURL: server.url, model: 'llama3.1', hooks: instantHooks(), logger });
  return { fake: server, engine, logger };
}

const formats = (bodies: ChatBody[]) => bodies.map((b) => b.response_format?.type ?? 'none');
const tickets = ['VPN keeps dropping', 'VPN slow from home', 'VPN drops at lunch time'];

describe('OpenAI-compatible servers without structured outputs', () => {
  it('a 400 for json_schema costs one refused call once; every later ticket goes straight to json_object and validates', async () => {
    const { fake, engine, logger } = await start({ structuredOutputs: 'rejected' });
    const answers: MeteredProposal[] = [];
    for (const [i, title] of tickets.entries()) answers.push(await engine.triage(request({ id: `t-${i}`, title })));
    expect(formats(fake.chatBodies())).toEqual(['json_schema', 'json_object', 'json_object', 'json_object']);
    expect(answers.map((a) => a.calls)).toEqual([2, 1, 1]);
    for (const a of answers) expect(a).toMatchObject({ engine: 'openai', skills: ['vpn'], priority: 'MEDIUM' });
    // JSON mode does not carry the schema: the instructions do.
    const system = fake.chatBodies()[1]!.messages[0]!.content;
    expect(system).toContain('JSON Schema');
    expect(system).toContain('"suggestedFix"');
    expect(fake.chatBodies()[0]!.messages[0]!.content).not.toContain('JSON Schema');
    expect(logger.at('info').filter((l) => /refused structured outputs/.test(l.msg ?? ''))).toHaveLength(1);
    expect(logger.at('info')[0]!.obj).toMatchObject({ provider: 'openai', from: 'json_schema', to: 'json_object' });
  });

  it('through the chain the provider keeps answering: no failure, no fall-back to local, calls counted', async () => {
    const { fake } = await start({ structuredOutputs: 'rejected', rejection: "[{'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}]" });
    const chain = createTriageChain({
      hasher: nodeHasher,
      clock: new FakeClock(),
      engines: [createOpenAITriage({ apiKey: 'sk-test', baseURL: fake.url, hooks: instantHooks() }), new LocalTriageEngine()],
    });
    for (const [i, title] of tickets.entries()) expect((await chain.triage(request({ id: `c-${i}`, title }))).engine).toBe('openai');
    expect(chain.stats().engines.openai).toMatchObject({ successes: 3, failures: 0, calls: 4 });
    expect(chain.stats().fallbacks).toBe(0);
  });

  it('older Ollama ignores json_schema and answers in prose: the fenced JSON is used in one call, then json_object is asked for', async () => {
    const { fake, engine, logger } = await start({ structuredOutputs: 'ignored' });
    const first = await engine.triage(request({ id: 'o-1' }));
    expect(first).toMatchObject({ skills: ['vpn'], calls: 1 });
    const second = await engine.triage(request({ id: 'o-2', title: 'VPN slow from home' }));
    expect(second).toMatchObject({ skills: ['vpn'], calls: 1 });
    expect(formats(fake.chatBodies())).toEqual(['json_schema', 'json_object']);
    expect(logger.at('info').filter((l) => /does not hold replies to the JSON schema/.test(l.msg ?? ''))).toHaveLength(1);
  });

  it('a server that refuses response_format altogether gets plain instructions, and prose-wrapped replies still parse', async () => {
    const { fake, engine } = await start({ structuredOutputs: 'unsupported' });
    const first = await engine.triage(request({ id: 'l-1' }));
    const second = await engine.triage(request({ id: 'l-2', title: 'VPN slow from home' }));
    expect(formats(fake.chatBodies())).toEqual(['json_schema', 'none', 'none']);
    expect([first.calls, second.calls]).toEqual([2, 1]);
    expect(second).toMatchObject({ engine: 'openai', skills: ['vpn'] });
    expect(fake.chatBodies()[2]!.messages[0]!.content).toContain('JSON Schema');
  });

  it('a 400 about anything else is not taken for a refused format', async () => {
    const { fake, engine } = await start({});
    fake.script('chat', { status: 400, json: { error: { message: "'messages' must contain the word 'json'", type: 'invalid_request_error' } } });
    const failure = await engine.triage(request()).catch((e: unknown) => e);
    expect((failure as { kind?: string }).kind).toBe('bad-request');
    expect(formats(fake.chatBodies())).toEqual(['json_schema']);
  });
});

describe('reading a refusal', () => {
  it('steps down once per refusal, in the servers\' own words', () => {
    expect(formatAfterRefusal('json_schema', 'HTTP 400: response_format.type json_schema is not supported')).toBe('json_object');
    expect(formatAfterRefusal('json_schema', 'The parameter `response_format.type` specified in the request are not valid: invalid value: `json_schema`, supported values are: `json_object` and `text`.')).toBe('json_object');
    expect(formatAfterRefusal('json_schema', "litellm.UnsupportedParamsError: vllm does not support parameters: ['response_format'], for model=x")).toBe('instructions');
    expect(formatAfterRefusal('json_object', 'response_format json_object is not supported')).toBe('instructions');
    expect(formatAfterRefusal('instructions', 'response_format is not supported')).toBeNull();
    expect(formatAfterRefusal('json_schema', 'max_tokens is too large')).toBeNull();
  });
});
