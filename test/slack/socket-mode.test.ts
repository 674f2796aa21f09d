import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createSlackSurface, type SlackSurface } from '../../adapters/slack/index.js';
import { slashCommand } from './fake-slack/payloads.js';
import { FakeSlack } from './fake-slack/server.js';
import { REQUESTER } from './harness.js';

describe('Slack: Socket Mode', () => {
  let fake: FakeSlack;
  let surface: SlackSurface;
  const store = new MemoryStore();
  beforeAll(async () => {
    fake = await FakeSlack.start();
    fake.addUser({ id: REQUESTER.user, name: REQUESTER.name });
    const t = testHelpdesk({ store });
    surface = createSlackSurface({
      helpdesk: t.helpdesk,
      store,
      logger: silentLogger,
      config: { botToken: fake.botToken, appToken: fake.appToken, apiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
  });
  afterAll(async () => {
    await surface?.stop();
    await fake?.close();
  });

  it('opens the connection through apps.connections.open with the app token and acks a slash command envelope', async () => {
    expect(surface.mode).toBe('socket');
    expect(surface.requestListener).toBeUndefined();
    await surface.start();
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(fake.appToken);
    expect(fake.callsOf('auth.test')[0]?.token).toBe(fake.botToken);
    expect(fake.socket.connections).toBe(1);

    const ack = await fake.socket.send('slash_commands', slashCommand(REQUESTER, '/ticket', 'Wi-Fi keeps dropping', fake.responseUrl('s')));
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ticket #1 filed — triaging…') });
    expect(await store.getTicketByRef(1)).toMatchObject({ title: 'Wi-Fi keeps dropping' });
  });
});
