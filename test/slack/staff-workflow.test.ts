import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedTriage } from '../../core/testing/fakes.js';
import { buttonClick, dmReply, eventEnvelope, slashCommand, viewSubmission, type Actor } from './fake-slack/payloads.js';
import { blockText, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startSlackHarness, type SlackHarness } from './harness.js';

const SECOND: Actor = { team: 'T1', user: 'UMOD2', name: 'mia' };
const value = (t: { id: string; ref: number }) => JSON.stringify({ id: t.id, ref: t.ref });
const responseText = (h: SlackHarness, id: string) => h.fake.responses.filter((r) => r.id === id).map((r) => `${String(r.body.text)}\n${blockText(r.body)}`);

/** A block_actions payload for a static select, as Slack sends it. */
function selectPick(actor: Actor, options: { actionId: string; blockId: string; value: string; channel: string; messageTs: string; responseUrl: string }) {
  const base = buttonClick(actor, { actionId: options.actionId, value: '', channel: options.channel, messageTs: options.messageTs, responseUrl: options.responseUrl });
  return { ...base, actions: [{ type: 'static_select', action_id: options.actionId, block_id: options.blockId, selected_option: { value: options.value, text: { type: 'plain_text', text: options.value } }, action_ts: '1700000001.000001' }] };
}

