import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, messageShortcut, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import { blockText, buttons, buttonValue, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startStaffedSlackHarness, type SlackHarness } from './harness.js';

const ticketValues = (title: string, extra: Record<string, Record<string, Record<string, unknown>>> = {}) => ({
  title: { title: { type: 'plain_text_input', value: title } },
  description: { description: { type: 'plain_text_input', value: 'Paper stuck in tray 2' } },
  urgency: { urgency: { type: 'static_select', selected_option: { value: 'HIGH', text: { type: 'plain_text', text: 'High' } } } },
  system: { system: { type: 'plain_text_input', value: 'Printer 2F' } },
  ...extra,
});

describe('Slack: the ticket modal, the message shortcut and the card buttons', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
  });
  afterAll(async () => h?.close());

  it('/ticket alone opens the modal; problems show inline; a valid form files the ticket', async () => {
    const res = await h.signer.command(slashCommand(REQUESTER, '/ticket', '', h.fake.responseUrl('m'), 'trig-modal'));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await h.settle(() => h.fake.callsOf('views.open').length === 1, 'views.open');
    const open = h.fake.callsOf('views.open')[0]!;
    expect(open.args.trigger_id).toBe('trig-modal');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('ticket_modal');

    const bad = await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'ticket_modal', viewId: 'V-T', privateMetadata: view.private_metadata, values: ticketValues('   ') }));
    expect(bad.json()).toMatchObject({ response_action: 'errors', errors: { title: expect.stringContaining('needs a title') } });
    expect(await h.store.countTickets({})).toBe(0);

    const good = await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'ticket_modal', viewId: 'V-T', privateMetadata: view.private_metadata, values: ticketValues('Printer jammed') }));
    expect(good.json()).toMatchObject({ response_action: 'update', view: { blocks: [{ text: { text: expect.stringContaining('#1') } }] } });
    expect(await h.store.getTicketByRef(1)).toMatchObject({
      title: 'Printer jammed',
      description: 'Paper stuck in tray 2\n\nAffected system: Printer 2F',
      priority: 'HIGH',
      origin: { platform: 'slack', channelId: 'C-GENERAL' },
    });
    // Submitting the same view again (a retry) files nothing new.
    await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'ticket_modal', viewId: 'V-T', privateMetadata: view.private_metadata, values: ticketValues('Printer jammed') }), { retryNum: 1 });
    expect(await h.store.countTickets({})).toBe(1);
  });

  it('the message shortcut prefills the modal and links back to the message', async () => {
    const res = await h.signer.interaction(messageShortcut(REQUESTER, { channel: 'C-GENERAL', messageTs: '1699999999.000100', text: 'VPN drops every 5 minutes &amp; reconnects\nsince this morning', responseUrl: h.fake.responseUrl('sc') }));
    expect(res.status).toBe(200);
    await h.settle(() => h.fake.callsOf('views.update').length === 1, 'the modal update with the link');
    const opened = h.fake.callsOf('views.open').at(-1)!.args.view as { blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(opened.blocks.find((b) => b.block_id === 'title')?.element?.initial_value).toBe('VPN drops every 5 minutes & reconnects');
    const updated = h.fake.callsOf('views.update')[0]!;
    expect(updated.args.hash).toBeDefined();
    const view = updated.args.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ messageLink: 'https://fake.slack.test/archives/C-GENERAL/p1699999999000100' });

    await h.signer.interaction(viewSubmission(REQUESTER, { callbackId: 'ticket_modal', privateMetadata: view.private_metadata, values: ticketValues('VPN drops every 5 minutes') }));
    expect((await h.store.getTicketByRef(2))?.origin.messageLink).toBe('https://fake.slack.test/archives/C-GENERAL/p1699999999000100');
  });

  it('Start works once however often it is clicked; the card loses its Start button', async () => {
    await h.settle(() => roots(h.fake, MODERATOR.user).some((m) => blockText(m).includes('#2 ')), 'the card for #2');
    const card = roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('#2 '))!;
    const click = () =>
      h.signer.interaction(buttonClick(MODERATOR, { actionId: 'ticket_start', value: buttonValue(card, 'ticket_start'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('start') }));
    const [a, b] = await Promise.all([click(), click()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.settle(async () => (await h.store.getTicketByRef(2))?.status === 'IN_PROGRESS', 'started');
    await h.settle(() => !buttons(card).includes('ticket_start'), 'the card without Start');
    const ticket = await h.store.getTicketByRef(2);
    expect(ticket?.history.filter((e) => e.type === 'started')).toHaveLength(1);
    // Neither click produced an error for the moderator.
    expect(h.fake.responses.filter((r) => r.id === 'start')).toHaveLength(0);
  });

  it('someone who is not the assignee gets an ephemeral explanation, and no modal', async () => {
    const card = roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('#2 '))!;
    const before = h.fake.callsOf('views.open').length;
    await h.signer.interaction(buttonClick(REQUESTER, { actionId: 'ticket_resolve', value: buttonValue(card, 'ticket_resolve'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('intruder') }));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'intruder'), 'the explanation');
    expect(h.fake.responses.find((r) => r.id === 'intruder')?.body).toMatchObject({ response_type: 'ephemeral', text: 'Only the moderator assigned to #2 or an admin can do that.' });
    expect(h.fake.callsOf('views.open')).toHaveLength(before);
  });

  it('Reassign hands the ticket to a picked person; both cards change', async () => {
    const card = roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('#2 '))!;
    await h.signer.interaction(buttonClick(MODERATOR, { actionId: 'ticket_reassign', value: buttonValue(card, 'ticket_reassign'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('ra') }));
    await h.settle(() => h.fake.callsOf('views.open').some((c) => (c.args.view as { callback_id: string }).callback_id === 'reassign_modal'), 'the reassign modal');
    const view = h.fake.callsOf('views.open').find((c) => (c.args.view as { callback_id: string }).callback_id === 'reassign_modal')!.args.view as { private_metadata: string };

    const toRequester = await h.signer.interaction(viewSubmission(MODERATOR, { callbackId: 'reassign_modal', privateMetadata: view.private_metadata, values: { assignee: { assignee: { type: 'users_select', selected_user: REQUESTER.user } } } }));
    expect(toRequester.json()).toMatchObject({ response_action: 'errors', errors: { assignee: expect.stringContaining('is not a moderator') } });

    const toAdmin = await h.signer.interaction(viewSubmission(MODERATOR, { callbackId: 'reassign_modal', privateMetadata: view.private_metadata, values: { assignee: { assignee: { type: 'users_select', selected_user: ADMIN.user } } } }));
    expect(toAdmin.text).toBe('');
    const admin = await h.person(ADMIN);
    expect((await h.store.getTicketByRef(2))?.assigneeId).toBe(admin?.id);
    await h.settle(() => roots(h.fake, ADMIN.user).some((m) => blockText(m).includes('#2 ') && buttons(m).includes('ticket_resolve')), 'the admin card');
    await h.settle(() => blockText(card).includes('no longer need to act'), 'the handed-over card');
    expect(buttons(card)).toEqual([]);
  });
});
