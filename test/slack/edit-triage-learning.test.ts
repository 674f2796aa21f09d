import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexicalSimilarIndex, LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { SkillCatalog } from '../../core/index.js';
import { buttonClick, slashCommand, viewSubmission } from './fake-slack/payloads.js';
import type { Actor } from './fake-slack/payloads.js';
import { blockText, buttons, buttonValue, roots } from './helpers.js';
import { ADMIN, MODERATOR, REQUESTER, startSlackHarness, type SlackHarness } from './harness.js';

const PAT: Actor = { team: 'T1', user: 'UPAT', name: 'pat' };

const select = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });

/** With local triage: a moderator corrects one ticket from the card, and the next similar ticket comes out right. */
describe('Slack: a correction from the card teaches local triage', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ triage: new LocalTriageEngine({ catalog: new SkillCatalog() }), similar: new LexicalSimilarIndex() });
    h.fake.addUser({ id: PAT.user, name: PAT.name, realName: 'Pat Payroll', email: 'pat@example.com' });
    for (const [id, text] of [
      ['s1', `add <@${MODERATOR.user}|max> vpn, networking`],
      ['s2', 'new timesheets "Time tracking in Spring"'],
      ['s3', `add <@${PAT.user}|pat> timesheets`],
    ] as const) {
      await h.signer.command(slashCommand(ADMIN, '/skills', text, h.fake.responseUrl(id)));
      await h.settle(() => h.fake.responses.some((r) => r.id === id), id);
    }
  });
  afterAll(async () => h?.close());

  it('the corrected skills route the next similar ticket to the person who holds them', async () => {
    await h.signer.command(slashCommand(REQUESTER, '/ticket', 'Spring shows 0 hours for last week | Spring shows 0 hours although I entered 40', h.fake.responseUrl('t1')));
    await h.settle(async () => ((await h.store.getTicketByRef(1))?.assigneeId ?? null) !== null, 'the first ticket assigned');
    const first = (await h.store.getTicketByRef(1))!;
    expect(first.skills).not.toContain('timesheets');
    // Whoever holds it (a moderator, or an admin as the fallback) corrects it from their card.
    const holder = [MODERATOR, ADMIN].find((a) => roots(h.fake, a.user).some((m) => blockText(m).includes('#1 ')))!;
    await h.settle(() => roots(h.fake, holder.user).some((m) => buttons(m).includes('ticket_edit_triage')), 'the card');
    const card = roots(h.fake, holder.user).find((m) => blockText(m).includes('#1 '))!;
    await h.signer.interaction(buttonClick(holder, { actionId: 'ticket_edit_triage', value: buttonValue(card, 'ticket_edit_triage'), channel: card.channel, messageTs: card.ts, responseUrl: h.fake.responseUrl('edit') }));
    await h.settle(() => h.fake.callsOf('views.update').some((c) => (c.args.view as { callback_id?: string; submit?: unknown }).submit !== undefined), 'the form');
    const view = h.fake.callsOf('views.update').find((c) => (c.args.view as { submit?: unknown }).submit !== undefined)!.args.view as { private_metadata: string; blocks: { block_id?: string; element?: { options?: { value: string }[] } }[] };
    expect(view.blocks.find((b) => b.block_id === 'skills')?.element?.options?.map((o) => o.value)).toContain('timesheets');
    const saved = await h.signer.interaction(
      viewSubmission(holder, {
        callbackId: 'triage_modal',
        privateMetadata: view.private_metadata,
        values: {
          priority: { priority: select(first.priority) },
          category: { category: select('hr') },
          skills: { skills: { type: 'multi_static_select', selected_options: [{ value: 'timesheets', text: { type: 'plain_text', text: 'timesheets' } }] } },
          other_skills: { other_skills: { type: 'plain_text_input', value: null } },
        },
      }),
    );
    expect(saved.text).toBe('');
    const pat = await h.person(PAT);
    expect((await h.store.getTicketByRef(1))?.assigneeId).toBe(pat?.id);

    await h.signer.command(slashCommand(REQUESTER, '/ticket', 'Spring shows 0 hours this week | Spring shows 0 hours for me too', h.fake.responseUrl('t2')));
    await h.settle(async () => ((await h.store.getTicketByRef(2))?.assigneeId ?? null) !== null, 'the second ticket assigned');
    const next = (await h.store.getTicketByRef(2))!;
    expect(next.skills[0]).toBe('timesheets');
    expect(next.assigneeId).toBe(pat?.id);
  });
});