describe('Slack: the staff workflow', () => {
  let h: SlackHarness;
  let ticket: { id: string; ref: number };
  beforeAll(async () => {
    // Nobody holds "kubernetes": a ticket goes to the admin as fallback, and staff may take it.
    h = await startSlackHarness({ triage: new FixedTriage({ skills: ['kubernetes'], priority: 'HIGH', category: 'infra', summary: 'Cluster down' }) });
    h.fake.addUser({ id: SECOND.user, name: SECOND.name, realName: 'Mia Moderator' });
    for (const [who, id] of [[MODERATOR, 's1'], [SECOND, 's2']] as const) {
      await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${who.user}|${who.name}> vpn`, h.fake.responseUrl(id)));
      await h.settle(() => h.fake.responses.some((r) => r.id === id), id);
    }
    const requester = await h.helpdesk.identify({ identity: `slack:${REQUESTER.team}:${REQUESTER.user}`, displayName: 'Rita Requester' });
    if (!requester.ok) throw new Error(requester.error.message);
    const filed = await h.helpdesk.fileTicket({ requesterId: requester.value.id, title: 'Cluster down', origin: { platform: 'slack' } });
    if (!filed.ok) throw new Error(filed.error.message);
    ticket = { id: filed.value.ticket.id, ref: filed.value.ticket.ref };
    await h.settle(async () => (await h.store.getTicket(ticket.id))?.assigneeId !== null, 'the admin fallback');
  });
  afterAll(async () => h?.close());

  it('two moderators click Take it at once: one gets the ticket, the other is told who has it', async () => {
    const click = (actor: Actor, id: string) =>
      h.signer.interaction(buttonClick(actor, { actionId: 'ticket_claim', value: value(ticket), channel: `D${actor.user}`, messageTs: '1700000000.999999', responseUrl: h.fake.responseUrl(id) }));
    const [a, b] = await Promise.all([click(MODERATOR, 'race-max'), click(SECOND, 'race-mia')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.settle(() => h.fake.responses.filter((r) => r.id.startsWith('race-')).length >= 4, 'both answers');
    const after = (await h.store.getTicket(ticket.id))!;
    const max = (await h.person(MODERATOR))!;
    const winner = after.assigneeId === max.id ? 'max' : 'mia';
    const loser = winner === 'max' ? 'mia' : 'max';
    expect([max.id, (await h.person(SECOND))!.id]).toContain(after.assigneeId);
    expect(responseText(h, `race-${winner}`).join('\n')).toContain(`#${ticket.ref} is yours now`);
    const winnerName = winner === 'max' ? 'Max Moderator' : 'Mia Moderator';
    // The loser hears who won, and their notice is redrawn to say so.
    expect(responseText(h, `race-${loser}`).join('\n')).toContain(`already taken: ${winnerName} has it`);
    expect(h.fake.responses.find((r) => r.id === `race-${loser}` && r.body.replace_original === true)?.body.text).toContain(`taken by ${winnerName}`);
    expect(after.history.filter((e) => e.type === 'reassigned' && e.reason?.rule === 'claim')).toHaveLength(1);
    // Whoever won works the rest of this file's ticket: hand it to max so the next tests know who.
    if (winner === 'mia') expect((await h.helpdesk.reassignTicket({ ticketId: ticket.id, actorId: (await h.person(ADMIN))!.id, to: max.id })).ok).toBe(true);
    await h.settle(() => roots(h.fake, MODERATOR.user).some((m) => blockText(m).includes('Cluster down')), 'max has the card');
  });

  it('Note… opens a modal; the note shows in the card thread as internal and never reaches the requester', async () => {
    const card = roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('Cluster down'))!;
    await h.signer.interaction(buttonClick(MODERATOR, { actionId: 'ticket_note', value: value(ticket), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('note') }));
    await h.settle(() => h.fake.callsOf('views.open').some((c) => (c.args.view as { callback_id?: string }).callback_id === 'note_modal'), 'the note modal');
    const view = h.fake.callsOf('views.open').map((c) => c.args.view as { callback_id: string; private_metadata: string }).find((v) => v.callback_id === 'note_modal')!;
    const empty = await h.signer.interaction(viewSubmission(MODERATOR, { callbackId: 'note_modal', privateMetadata: view.private_metadata, values: { internal_note: { internal_note: { type: 'plain_text_input', value: '  ' } } } }));
    expect(empty.json()).toMatchObject({ response_action: 'errors', errors: { internal_note: expect.stringContaining('empty') } });
    const ok = await h.signer.interaction(viewSubmission(MODERATOR, { callbackId: 'note_modal', privateMetadata: view.private_metadata, values: { internal_note: { internal_note: { type: 'plain_text_input', value: 'SECRET-lynx: the etcd disk is full' } } } }));
    expect(ok.text).toBe('');
    await h.settle(() => replies(h.fake, card).some((m) => m.text.includes('Internal note from')), 'the note in the card thread');
    expect(blockText(replies(h.fake, card).find((m) => m.text.includes('Internal note from'))!)).toContain('SECRET-lynx');

    // A relayed message from the same thread is confirmed as sent to the requester; the note is not in what she receives.
    await h.signer.event(eventEnvelope('T1', dmReply(MODERATOR, card.channel, card.ts, 'Could you retry the deploy?')));
    await h.settle(() => replies(h.fake, card).some((m) => m.text.includes('Sent to Rita')), 'the relay confirmation');
    await h.settle(() => h.fake.dm(REQUESTER.user).some((m) => blockText(m).includes('retry the deploy')), 'the relayed message');
    const toRequester = h.fake.messages.filter((m) => m.channel === `D${REQUESTER.user}`);
    expect(toRequester.length).toBeGreaterThan(0);
    for (const m of toRequester) expect(`${m.text}${JSON.stringify(m.blocks)}`).not.toContain('SECRET-lynx');
  });

  it('Reply with… offers the saved replies; picking one sends it to the requester as the moderator', async () => {
    await h.signer.command(slashCommand(ADMIN, '/replies', 'add k8s-wait Hi {requester}, we are on {ref} ({title}). — {assignee}', h.fake.responseUrl('add')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'add'), '/replies add');
    expect(responseText(h, 'add').join()).toContain('Saved reply k8s-wait added');
    const card = roots(h.fake, MODERATOR.user).find((m) => blockText(m).includes('Cluster down'))!;
    await h.signer.interaction(buttonClick(MODERATOR, { actionId: 'ticket_reply_with', value: value(ticket), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('pick') }));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'pick'), 'the picker');
    const picker = h.fake.responses.find((r) => r.id === 'pick')!.body as { blocks: { block_id: string; accessory: { action_id: string; options: { value: string }[] } }[] };
    expect(picker.blocks[0]!.accessory.options.map((o) => o.value)).toEqual(['k8s-wait']);
    await h.signer.interaction(selectPick(MODERATOR, { actionId: picker.blocks[0]!.accessory.action_id, blockId: picker.blocks[0]!.block_id, value: 'k8s-wait', channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('picked') }));
    await h.settle(() => h.fake.dm(REQUESTER.user).some((m) => blockText(m).includes('we are on #1')), 'the saved reply reaches the requester');
    expect(h.fake.dm(REQUESTER.user).map((m) => blockText(m)).join('\n')).toContain('Hi Rita Requester, we are on #1 (Cluster down). — Max Moderator');
    expect(responseText(h, 'picked').join()).toContain('Sent “k8s-wait” on #1');
    const audit = await h.signer.command(slashCommand(ADMIN, '/audit', `<@${MODERATOR.user}|max>`, h.fake.responseUrl('audit')));
    expect(audit.status).toBe(200);
    await h.settle(() => h.fake.responses.some((r) => r.id === 'audit'), '/audit');
    expect(responseText(h, 'audit').join()).toMatch(/saved-reply #1/);
  });

  it('/tickets says how many match and pages with Next and Previous, the filters carried in the buttons', async () => {
    for (let i = 0; i < 22; i++) {
      // One requester each: filing is rate-limited per person.
      const who = await h.helpdesk.identify({ identity: `slack:T1:UP${i}`, displayName: `p${i}` });
      if (!who.ok) throw new Error(who.error.message);
      const filed = await h.helpdesk.fileTicket({ requesterId: who.value.id, title: `Printer ${i}`, origin: { platform: 'slack' } });
      expect(filed.ok ? 'filed' : filed.error.message).toBe('filed');
    }
    await h.settle(async () => (await h.store.countTickets({ statuses: ['TODO'], assigneeId: null })) === 0, 'triage');
    await h.signer.command(slashCommand(ADMIN, '/tickets', 'all printer', h.fake.responseUrl('p1')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'p1'), 'page 1');
    const first = h.fake.responses.find((r) => r.id === 'p1')!.body;
    expect(blockText(first)).toContain('22 tickets match `all printer` · page 1 of 2');
    const next = (first.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements!;
    expect(next.map((e) => e.action_id)).toEqual(['tickets_page_next']);
    await h.signer.interaction(buttonClick(ADMIN, { actionId: 'tickets_page_next', value: next[0]!.value, channel: 'C-GENERAL', messageTs: '1700000000.888888', responseUrl: h.fake.responseUrl('p2') }));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'p2'), 'page 2');
    const second = h.fake.responses.find((r) => r.id === 'p2')!.body;
    expect(second.replace_original).toBe(true);
    expect(blockText(second)).toContain('page 2 of 2');
    expect((blockText(second).match(/Printer \d+/g) ?? []).length).toBe(2);
    const prev = (second.blocks as { type: string; elements?: { action_id: string }[] }[]).find((b) => b.type === 'actions')!.elements!;
    expect(prev.map((e) => e.action_id)).toEqual(['tickets_page_prev']);
    await h.signer.command(slashCommand(ADMIN, '/tickets', 'page:0', h.fake.responseUrl('p0')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 'p0'), 'page:0');
    expect(responseText(h, 'p0').join()).toContain('page: takes a page number from 1');
  });
});

