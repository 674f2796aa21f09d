import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTicketStats } from '../../core/testing/memory-stats.js';
import { buttonClick, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import { blockText, buttons, buttonValue, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startStaffedSlackHarness, type SlackHarness } from './harness.js';

describe('Slack: rating a resolution, /hold and /stats', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness({ stats: new MemoryTicketStats() });
    await h.signer.command(slashCommand(REQUESTER, '/ticket', 'VPN drops | since this morning', h.fake.responseUrl('file')));
    await h.settle(async () => ((await h.store.getTicketByRef(1))?.assigneeId ?? null) !== null, 'assigned');
  });
  afterAll(async () => h?.close());

  const card = () => roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('#1 '))!;
  const resolvedReply = () => replies(h.fake, roots(h.fake, REQUESTER.user)[0]!).find((m) => buttons(m).includes('ticket_rate_bad'));

  it('/hold answers privately, and refuses the requester', async () => {
    await h.signer.command(slashCommand(MODERATOR, '/hold', '#1', h.fake.responseUrl('hold')));
    await h.signer.command(slashCommand(REQUESTER, '/hold', '#1', h.fake.responseUrl('hold-req')));
    await h.signer.command(slashCommand(MODERATOR, '/hold', 'soon', h.fake.responseUrl('hold-bad')));
    await h.settle(() => ['hold', 'hold-req', 'hold-bad'].every((id) => h.fake.responses.some((r) => r.id === id)), 'the /hold answers');
    const answer = (id: string) => h.fake.responses.find((r) => r.id === id)?.body as { response_type: string; text: string };
    expect(answer('hold')).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('#1 is on hold') });
    expect(answer('hold-req').text).toBe('Only the moderator assigned to #1 or an admin can do that.');
    expect(answer('hold-bad').text).toBe('"soon" is not a ticket reference. Usage: /hold #n [off]');
  });

  it('resolve → 👍/👎 on the requester’s reply → 👎 with a comment: the card shows it and the assignee is told, with Reopen', async () => {
    const moderator = await h.person(MODERATOR);
    const ticket = await h.store.getTicketByRef(1);
    expect((await h.helpdesk.resolveTicket({ ticketId: ticket!.id, actorId: moderator!.id, note: 'Restarted the gateway' })).ok).toBe(true);
    await h.settle(() => resolvedReply() !== undefined, 'the resolved reply with rating buttons');
    const reply = resolvedReply()!;
    expect(buttons(reply)).toEqual(['ticket_reopen', 'ticket_rate_good', 'ticket_rate_bad']);

    // Someone else clicking gets one clear message and no form.
    const opened = () => h.fake.callsOf('views.open').filter((c) => (c.args.view as { callback_id: string }).callback_id === 'rating_modal');
    await h.signer.interaction(buttonClick(MODERATOR, { actionId: 'ticket_rate_good', value: buttonValue(reply, 'ticket_rate_good'), channel: reply.channel, messageTs: reply.ts, responseUrl: h.fake.responseUrl('intruder') }));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'intruder'), 'the refusal');
    expect(h.fake.responses.find((r) => r.id === 'intruder')?.body).toMatchObject({ response_type: 'ephemeral', text: 'Only the person who filed #1 can rate it.' });
    expect(opened()).toHaveLength(0);

    await h.signer.interaction(buttonClick(REQUESTER, { actionId: 'ticket_rate_bad', value: buttonValue(reply, 'ticket_rate_bad'), channel: reply.channel, messageTs: reply.ts, responseUrl: h.fake.responseUrl('rate') }));
    await h.settle(() => opened().length === 1, 'the rating modal');
    const view = opened()[0]!.args.view as { private_metadata: string };
    const submitted = await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'rating_modal', privateMetadata: view.private_metadata, values: { rating_comment: { rating_comment: { type: 'plain_text_input', value: 'Still drops every hour' } } } }));
    expect(submitted.text).toBe('');
    await h.settle(() => blockText(card()).includes('Rated bad by the requester: Still drops every hour'), 'the card with the rating');
    const notice = () => replies(h.fake, card()).find((m) => blockText(m).includes('rated the resolution'));
    await h.settle(() => notice() !== undefined, 'the 👎 notice');
    expect(blockText(notice()!)).toContain('Still drops every hour');
    expect(buttons(notice()!)).toEqual(['ticket_reopen']);
  });

  it('a second click changes the rating', async () => {
    const reply = resolvedReply()!;
    await h.signer.interaction(buttonClick(REQUESTER, { actionId: 'ticket_rate_good', value: buttonValue(reply, 'ticket_rate_good'), channel: reply.channel, messageTs: reply.ts, responseUrl: h.fake.responseUrl('rate2') }));
    await h.settle(() => h.fake.callsOf('views.open').filter((c) => (c.args.view as { callback_id: string }).callback_id === 'rating_modal').length === 2, 'the second modal');
    const view = h.fake.callsOf('views.open').at(-1)!.args.view as { private_metadata: string };
    await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'rating_modal', privateMetadata: view.private_metadata, values: { rating_comment: { rating_comment: { type: 'plain_text_input', value: '' } } } }));
    await h.settle(() => blockText(card()).includes('Rated good by the requester'), 'the card with the new rating');
    const ticket = await h.store.getTicketByRef(1);
    expect(ticket?.history.filter((e) => e.type === 'rated').map((e) => (e.type === 'rated' ? e.rating : null))).toEqual(['bad', 'good']);
  });

  it('/stats answers privately with Block Kit; a bad period and a requester get one clear message', async () => {
    await h.signer.command(slashCommand(ADMIN, '/stats', `7d <@${MODERATOR.user}|max>`, h.fake.responseUrl('stats')));
    await h.signer.command(slashCommand(ADMIN, '/stats', '0d', h.fake.responseUrl('stats-0d')));
    await h.signer.command(slashCommand(REQUESTER, '/stats', '', h.fake.responseUrl('stats-req')));
    await h.settle(() => ['stats', 'stats-0d', 'stats-req'].every((id) => h.fake.responses.some((r) => r.id === id)), 'the /stats answers');
    const answer = (id: string) => h.fake.responses.find((r) => r.id === id)?.body as { response_type: string; text: string; blocks?: unknown };
    expect(answer('stats').response_type).toBe('ephemeral');
    const text = blockText(answer('stats'));
    expect(text).toContain('Stats for the last 7 days (Max Moderator)');
    expect(text).toContain('1 / 1');
    expect(text).toContain('100% :+1: (1 :+1:, 0 :-1:)');
    expect(text).toMatch(/Max Moderator: 1 resolved/);
    expect(answer('stats-0d').text).toMatch(/^"0d" is not a period/);
    expect(answer('stats-req').text).toMatch(/Only admins/);
  });
});
