/** `/dashboard` through Bolt: answered ephemerally by the shared use case (here with the dashboard off, as without PORT). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from './fake-slack/payloads.js';
import { REQUESTER, startSlackHarness, type SlackHarness } from './harness.js';

describe('Slack: /dashboard', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => h?.close());

  it('answers only the person who asked, and says how to turn the dashboard on', async () => {
    await h.signer.command(slashCommand(REQUESTER, '/dashboard', '', h.fake.responseUrl('dash')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'dash'), 'the answer');
    const body = h.fake.responses.find((r) => r.id === 'dash')!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('The web dashboard is off: the bot needs PORT and PUBLIC_URL set to serve it.');
  });
});
