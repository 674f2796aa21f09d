import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consoleSay } from '../console-say.js';
import { LexicalSimilarIndex, LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { createOpenAITriage } from '../../adapters/openai/index.js';
import { SkillCatalog, type Helpdesk } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createTriageChain } from '../../core/triage/index.js';
import { readPrompt } from './fakes/fake-model.js';
import { nodeHasher } from './fakes/hasher.js';
import { FakeOpenAI } from './fakes/openai-server.js';
import { instantHooks } from './support.js';

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

/** A helpdesk triaging through the production chain (OpenAI first, local last), driven by console commands. */
async function setup() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const triage = createTriageChain({
    hasher: nodeHasher,
    clock,
    cache: store,
    engines: [createOpenAITriage({ apiKey: 'sk-test', baseURL: server.url, hooks: instantHooks(), maxRetries: 0 }), new LocalTriageEngine({ catalog: new SkillCatalog() })],
  });
  const t = testHelpdesk({ store, clock, triage, similar: new LexicalSimilarIndex(), settings: { adminIdentities: ['console:root'], filingLimitPerMinute: 0 } });
  const say = consoleSay(t);
  await say('root', '/skills set @net networking, vpn');
  return { ...t, say };
}

async function ticket(helpdesk: Helpdesk, ref: number) {
  const t = await helpdesk.ticketByRef(ref);
  if (!t.ok) throw new Error('no ticket');
  return t.value;
}

/** The user prompt of the last chat call. */
function lastPrompt() {
  const body = server.chatBodies().at(-1);
  if (!body) throw new Error('no chat call');
  return { body, user: body.messages.find((m) => m.role === 'user')?.content ?? '', raw: server.requests.at(-1)?.raw ?? '' };
}

describe('AI providers get the helpdesk\'s context', () => {
  it('sends the helpdesk\'s skills with their description and taught words, and no programming id the ticket does not name', async () => {
    const { say } = await setup();
    await say('root', '/skills words vpn netbridgex, tunnelwerk');
    await say('root', '/skills new timesheets "Time tracking in Spring"');
    await say('ann', '/ticket It does not work | help');
    const { skills } = readPrompt(lastPrompt().user);
    const byId = new Map(skills.map((s) => [s.id, s]));
    expect(byId.get('vpn')).toMatchObject({ about: expect.stringContaining('VPN'), words: ['netbridgex', 'tunnelwerk'] });
    expect(byId.get('timesheets')).toMatchObject({ about: 'Time tracking in Spring' });
    for (const desk of ['hr', 'facilities', 'finance', 'printers', 'email']) expect(byId.has(desk)).toBe(true);
    for (const dev of ['python', 'java', 'c#', 'php']) expect(byId.has(dev)).toBe(false);
    // Shipped vocabulary stays home: the model knows what "wifi" means.
    expect(byId.get('networking')?.words).toBeUndefined();
  });

  it('offers a programming id only when the ticket names it, and drops reply skills that were not offered', async () => {
    const { helpdesk, say } = await setup();
    await say('ann', '/ticket Python script fails on the build server | ImportError since the upgrade');
    expect(readPrompt(lastPrompt().user).skills.map((s) => s.id)).toContain('python');
    const reply = { summary: 'Help.', category: 'software', priority: 'LOW', skills: ['java', 'c#', 'outlook', 'teleportation'], notes: 'n', suggestedFix: null, references: [], confidence: 0.5 };
    server.script('chat', { content: JSON.stringify(reply) });
    await say('bob', '/ticket help | it does not work');
    const t = await ticket(helpdesk, 2);
    expect(t.triage?.engine).toBe('openai');
    // `outlook` is an alias of the offered `email`; the rest was never offered.
    expect(t.skills).toEqual(['email']);
  });

  it('shows a correction on a similar ticket as an example, redacted, and the next ticket follows it', async () => {
    const { helpdesk, say } = await setup();
    await say('root', '/skills new timesheets "Time tracking in Spring"');
    await say('root', '/skills set @pat timesheets');
    await say('ann', '/ticket Spring shows 0 hours for ann.lee@example.com | Spring shows 0 hours although I entered 40');
    expect((await ticket(helpdesk, 1)).skills).not.toContain('timesheets');
    await say('root', '/triage #1 skills:timesheets category:hr priority:high');
    await say('bob', '/ticket Spring shows 0 hours this week | Spring shows 0 hours for me too');
    const { user, raw } = lastPrompt();
    const examples = readPrompt(user).examples;
    expect(examples[0]).toMatchObject({ ref: 1, skills: ['timesheets'], category: 'hr', priority: 'HIGH' });
    expect(examples[0]?.title).toContain('[REDACTED_EMAIL]');
    expect(raw).not.toContain('ann.lee@example.com');
    expect(await ticket(helpdesk, 2)).toMatchObject({ skills: ['timesheets'], priority: 'HIGH', category: 'hr' });
  });

  it('a ticket whose similar ticket staff corrected is not answered from the cache of its identical text', async () => {
    const { helpdesk, say } = await setup();
    await say('root', '/skills new timesheets "Time tracking in Spring"');
    await say('ann', '/ticket Spring shows 0 hours | since Monday');
    await say('root', '/triage #1 skills:timesheets category:hr');
    const calls = server.chatBodies().length;
    await say('bob', '/ticket Spring shows 0 hours | since Monday');
    expect(server.chatBodies().length).toBe(calls + 1);
    expect((await ticket(helpdesk, 2)).skills).toEqual(['timesheets']);
  });
});
