import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import type { Actor } from './fake-slack/payloads.js';
import type { FakeMessage } from './fake-slack/server.js';
import { blockText, buttons, buttonValue, replies, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startSlackHarness, type SlackHarness } from './harness.js';

const MAIL: Actor = { team: 'T1', user: 'UMAIL', name: 'mia' };

interface Option { value: string }
interface View { callback_id: string; private_metadata?: string; submit?: unknown; blocks: { type: string; block_id?: string; text?: { text: string }; element?: { options?: Option[]; initial_option?: Option; initial_options?: Option[] } }[] }

const select = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });
const values = (v: { priority: string; category: string; skills: string[]; other?: string }) => ({
  priority: { priority: select(v.priority) },
  category: { category: select(v.category) },
  skills: { skills: { type: 'multi_static_select', selected_options: v.skills.map((s) => ({ value: s, text: { type: 'plain_text', text: s } })) } },
  other_skills: { other_skills: { type: 'plain_text_input', value: v.other ?? null } },
});

/** "Edit triage…" on the Slack moderator card: the real Bolt app against the fake Slack. */
describe('Slack: Edit triage from the moderator card', () => {
  let h: SlackHarness;
  let card: FakeMessage;
  let metadata: string;

  const click = async (actor: Actor, message: FakeMessage, id: string) => {
    const payload = buttonClick(actor, { actionId: 'ticket_edit_triage', value: buttonValue(message, 'ticket_edit_triage'), channel: message.channel, messageTs: message.ts, responseUrl: h.fake.responseUrl(id) });
    const opensBefore = h.fake.callsOf('views.open').length;
    const updatesBefore = h.fake.callsOf('views.update').length;
    expect((await h.signer.interaction(payload)).status).toBe(200);
    await h.settle(() => h.fake.callsOf('views.update').length > updatesBefore, 'the form in the modal');
    return { payload, open: h.fake.callsOf('views.open')[opensBefore]!, update: h.fake.callsOf('views.update')[updatesBefore]! };
  };
  const submit = (actor: Actor, v: Parameters<typeof values>[0]) => h.signer.interaction(viewSubmission(actor, { callbackId: 'triage_modal', privateMetadata: metadata, values: values(v) }));
  const ticket = async () => (await h.store.getTicketByRef(1))!;

  beforeAll(async () => {
    h = await startSlackHarness();
    h.fake.addUser({ id: MAIL.user, name: MAIL.name, realName: 'Mia Mail', email: 'mia@example.com' });
    await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${MODERATOR.user}|max> vpn, networking`, h.fake.responseUrl('s1')));
    await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${MAIL.user}|mia> email`, h.fake.responseUrl('s2')));
    await h.settle(() => h.fake.responses.some((r) => r.id === 's2'), 'setup');
    await h.signer.command(slashCommand(REQUESTER, '/ticket', 'VPN drops every hour | the tunnel disconnects', h.fake.responseUrl('t1')));
    await h.settle(() => roots(h.fake, MODERATOR.user).length === 1, 'the moderator card');
    card = roots(h.fake, MODERATOR.user)[0]!;
  });
  afterAll(async () => h?.close());

  it('the card has the button; clicking opens the modal at once, then fills in the current values and the helpdesk\'s skills', async () => {
    expect(buttons(card)).toContain('ticket_edit_triage');
    const { payload, open, update } = await click(MODERATOR, card, 'edit');
    expect(open.args.trigger_id).toBe(payload.trigger_id);
    expect((open.args.view as View).submit).toBeUndefined();
    expect(update.args.view_id).toBeDefined();
    expect(update.args.hash).toBeDefined();
    const view = update.args.view as View;
    expect(view.callback_id).toBe('triage_modal');
    const input = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(input('priority')?.initial_option?.value).toBe('HIGH');
    expect(input('category')?.initial_option?.value).toBe('network');
    expect(input('skills')?.initial_options?.map((o) => o.value)).toEqual(['vpn']);
    const offered = input('skills')?.options?.map((o) => o.value) ?? [];
    expect(offered.slice(0, 1)).toEqual(['vpn']);
    expect(offered).toEqual(expect.arrayContaining(['email', 'networking', 'printers', 'hr']));
    expect(offered).not.toContain('java');
    expect(offered.length).toBeLessThanOrEqual(100);
    metadata = view.private_metadata ?? '';
  });

  it('an unknown skill or a stranger\'s submission gets one clear error under the field and changes nothing', async () => {
    const before = await ticket();
    const unknown = await submit(MODERATOR, { priority: 'LOW', category: 'network', skills: ['vpn'], other: 'teleportation' });
    expect(unknown.json()).toEqual({ response_action: 'errors', errors: { other_skills: expect.stringMatching(/^Unknown skill: "teleportation".*Nothing was changed\.$/) } });
    const stranger = await submit(REQUESTER, { priority: 'LOW', category: 'network', skills: ['vpn'] });
    expect(stranger.json()).toEqual({ response_action: 'errors', errors: { priority: 'Only the assignee of #1 or an admin can change its triage.' } });
    // Values the selects cannot produce (a crafted or stale submission) are refused by core the same way.
    const priority = await submit(MODERATOR, { priority: 'SOON', category: 'network', skills: ['vpn'] });
    expect(priority.json()).toEqual({ response_action: 'errors', errors: { priority: expect.stringMatching(/^The priority must be low, medium or high/) } });
    const category = await submit(MODERATOR, { priority: 'LOW', category: '', skills: ['vpn'] });
    expect(category.json()).toEqual({ response_action: 'errors', errors: { category: 'The category is empty. Nothing was changed.' } });
    expect((await ticket()).version).toBe(before.version);
  });

  it('someone else clicking the button is told why in the modal, with nothing to submit', async () => {
    const { update } = await click(REQUESTER, card, 'stranger');
    const view = update.args.view as View;
    expect(view.submit).toBeUndefined();
    expect(view.blocks.map((b) => b.text?.text ?? '').join('\n')).toContain('Only the assignee of #1 or an admin can change its triage.');
  });

  it('a valid submission records who changed what, tells the requester of the new priority and redraws the card in place', async () => {
    const max = await h.person(MODERATOR);
    const updates = card.updates;
    const res = await submit(MODERATOR, { priority: 'LOW', category: 'access', skills: ['vpn', 'networking'] });
    expect(res.text).toBe('');
    const after = await ticket();
    expect(after).toMatchObject({ priority: 'LOW', category: 'access', skills: ['vpn', 'networking'], assigneeId: max?.id });
    expect(after.history.at(-1)).toMatchObject({
      type: 'triage-corrected',
      actorId: max?.id,
      changes: [
        { field: 'priority', from: 'HIGH', to: 'LOW' },
        { field: 'category', from: 'network', to: 'access' },
        { field: 'skills', from: 'vpn', to: 'vpn, networking' },
      ],
    });
    await h.settle(() => card.updates > updates, 'the card update');
    expect(blockText(card)).toContain('Low');
    expect(blockText(card)).toContain('vpn, networking');
    expect(buttons(card)).toContain('ticket_edit_triage');
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    await h.settle(() => replies(h.fake, requesterCard).some((m) => blockText(m).includes('Low priority')), 'the requester told of the new priority');
  });

  it('an admin may change a ticket assigned to someone else', async () => {
    const admin = await h.person(ADMIN);
    expect((await submit(ADMIN, { priority: 'MEDIUM', category: 'access', skills: ['vpn', 'networking'] })).text).toBe('');
    expect((await ticket()).history.at(-1)).toMatchObject({ type: 'triage-corrected', actorId: admin?.id, changes: [{ field: 'priority', from: 'LOW', to: 'MEDIUM' }] });
    expect((await ticket()).assigneeId).toBe((await h.person(MODERATOR))?.id);
    await h.settle(() => blockText(card).includes('Medium'), 'the assignee\'s card redrawn');
  });

  it('new skills its moderator holds none of move an unstarted ticket to someone who does; everyone affected hears of it', async () => {
    const mia = await h.person(MAIL);
    const res = await submit(MODERATOR, { priority: 'LOW', category: 'email', skills: ['email'] });
    expect(res.text).toBe('');
    expect((await ticket()).assigneeId).toBe(mia?.id);
    await h.settle(() => blockText(card).includes('no longer need to act'), 'the handed-over card');
    expect(buttons(card)).toEqual([]);
    await h.settle(() => roots(h.fake, MAIL.user).some((m) => blockText(m).includes('#1 ') && buttons(m).includes('ticket_edit_triage')), 'the new moderator\'s card');
    const requesterCard = roots(h.fake, REQUESTER.user)[0]!;
    await h.settle(() => replies(h.fake, requesterCard).some((m) => blockText(m).includes('<@UMAIL>')), 'the requester told who has it now');
  });
});
