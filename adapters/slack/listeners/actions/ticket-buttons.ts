import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { fail, isOpen, requireAssigneeOrAdmin, type Person, type Result, type Ticket } from '../../../../core/index.js';
import { ACTIONS, buildReassignModal, buildResolveModal, parseTicketButtonValue } from '../../blocks/index.js';
import type { SlackContext } from '../../context.js';
import { tell } from '../reply.js';

type ButtonBody = BlockAction<ButtonAction>;

interface Click {
  readonly ctx: SlackContext;
  readonly body: ButtonBody;
  readonly client: webApi.WebClient;
  readonly respond: RespondFn | undefined;
  readonly actor: Person;
  readonly ticket: { readonly id: string; readonly ref: number };
}

/**
 * The card buttons: Start and Reopen act at once; Resolve and Reassign open
 * a modal, after checking that the clicker may act (the assignee or an
 * admin), so nobody fills in a form only to be told no. The card itself is
 * refreshed by the workflow that the action triggers.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  on(routes, ctx, ACTIONS.start, async (c) => {
    const result = await c.ctx.helpdesk.startTicket({ ticketId: c.ticket.id, actorId: c.actor.id });
    if (!result.ok) await tellClicker(c, result.error.message);
  });
  on(routes, ctx, ACTIONS.reopen, async (c) => {
    const result = await c.ctx.helpdesk.reopenTicket({ ticketId: c.ticket.id, actorId: c.actor.id });
    await tellClicker(c, result.ok ? `#${c.ticket.ref} reopened; it is back in the queue.` : result.error.message);
  });
  on(routes, ctx, ACTIONS.resolve, async (c) => {
    const ticket = await actionable(c);
    if (!ticket.ok) return tellClicker(c, ticket.error.message);
    await c.client.views.open({ trigger_id: c.body.trigger_id, view: buildResolveModal(ticket.value) });
  });
  on(routes, ctx, ACTIONS.reassign, async (c) => {
    const ticket = await actionable(c);
    if (!ticket.ok) return tellClicker(c, ticket.error.message);
    await c.client.views.open({ trigger_id: c.body.trigger_id, view: buildReassignModal(ticket.value) });
  });
}

/**
 * Registers one button: acknowledges at once, drops repeats of the same
 * click (double clicks and retries) for a few seconds, identifies the
 * clicker and routes every failure through the error sink.
 */
function on(routes: SlackRoutes, ctx: SlackContext, actionId: string, handle: (c: Click) => Promise<void>): void {
  routes.action<ButtonBody>({ action_id: actionId, type: 'block_actions' }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    const reply = body.response_url ? respond : undefined;
    try {
      const ticket = parseTicketButtonValue(action.value);
      if (!ticket) throw new Error(`button ${actionId} carries no ticket`);
      const key = `slack:click:${team}:${body.user.id}:${actionId}:${ticket.id}`;
      if (!(await ctx.dedupe.claimOnce(key, ctx.clickDedupeMs, ctx.now()))) return;
      const who = await ctx.people.identify(team, body.user.id, body.user.name ?? body.user.username);
      if (!who.ok) return tell({ respond: reply, client, userId: body.user.id }, who.error.message);
      await handle({ ctx, body, client, respond: reply, actor: who.value, ticket });
    } catch (error) {
      await tell({ respond: reply, client, userId: body.user.id }, ctx.errors.text(error, `button ${actionId}`, { slackUser: body.user.id }));
    }
  });
}

/** The ticket, if the clicker may act on it and it is still open. */
async function actionable(c: Click): Promise<Result<Ticket>> {
  const found = await c.ctx.helpdesk.ticketByRef(c.ticket.ref);
  if (!found.ok) return found;
  const allowed = requireAssigneeOrAdmin(c.actor, found.value);
  if (!allowed.ok) return allowed;
  if (!isOpen(found.value)) return fail('TICKET.ALREADY_RESOLVED', `Ticket #${found.value.ref} is already resolved.`);
  return found;
}

function tellClicker(c: Click, text: string): Promise<void> {
  return tell({ respond: c.respond, client: c.client, userId: c.body.user.id }, text);
}
