import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_TEXT } from '../../adapters/slack/listeners/late-ack.js';
import { encodeMetadata } from '../../adapters/slack/blocks/index.js';
import { FORM_TOO_LATE } from '../../core/index.js';
import { buttonClick, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import { buttonValue, roots } from './helpers.js';
import { MODERATOR, REQUESTER, startStaffedSlackHarness, type SlackHarness } from './harness.js';
import { Stall, stallingStore } from './stalling-store.js';

const ticketValues = (title: string) => ({
  title: { title: { type: 'plain_text_input', value: title } },
  description: { description: { type: 'plain_text_input', value: 'The printer on floor 2 shows an error' } },
});

/**
 * A database election as the chat side lives it: ticket writes hang until
 * the test lets them through (the MongoDB driver waits for a new primary,
 * up to ~12 s). Slack still hears back within its 3 seconds — the ack
 * budget is shortened here, and nothing is released by a timer — and the
 * outcome arrives once the store answers, exactly once.
 */
describe('Slack while the store stalls (a database election)', () => {
  let h: SlackHarness;
  const stall = new Stall();
  beforeAll(async () => {
    h = await startStaffedSlackHarness({ config: { ackBudgetMs: 50 }, wrapStore: (store) => stallingStore(store, stall, ['createTicket', 'updateTicket']) });
  });
  afterAll(async () => {
    stall.release();
    await h?.close();
  });

  const errorsLogged = () => h.logger.lines.filter((l) => l.level === 'error');

  it('/ticket is acknowledged with "will confirm" before the store answers, then confirmed through the response_url', async () => {
    stall.hold();
    const res = await h.signer.command(slashCommand(REQUESTER, '/ticket', 'VPN down', h.fake.responseUrl('slow-ticket')));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: WORKING_TEXT });
    expect(await h.store.countTickets({})).toBe(0);
    expect(h.fake.responses.some((r) => r.id === 'slow-ticket')).toBe(false);

    stall.release();
    await h.settle(() => h.fake.responses.some((r) => r.id === 'slow-ticket'), 'the late confirmation');
    const late = h.fake.responses.filter((r) => r.id === 'slow-ticket');
    expect(late).toHaveLength(1);
    expect(late[0]?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ticket #1 filed') });
    expect(await h.store.countTickets({})).toBe(1);
    expect(await h.store.getTicketByRef(1)).toMatchObject({ title: 'VPN down', origin: { platform: 'slack', channelId: 'C-GENERAL' } });
    expect(stall.waited).toBeGreaterThan(0);
    expect(errorsLogged()).toEqual([]);
  });

  it('Start is acknowledged before the store answers and starts the ticket once', async () => {
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1, 'the moderator card');
    const card = roots(h.fake, MODERATOR.user)[0]!;
    const waitedBefore = stall.waited;
    stall.hold();
    const res = await h.signer.interaction(
      buttonClick(MODERATOR, { actionId: 'ticket_start', value: buttonValue(card, 'ticket_start'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('slow-start') }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await h.store.getTicketByRef(1))?.status).toBe('TODO');

    stall.release();
    await h.settle(async () => (await h.store.getTicketByRef(1))?.status === 'IN_PROGRESS', 'the ticket started');
    const ticket = await h.store.getTicketByRef(1);
    expect(ticket?.history.filter((e) => e.type === 'started')).toHaveLength(1);
    expect(stall.waited).toBeGreaterThan(waitedBefore);
    // Success says nothing through the response_url: the card changes, as on the fast path.
    expect(h.fake.responses.some((r) => r.id === 'slow-start')).toBe(false);
    expect(errorsLogged()).toEqual([]);
  });

  it('a modal submission closes the modal at once and is confirmed in the channel it came from', async () => {
    const posted = h.fake.callsOf('chat.postEphemeral').length;
    stall.hold();
    const res = await h.signer.interaction(
      viewSubmission(REQUESTER, { callbackId: 'ticket_modal', viewId: 'V-SLOW', privateMetadata: encodeMetadata({ channelId: 'C-GENERAL' }), values: ticketValues('Printer jammed') }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await h.store.countTickets({})).toBe(1);

    stall.release();
    await h.settle(() => h.fake.callsOf('chat.postEphemeral').length > posted, 'the late confirmation');
    const late = h.fake.callsOf('chat.postEphemeral').slice(posted);
    expect(late).toHaveLength(1);
    expect(late[0]?.args).toMatchObject({ channel: 'C-GENERAL', user: REQUESTER.user, text: expect.stringContaining('Ticket *#2* filed') });
    expect(await h.store.countTickets({})).toBe(2);
    expect(errorsLogged()).toEqual([]);
  });

  it('a button whose form could not open in time (its trigger expired while the store was slow) asks to try again, without an error reference', async () => {
    const card = roots(h.fake, MODERATOR.user)[0]!;
    h.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const res = await h.signer.interaction(
      buttonClick(MODERATOR, { actionId: 'ticket_resolve', value: buttonValue(card, 'ticket_resolve'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('late-form') }),
    );
    expect(res.status).toBe(200);
    await h.settle(() => h.fake.responses.some((r) => r.id === 'late-form'), 'the try-again answer');
    expect(h.fake.responses.find((r) => r.id === 'late-form')?.body).toMatchObject({ response_type: 'ephemeral', text: FORM_TOO_LATE });
    expect((await h.store.getTicketByRef(1))?.status).toBe('IN_PROGRESS');
    expect(errorsLogged()).toEqual([]);
  });
});
