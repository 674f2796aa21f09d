/**
 * llm_calls_per_ticket: model calls per ticket for a mixed batch with
 * duplicates, through the real use cases (file → triage → assign) with the
 * production triage chain (cache, redaction, repair) in front of the real
 * OpenAI SDK and a local fake OpenAI server. One in twenty first replies is
 * malformed and costs a repair call, as with real models. Duplicates (the
 * same text, differently spaced or cased) must cost nothing.
 * llm_calls_per_ticket_json_mode: the same batch against a server that
 * refuses json_schema; the refusal is detected once, so it stays the same.
 */
import { createOpenAITriage } from '../../adapters/openai/index.js';
import { FakeClock, FixedTriage } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createTriageChain } from '../../core/triage/index.js';
import { fakeTriage, readPrompt } from '../../test/ai/fakes/fake-model.js';
import { FakeOpenAI, type ChatBody } from '../../test/ai/fakes/openai-server.js';
import type { BenchSuite, Metric } from '../types.js';
import { nodeHasher } from '../../test/ai/fakes/hasher.js';

const UNIQUE = 120;
const DUPLICATES = 80;
const TOPICS = ['VPN drops', 'Printer jams', 'Password expired', 'Outlook will not sync', 'Laptop overheats', 'Wi-Fi is slow'];

const suite: BenchSuite = {
  name: 'llm',
  async run(): Promise<Metric[]> {
    const structured = await measure('supported');
    // The same batch against a server that answers 400 to json_schema (older vLLM, LiteLLM): one refused call in all.
    const jsonMode = await measure('rejected');
    return [
      ...structured.metrics,
      { metric: 'llm_calls_per_ticket_json_mode', value: jsonMode.wire, unit: 'calls', target: '<= 1.0' },
    ];
  },
};

/** Runs the batch; `wire` counts every chat request the server received, refused ones included. */
async function measure(structuredOutputs: 'supported' | 'rejected'): Promise<{ metrics: Metric[]; wire: number }> {
  const callsByRef = new Map<number, number>();
  let replies = 0;
  const server = await FakeOpenAI.start({
    structuredOutputs,
    apiKey: 'sk-bench',
    chat: (body: ChatBody) => {
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const ref = readPrompt(user).ticket.ref;
      callsByRef.set(ref, (callsByRef.get(ref) ?? 0) + 1);
      replies += 1;
      const isRepair = body.messages.length > 2;
      return replies % 20 === 0 && !isRepair ? '{"summary": "cut off' : JSON.stringify(fakeTriage(user));
    },
  });
  try {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const chain = createTriageChain({
      hasher: nodeHasher,
      engines: [createOpenAITriage({ apiKey: 'sk-bench', baseURL: server.url, maxRetries: 0 }), new FixedTriage({}, 'local')],
      clock,
      cache: store,
    });
    const t = testHelpdesk({ store, clock, triage: chain, settings: { filingLimitPerMinute: 0 } });
    const requester = await t.helpdesk.identify({ identity: 'console:bench', displayName: 'bench' });
    if (!requester.ok) throw new Error(requester.error.message);

    const duplicateRefs = new Set<number>();
    const mixed = batch();
    for (const text of mixed) {
      const filed = await t.helpdesk.fileTicket({ requesterId: requester.value.id, title: text.title, description: text.description, origin: { platform: 'console' } });
      if (!filed.ok) throw new Error(filed.error.message);
      if (text.duplicate) duplicateRefs.add(filed.value.ticket.ref);
      await t.engine.drain();
    }
    const tickets = mixed.length;
    const total = [...callsByRef.values()].reduce((a, b) => a + b, 0);
    const dupCalls = [...duplicateRefs].reduce((n, ref) => n + (callsByRef.get(ref) ?? 0), 0);
    const stats = chain.stats();
    const engine = stats.engines.openai;
    const metrics: Metric[] = [
      { metric: 'llm_calls_per_ticket', value: total / tickets, unit: 'calls', target: '<= 1.0' },
      { metric: 'llm_calls_per_duplicate', value: dupCalls / duplicateRefs.size, unit: 'calls', target: '0' },
      { metric: 'llm_tokens_in_per_ticket', value: (engine?.inputTokens ?? 0) / tickets, unit: 'tokens' },
      { metric: 'llm_tokens_out_per_ticket', value: (engine?.outputTokens ?? 0) / tickets, unit: 'tokens' },
    ];
    return { metrics, wire: server.chatBodies().length / tickets };
  } finally {
    await server.close();
  }
}

/**
 * Unique tickets in order, with a duplicate of an earlier (or the same)
 * ticket after two of every three, until the duplicates are placed. A
 * duplicate has the same text, spaced and cased differently.
 */
function batch(): { title: string; description: string; duplicate: boolean }[] {
  const originals = Array.from({ length: UNIQUE }, (_, i) => ({
    title: `${TOPICS[i % TOPICS.length]} (${i})`,
    description: `Seen on machine ${i} since this morning.`,
  }));
  const out: { title: string; description: string; duplicate: boolean }[] = [];
  let placed = 0;
  for (const [i, original] of originals.entries()) {
    out.push({ ...original, duplicate: false });
    if (placed < DUPLICATES && i % 3 !== 0) {
      const earlier = originals[(placed * 7919) % (i + 1)] as { title: string; description: string };
      out.push({ title: `  ${earlier.title.toUpperCase()} `, description: earlier.description.replace(/ /g, '  '), duplicate: true });
      placed += 1;
    }
  }
  return out;
}

export default suite;
