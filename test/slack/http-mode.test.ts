import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createSlackSurface, type SlackSurface } from '../../adapters/slack/index.js';
import { slashCommand } from './fake-slack/payloads.js';
import { FakeSlack } from './fake-slack/server.js';
import { SlackSigner } from './fake-slack/signer.js';
import { REQUESTER, SIGNING_SECRET } from './harness.js';

describe('Slack: HTTP mode mounted on the bot server', () => {
  let fake: FakeSlack;
  let surface: SlackSurface;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    const store = new MemoryStore();
    surface = createSlackSurface({
      helpdesk: testHelpdesk({ store }).helpdesk,
      store,
      logger: silentLogger,
      config: { botToken: fake.botToken, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl.replace(/\/$/, ''), botId: 'BBOT', botUserId: 'UBOT', retryConfig: { retries: 0 } },
    });
    const listener = surface.requestListener!;
    server = createServer((req, res) => listener(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await surface?.stop();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fake?.close();
  });

  it('answers 503 until started, so Slack retries instead of getting an empty acknowledgement', async () => {
    const signer = new SlackSigner(`${base}/slack/events`, SIGNING_SECRET);
    const early = await signer.command(slashCommand(REQUESTER, '/ticket', 'too early', fake.responseUrl('e')));
    expect(early.status).toBe(503);
    await surface.start();
    // botId and botUserId were given: no auth.test at start-up.
    expect(fake.callsOf('auth.test')).toHaveLength(0);
    const later = await signer.command(slashCommand(REQUESTER, '/ticket', 'now it works', fake.responseUrl('l')));
    expect(later.json()).toMatchObject({ text: expect.stringContaining('#1 filed') });
    // An API base without the trailing slash still reaches the right methods (the profile is fetched in the background).
    await vi.waitFor(() => expect(fake.callsOf('users.info')).toHaveLength(1));
  });

  it('answers 404 for what is not a Slack request', async () => {
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: 'x' })).status).toBe(404);
  });
});
