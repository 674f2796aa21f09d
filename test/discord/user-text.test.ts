import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { modalOf } from './helpers.js';

/** The markdown-rendering parts of a posted message: content, embed titles, descriptions and field values. */
function markdownParts(body: Json): string[] {
  const embeds = (body['embeds'] ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  return [String(body['content'] ?? ''), ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])];
}

/** What a Discord client would make live: a masked link, a URL outside inline code, an unescaped mention token. */
function liveParts(markdown: string): string[] {
  const outsideCode = markdown.replace(/\\[\\`]/g, '').replace(/`[^`]*`/g, '');
  return [/(?<!\\)\[[^\]]*(?<!\\)\]\(/g, /https?:\/\//g, /(?<!\\)<[@#]/g].flatMap((re) => outsideCode.match(re) ?? []);
}

describe('Discord: what a requester typed reaches the moderator as text', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
    const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])], { guild: h.guild });
    expect(await h.fake.replyText(setup)).toContain('Bob');
  });
  afterAll(async () => h?.close());

  it('a hostile ticket gives a moderator card with no live masked link or URL, and no pings', async () => {
    const form = modalOf((await h.fake.answered(h.fake.slash(h.users.alice, 'ticket', [], { guild: h.guild }))).data);
    const description = 'VPN login fails at [click](https://evil.example/login) and [x](<https://evil.example>), see https://evil.example/bare @everyone <#1>';
    await h.fake.answered(h.fake.submit(h.users.alice, form.customId, { title: 'VPN [click](https://evil.example/t)', description, urgency: ['HIGH'] }, { guild: h.guild }));
    const card = await h.fake.waitFor(() => h.fake.dms(h.users.bob)[0], 'the moderator card');
    const post = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${String(card['channel_id'])}/messages` && JSON.stringify(c.body).includes('evil.example'));
    expect(post?.body).toBeTruthy();
    const body = post!.body!;
    expect(body['allowed_mentions']).toEqual({ parse: [] });
    const parts = markdownParts(body);
    expect(parts.join('\n')).toContain('\\[click\\]\\(`https://evil.example/login`\\)');
    expect(parts.join('\n')).toContain('#1 · VPN \\[click\\]\\(`https://evil.example/t`\\)');
    // The requester's own mention (the From field) is the bot's, and pings nobody (allowed_mentions above).
    for (const part of parts.filter((p) => !/^<@\d+>$/.test(p))) expect(liveParts(part), part).toEqual([]);
  });
});
