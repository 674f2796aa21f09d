import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { ACTIONS, buildTriageModal, buildTriageNoticeModal, parseTicketButtonValue } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { tell } from '../reply.js';

type ButtonBody = BlockAction<ButtonAction>;

/**
 * "Edit triage…" on the moderator card. The trigger id lives 3 s, so the
 * modal opens at once with a short notice; identifying the clicker and
 * reading the form (the helpdesk's skills, the ticket's values) happen
 * afterwards, and views.update swaps in the prefilled form, or one sentence
 * saying why this person cannot change the ticket.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.action<ButtonBody>({ action_id: ACTIONS.editTriage, type: 'block_actions' }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const target = { respond: body.response_url ? respond : undefined, client, userId: body.user.id };
    let opened: { id: string; hash?: string } | null = null;
    let ref = 0;
    try {
      const ticket = parseTicketButtonValue(action.value);
      if (!ticket) throw new Error('button edit triage carries no ticket');
      ref = ticket.ref;
      const key = `slack:click:${team}:${body.user.id}:${ACTIONS.editTriage}:${ticket.id}`;
      if (!(await ctx.dedupe.claimOnce(key, ctx.clickDedupeMs, ctx.now()))) return;
      const first = await client.views.open({ trigger_id: body.trigger_id, view: buildTriageNoticeModal(ticket.ref, `Loading #${ticket.ref}…`) });
      if (first.view?.id) opened = { id: first.view.id, ...(first.view.hash ? { hash: first.view.hash } : {}) };
      const who = await ctx.people.identify(team, body.user.id, body.user.name ?? body.user.username);
      const form = who.ok ? await ctx.helpdesk.triageForm({ ticketId: ticket.id, actorId: who.value.id }) : who;
      const view = form.ok ? buildTriageModal(form.value) : buildTriageNoticeModal(ticket.ref, form.error.message);
      if (opened) await client.views.update({ view_id: opened.id, ...(opened.hash ? { hash: opened.hash } : {}), view });
      else if (!form.ok) await tell(target, form.error.message);
    } catch (error) {
      const text = ctx.errors.text(error, `button ${ACTIONS.editTriage}`, { slackUser: body.user.id });
      if (!opened || !(await showInModal(client, opened.id, ref, text))) await tell(target, text);
    }
  });
}

/** Puts a failure into the open modal; false when that fails too (the modal was closed, Slack is down). */
async function showInModal(client: webApi.WebClient, viewId: string, ref: number, text: string): Promise<boolean> {
  try {
    await client.views.update({ view_id: viewId, view: buildTriageNoticeModal(ref, text) });
    return true;
  } catch {
    return false;
  }
}
