import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmReply, eventEnvelope, slashCommand } from './fake-slack/payloads.js';
import { blockText, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startStaffedSlackHarness, type SlackHarness } from './harness.js';

describe('Slack: relay between the two threads, /skills, /tickets and App Home', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
    await h.signer.command(slashCommand(REQUESTER, '/ticket', 'VPN is down', h.fake.responseUrl('t')));
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1 && roots(h.fake, REQUESTER.user).length === 1, 'both cards');
  });
  afterAll(async () => h?.close());

  it('a requester reply reaches the moderator thread, attributed; a retried event is relayed once', async () => {
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    const moderatorCard = roots(h.fake, MODERATOR.user)[0]!;
    const envelope = eventEnvelope(REQUESTER.team, dmReply(REQUESTER, requesterCard.channel, requesterCard.ts, 'It says <https://vpn.example.com|the portal> is down &amp; blank'), 'Ev-relay-1');
    expect((await h.signer.event(envelope)).status).toBe(200);
    expect((await h.signer.event(envelope, { retryNum: 1 })).status).toBe(200);
    await h.settle(() => replies(h.fake, moderatorCard).some((m) => blockText(m).includes('the portal')), 'the relayed reply');
    const relayed = replies(h.fake, moderatorCard).filter((m) => blockText(m).includes('the portal'));
    expect(relayed).toHaveLength(1);
    expect(blockText(relayed[0]!)).toContain(`<@${REQUESTER.user}>`);
    expect(blockText(relayed[0]!)).toContain('the portal (`https://vpn.example.com`) is down &amp; blank');
    const ticket = await h.store.getTicketByRef(1);
    expect(ticket?.history.filter((e) => e.type === 'message')).toHaveLength(1);
  });

  it('a moderator reply reaches the requester thread; the bot ignores its own messages', async () => {
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    const moderatorCard = roots(h.fake, MODERATOR.user)[0]!;
    await h.signer.event(eventEnvelope(MODERATOR.team, dmReply(MODERATOR, moderatorCard.channel, moderatorCard.ts, 'Try reconnecting now, please.')));
    await h.settle(() => replies(h.fake, requesterCard).some((m) => blockText(m).includes('Try reconnecting now')), 'the reply to the requester');
    await h.signer.event(eventEnvelope(MODERATOR.team, { ...dmReply(MODERATOR, moderatorCard.channel, moderatorCard.ts, 'bot echo'), user: 'UBOT', bot_id: 'BBOT' }));
    // A later message from a person is relayed; by then the bot's own message has long been dropped.
    await h.signer.event(eventEnvelope(MODERATOR.team, dmReply(MODERATOR, moderatorCard.channel, moderatorCard.ts, 'Second note.')));
    await h.settle(() => replies(h.fake, requesterCard).some((m) => blockText(m).includes('Second note.')), 'the second reply');
    const texts = (await h.store.getTicketByRef(1))?.history.flatMap((e) => (e.type === 'message' ? [e.text] : []));
    expect(texts).toHaveLength(3);
    expect(texts).not.toContain('bot echo');
    expect(h.fake.messages.some((m) => m.text.includes('bot echo'))).toBe(false);
  });

  it('a message outside any ticket thread gets a hint instead of vanishing', async () => {
    await h.signer.event(eventEnvelope(REQUESTER.team, { type: 'message', channel: `D${REQUESTER.user}`, channel_type: 'im', user: REQUESTER.user, text: 'hello?', ts: '1700000500.000001' }));
    await h.settle(() => h.fake.messages.some((m) => m.threadTs === '1700000500.000001'), 'the hint');
    expect(h.fake.messages.find((m) => m.threadTs === '1700000500.000001')?.text).toContain('/ticket');
  });

  it('/skills: admins change skills; others are told it is admin-only', async () => {
    await h.signer.command(slashCommand(REQUESTER, '/skills', `add <@${MODERATOR.user}|max> printers`, h.fake.responseUrl('no')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'no'), 'the refusal');
    expect(h.fake.responses.find((r) => r.id === 'no')?.body).toMatchObject({ response_type: 'ephemeral', text: 'Only helpdesk admins can do that.' });
    expect((await h.person(MODERATOR))?.skills).toEqual(['vpn']);

    await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${MODERATOR.user}|max> printer, wifi`, h.fake.responseUrl('yes')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'yes'), 'the change');
    expect((await h.person(MODERATOR))?.skills).toEqual(['vpn', 'printers', 'networking']);
    expect(String(h.fake.responses.find((r) => r.id === 'yes')?.body.text)).toContain('vpn, printers, networking');

    await h.signer.command(slashCommand(ADMIN, '/skills', 'add nobody vpn', h.fake.responseUrl('bad')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'bad'), 'the usage');
    expect(String(h.fake.responses.find((r) => r.id === 'bad')?.body.text)).toContain('is not a mention of a person');
  });

  it('/tickets lists with the console filters, ephemerally', async () => {
    await h.signer.command(slashCommand(REQUESTER, '/tickets', 'mine status:todo', h.fake.responseUrl('list')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'list'), 'the list');
    const body = h.fake.responses.find((r) => r.id === 'list')!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(blockText(body)).toContain('*#1* VPN is down');

    await h.signer.command(slashCommand(REQUESTER, '/tickets', 'status:whatever', h.fake.responseUrl('badfilter')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'badfilter'), 'the filter error');
    expect(String(h.fake.responses.find((r) => r.id === 'badfilter')?.body.text)).toContain('Unknown status');
  });

  it('App Home shows an admin every list', async () => {
    await h.signer.event(eventEnvelope(ADMIN.team, { type: 'app_home_opened', user: ADMIN.user, channel: `D${ADMIN.user}`, tab: 'home' }));
    await h.settle(() => h.fake.callsOf('views.publish').length === 1, 'views.publish');
    const call = h.fake.callsOf('views.publish')[0]!;
    expect(call.args.user_id).toBe(ADMIN.user);
    const text = blockText(call.args.view as { blocks: unknown });
    for (const title of ['Your open tickets', 'Your queue', 'Unassigned', 'All open tickets']) expect(text).toContain(title);
    expect(text).toContain('*#1* VPN is down');
  });
});
