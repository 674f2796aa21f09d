import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAITriage, defaultTokenLimitField, OPENAI_DEFAULT_MODEL } from '../../adapters/openai/index.js';
import { TriageAttemptError } from '../../core/triage/index.js';
import { error } from './fakes/openai-server.js';
import { FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks, request, SIMILAR } from './support.js';

let server: FakeOpenAI;

beforeAll(async () => {
  server = await FakeOpenAI.start({ apiKey: 'sk-test' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function engine(hooks = instantHooks(), extra: { timeoutMs?: number; maxRetries?: number } = {}) {
  return createOpenAITriage({ apiKey: 'sk-test', baseURL: server.url, model: OPENAI_DEFAULT_MODEL, hooks, ...extra });
}

describe('OpenAI triage engine against a fake OpenAI server', () => {
  it('makes one strict structured-output call and returns the validated proposal', async () => {
    const proposal = await engine().triage(request({}, SIMILAR));
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.headers['content-type']).toContain('application/json');
    const body = server.chatBodies()[0]!;
    expect(body.model).toBe(OPENAI_DEFAULT_MODEL);
    expect(body.messages[0]!.role).toBe('system');
    expect(body.response_format?.type).toBe('json_schema');
    const js = body.response_format!.json_schema!;
    expect(js.strict).toBe(true);
    const schema = js.schema as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(Object.keys(schema.properties).sort());
    expect(Object.keys(schema.properties)).not.toContain('assignee');
    // A custom base URL (Ollama, vLLM, LiteLLM) gets the widely understood max_tokens.
    expect((body as { max_tokens?: number }).max_tokens).toBeGreaterThan(0);
    expect(defaultTokenLimitField(undefined)).toBe('max_completion_tokens');
    expect(defaultTokenLimitField('https://api.openai.com/v1')).toBe('max_completion_tokens');

    expect(proposal).toMatchObject({ engine: 'openai', model: OPENAI_DEFAULT_MODEL, priority: 'MEDIUM', skills: ['vpn'], confidence: 0.8 });
    expect(proposal.suggestedFix).toContain('#3');
    expect(proposal.usage?.inputTokens).toBeGreaterThan(0);
    expect(proposal.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('repairs malformed JSON once by sending the error back', async () => {
    server.script('chat', { content: '{"summary": "VPN drops", "priority": "URGENT"' });
    const proposal = await engine().triage(request());
    expect(server.requests).toHaveLength(2);
    const repair = server.chatBodies()[1]!;
    expect(repair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair.messages[2]!.content).toContain('"priority": "URGENT"');
    expect(repair.messages[3]!.content).toContain('not valid JSON');
    expect(proposal.engine).toBe('openai');
    expect(proposal.skills).toEqual(['vpn']);
  });

  it('gives up after one failed repair so the chain can move on', async () => {
    server.script('chat', { content: '{"summary": 1}' }, { content: 'still not json' });
    const failure = await engine().triage(request()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TriageAttemptError);
    expect((failure as TriageAttemptError).kind).toBe('invalid-output');
    expect((failure as TriageAttemptError).calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 429 after the Retry-After the server asked for', async () => {
    const hooks = instantHooks();
    server.script('chat', error(429, 'Rate limit reached', 'requests', 'rate_limit_exceeded', { 'retry-after': '2' }));
    const proposal = await engine(hooks).triage(request());
    expect(server.requests).toHaveLength(2);
    expect(hooks.waits).toEqual([2000]);
    expect(proposal.engine).toBe('openai');
  });

  it('does not wait for a Retry-After beyond the cap: the error goes to the chain', async () => {
    const hooks = instantHooks();
    server.script('chat', error(429, 'Rate limit reached', 'requests', 'rate_limit_exceeded', { 'retry-after': '3600' }));
    const failure = await engine(hooks).triage(request()).catch((e: unknown) => e);
    expect((failure as TriageAttemptError).kind).toBe('rate-limit');
    expect(hooks.waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx with backoff, then fails with the server error (one request per attempt: SDK retries are off)', async () => {
    const hooks = instantHooks();
    server.script('chat', error(500, 'boom', 'server_error', null), error(503, 'busy', 'server_error', null), error(502, 'bad gateway', 'server_error', null));
    const failure = await engine(hooks, { maxRetries: 2 }).triage(request()).catch((e: unknown) => e);
    expect((failure as TriageAttemptError).kind).toBe('server');
    expect(server.requests).toHaveLength(3);
    expect(hooks.waits).toEqual([250, 500]);
  });

  it('does not retry a wrong key', async () => {
    const e = createOpenAITriage({ apiKey: 'sk-wrong', baseURL: server.url, hooks: instantHooks() });
    const failure = await e.triage(request()).catch((x: unknown) => x);
    expect((failure as TriageAttemptError).kind).toBe('auth');
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry an exhausted quota, although it is a 429', async () => {
    const hooks = instantHooks();
    server.script('chat', error(429, 'You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'));
    const failure = await engine(hooks).triage(request()).catch((e: unknown) => e);
    expect((failure as TriageAttemptError).kind).toBe('auth');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging call', async () => {
    server.script('chat', { hang: true });
    const failure = await engine(instantHooks(), { timeoutMs: 300 }).triage(request()).catch((e: unknown) => e);
    expect((failure as TriageAttemptError).kind).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });
});
