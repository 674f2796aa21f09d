/** `/dashboard` through discord.js: answered ephemerally by the shared use case (here with the dashboard off, as without PORT). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

describe('Discord: /dashboard', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => h?.close());

  it('answers privately through the shared use case', async () => {
    const asked = h.fake.slash(h.users.alice, 'dashboard', [opt.sub('link')], { guild: h.guild });
    expect(await h.fake.replyText(asked)).toBe('The web dashboard is off: the bot needs PORT and PUBLIC_URL set to serve it.');
  });
});
