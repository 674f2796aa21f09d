import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiEmbeddings, createGeminiTriage, GEMINI_DEFAULT_MODEL } from '../../adapters/gemini/index.js';
import { LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { createOpenAITriage } from '../../adapters/openai/index.js';
import { renderText, type Person } from '../../core/index.js';
import { HybridSimilarIndex } from '../../core/retrieval/index.js';
import { FakeClock, FixedTriage, MemorySimilarIndex, RecordingChannel } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createTriageChain } from '../../core/triage/index.js';
import { FakeGemini, googleError } from './fakes/gemini-server.js';
import { error, FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks } from './support.js';
import { nodeHasher } from './fakes/hasher.js';

/** Printing vocabulary one way, everything else another. */
const crafted = (text: string): number[] => (/printer|copier|paper|jam/i.test(text) ? [1, 0.05] : [0.05, 1]);

let gemini: FakeGemini;
let openai: FakeOpenAI;

beforeAll(async () => {
  gemini = await FakeGemini.start({ embed: crafted });
  openai = await FakeOpenAI.start();
});
afterAll(async () => {
  await gemini.close();
  await openai.close();
});

describe('the whole pipeline with AI triage and hybrid retrieval', () => {
  it("shows the moderator AI notes and a fix citing the similar ticket it used", async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const channel = new RecordingChannel('console');
    const similar = new HybridSimilarIndex({
      hasher: nodeHasher,
      lexical: new MemorySimilarIndex(),
      embeddings: createGeminiEmbeddings({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
      store,
    });
    const triage = createTriageChain({
        hasher: nodeHasher,
      engines: [
        createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks() }),
        createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() }),
        new FixedTriage({}, 'local'),
      ],
      clock,
      cache: store,
    });
    const h = testHelpdesk({ store, clock, triage, similar, channels: [channel], settings: { adminIdentities: ['console:root'] } });
    const who = async (identity: string): Promise<Person> => {
      const r = await h.helpdesk.identify({ identity, displayName: identity.split(':')[1] as string });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const root = await who('console:root');
    const alice = await who('console:alice');
    const bob = await who('console:bob');
    const added = await h.helpdesk.skills(root, { op: 'add', target: 'console:bob', skills: ['printers'] });
    expect(added.ok).toBe(true);

    const first = await h.helpdesk.fileTicket({ requesterId: alice.id, title: 'Printer jams', description: 'The third floor printer jams on every job', origin: { platform: 'console' } });
    if (!first.ok) throw new Error(first.error.message);
    await h.engine.drain();
    const resolved = await h.helpdesk.resolveTicket({ ticketId: first.value.ticket.id, actorId: bob.id, note: 'Cleared the tray rollers' });
    expect(resolved.ok).toBe(true);
    await h.engine.drain();

    channel.sent.length = 0;
    const second = await h.helpdesk.fileTicket({ requesterId: alice.id, title: 'Copier crumples paper', description: 'Sheets come out folded', origin: { platform: 'console' } });
    if (!second.ok) throw new Error(second.error.message);
    await h.engine.drain();

    const ticket = (await store.getTicket(second.value.ticket.id))!;
    expect(ticket.triage).toMatchObject({ engine: 'gemini', model: GEMINI_DEFAULT_MODEL });
    expect(ticket.similar.map((s) => s.ref)).toEqual([first.value.ticket.ref]);
    const dm = channel.sent.find((s) => s.person.id === bob.id && s.notification.kind === 'ticket.assignment');
    expect(dm).toBeDefined();
    const text = renderText(dm!.notification);
    expect(text).toContain('Notes:');
    expect(text).toContain(`Suggested fix: Do what fixed #${first.value.ticket.ref}: Cleared the tray rollers`);
    expect(text).toContain(`#${first.value.ticket.ref} Printer jams — Cleared the tray rollers`);
    expect(openai.requests).toHaveLength(0);
  });

  it('still triages and assigns every ticket when every provider is down', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const down = error(503, 'overloaded', 'server_error', null);
    openai.script('chat', down, down, down);
    gemini.script('generate', googleError(500, 'Internal', 'INTERNAL'), { hang: true });
    const triage = createTriageChain({
        hasher: nodeHasher,
      engines: [
        createGeminiTriage({ apiKey: 'gm-test', baseUrl: gemini.url, hooks: instantHooks(), maxRetries: 1, timeoutMs: 300 }),
        createOpenAITriage({ apiKey: 'sk-test', baseURL: openai.url, hooks: instantHooks() }),
        new LocalTriageEngine(),
      ],
      clock,
      cache: store,
    });
    const h = testHelpdesk({ store, clock, triage, settings: { adminIdentities: ['console:root'] } });
    const root = await h.helpdesk.identify({ identity: 'console:root', displayName: 'root' });
    const alice = await h.helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!root.ok || !alice.ok) throw new Error('identify failed');
    const filed = await h.helpdesk.fileTicket({ requesterId: alice.value.id, title: 'VPN disconnects every hour', description: 'Since the update', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await h.engine.drain();
    const ticket = (await store.getTicket(filed.value.ticket.id))!;
    expect(ticket.triage?.engine).toBe('local');
    expect(ticket.history.map((e) => e.type)).toEqual(expect.arrayContaining(['triaged', 'assigned']));
    expect(ticket.assigneeId).toBe(root.value.id);
    expect(h.engine.failures).toEqual([]);
  });
});
