import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import { blockText, buttons, buttonValue, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startSlackHarness, type SlackHarness } from './harness.js';

/** The whole ticket life in Slack, driven by signed requests against the real Bolt app and the fake Slack API. */
describe('Slack: file → triage → moderator card → resolve', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    // The admin makes Max a VPN moderator before any ticket exists.
    const res = await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${MODERATOR.user}|${MODERATOR.name}> vpn`, h.fake.responseUrl('skills-setup')));
    expect(res.status).toBe(200);
    await h.settle(() => h.fake.responses.some((r) => r.id === 'skills-setup'), 'the /skills reply');
    expect(String(h.fake.responses.find((r) => r.id === 'skills-setup')?.body.text)).toContain('Max Moderator');
  });
  afterAll(async () => h?.close());

  it('/ticket with text stores the ticket before its ephemeral reply', async () => {
    const res = await h.signer.command(slashCommand(REQUESTER, '/ticket', 'VPN is down | cannot connect since 9am', h.fake.responseUrl('t1')));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ticket #1 filed — triaging…') });
    const stored = await h.store.getTicketByRef(1);
    expect(stored).toMatchObject({ title: 'VPN is down', description: 'cannot connect since 9am', origin: { platform: 'slack', channelId: 'C-GENERAL' } });
    // The answer did not wait for users.info; the profile is saved just after.
    let requester = await h.person(REQUESTER);
    await h.settle(async () => ((requester = await h.person(REQUESTER))?.email ?? null) !== null, 'the profile from users.info');
    expect(requester).toMatchObject({ displayName: 'Rita Requester', email: 'rita@example.com' });
  });

  it('runs the pipeline: requester card and thread, moderator card with notes and buttons', async () => {
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1, 'the moderator card');
    const card = roots(h.fake, MODERATOR.user)[0]!;
    expect(buttons(card)).toEqual(['ticket_start', 'ticket_resolve', 'ticket_reassign', 'ticket_edit_triage', 'ticket_note', 'ticket_reply_with']);
    const text = blockText(card);
    expect(text).toContain('#1 VPN is down');
    expect(text).toContain('Check the VPN gateway certificate.');
    expect(text).toContain(`<@${REQUESTER.user}>`);

    await h.settle(() => roots(h.fake, REQUESTER.user).length === 1 && replies(h.fake, roots(h.fake, REQUESTER.user)[0]!).length >= 2, 'the requester thread');
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    expect(blockText(requesterCard)).toContain('#1 VPN is down');
    expect(blockText(requesterCard)).not.toContain('VPN gateway certificate');
    const thread = replies(h.fake, requesterCard).map(blockText).join('\n');
    expect(thread).toContain('Triaged: *network*');
    expect(thread).toContain(`Assigned to <@${MODERATOR.user}>`);
    // The requester's card was updated in place as the status changed.
    expect(requesterCard.updates).toBeGreaterThan(0);
    // Posted with the bot token, form-encoded, blocks as JSON strings.
    const post = h.fake.callsOf('chat.postMessage')[0]!;
    expect(post.token).toBe(h.fake.botToken);
    expect(post.contentType).toBe('application/x-www-form-urlencoded');
    expect(Array.isArray(post.args.blocks)).toBe(true);
  });

  it('Resolve opens a modal; submitting it resolves, updates the card and tells the requester', async () => {
    const card = roots(h.fake, MODERATOR.user)[0]!;
    const click = await h.signer.interaction(
      buttonClick(MODERATOR, { actionId: 'ticket_resolve', value: buttonValue(card, 'ticket_resolve'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('resolve-click') }),
    );
    expect(click.status).toBe(200);
    await h.settle(() => h.fake.callsOf('views.open').length === 1, 'the resolve modal');
    const opened = h.fake.callsOf('views.open')[0]!;
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('resolve_modal');

    const empty = await h.signer.interaction(viewSubmission(MODERATOR, { callbackId: 'resolve_modal', privateMetadata: view.private_metadata, values: { note: { note: { type: 'plain_text_input', value: '  ' } } } }));
    expect(empty.json()).toMatchObject({ response_action: 'errors', errors: { note: expect.stringContaining('resolution note') } });

    const done = await h.signer.interaction(
      viewSubmission(MODERATOR, { callbackId: 'resolve_modal', privateMetadata: view.private_metadata, values: { note: { note: { type: 'plain_text_input', value: 'Renewed the gateway certificate.' } } } }),
    );
    expect(done.status).toBe(200);
    expect(done.text).toBe('');
    expect((await h.store.getTicketByRef(1))?.status).toBe('DONE');

    await h.settle(() => buttons(roots(h.fake, MODERATOR.user)[0]!).includes('ticket_reopen'), 'the moderator card update');
    expect(blockText(roots(h.fake, MODERATOR.user)[0]!)).toContain('Renewed the gateway certificate.');
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    await h.settle(() => replies(h.fake, requesterCard).some((m) => buttons(m).includes('ticket_reopen')), 'the resolved reply');
    const resolved = replies(h.fake, requesterCard).find((m) => buttons(m).includes('ticket_reopen'))!;
    expect(blockText(resolved)).toContain('Renewed the gateway certificate.');
  });

  it('Reopen from the requester thread reopens the ticket', async () => {
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    const resolved = replies(h.fake, requesterCard).find((m) => buttons(m).includes('ticket_reopen'))!;
    const res = await h.signer.interaction(
      buttonClick(REQUESTER, { actionId: 'ticket_reopen', value: buttonValue(resolved, 'ticket_reopen'), channel: resolved.channel, messageTs: resolved.ts, responseUrl: h.fake.responseUrl('reopen') }),
    );
    expect(res.status).toBe(200);
    await h.settle(() => h.fake.responses.some((r) => r.id === 'reopen'), 'the reopen reply');
    expect(h.fake.responses.find((r) => r.id === 'reopen')?.body).toMatchObject({ response_type: 'ephemeral', text: '#1 reopened; it is back in the queue.' });
    expect((await h.store.getTicketByRef(1))?.status).toBe('TODO');
    await h.settle(() => buttons(roots(h.fake, MODERATOR.user)[0]!).includes('ticket_start'), 'the card back to to-do');
  });
});
