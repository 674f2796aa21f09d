import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from './fake-slack/payloads.js';
import { roots } from './helpers.js';
import { MODERATOR, REQUESTER, startStaffedSlackHarness, type SlackHarness } from './harness.js';

interface TextObject {
  type: string;
  text: string;
  verbatim?: boolean;
}

/** Every mrkdwn text object in a list of blocks, as it crossed the wire. */
function mrkdwnObjects(blocks: unknown): TextObject[] {
  const out: TextObject[] = [];
  for (const b of blocks as { text?: TextObject; fields?: TextObject[]; elements?: TextObject[] }[]) {
    for (const t of [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]) if (t?.type === 'mrkdwn') out.push(t);
  }
  return out;
}

describe('Slack: what a requester typed reaches the moderator as text', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
  });
  afterAll(async () => h?.close());

  it('a hostile ticket gives a moderator card with no live link, URL or mention', async () => {
    const typed = 'VPN is down | log in at <https://evil.example|click> or https://evil.example/login, <!channel> <@UADMIN>';
    await h.signer.command(slashCommand(REQUESTER, '/ticket', typed, h.fake.responseUrl('t')));
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1, 'the moderator card');
    const card = roots(h.fake, MODERATOR.user)[0]!;
    const post = h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === card.channel && JSON.stringify(c.args.blocks).includes('evil.example'))!;
    const objects = mrkdwnObjects(post.args.blocks);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(o.verbatim).toBe(true);
    const all = objects.map((o) => o.text).join('\n');
    expect(all).toContain('click (`https://evil.example`) or `https://evil.example/login`, @channel @UADMIN');
    expect(all).not.toMatch(/<https?:|<!channel>|<@UADMIN>/);
    expect(all.replace(/`[^`\n]*`/g, '')).not.toMatch(/https?:\/\//);
    expect(String(post.args.text).replace(/`[^`\n]*`/g, '')).not.toMatch(/https?:\/\/|<!/);
  });
});
