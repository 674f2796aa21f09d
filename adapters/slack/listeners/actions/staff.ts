import type { BlockAction, ButtonAction, RespondFn, StaticSelectAction, webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import type { DomainError, Person } from '../../../../core/index.js';
import { ACTIONS, parseTicketButtonValue } from '../../blocks/ids.js';
import { buildNoteModal, buildSavedReplyPicker, buildTakenNotice, parseListState, pickerTicketId } from '../../blocks/staff.js';
import type { SlackContext } from '../../context.js';
import { publishHome } from '../events/app-home.js';
import { ephemeral, ephemeralMessage, tell } from '../reply.js';
import { ticketPage } from '../ticket-page.js';

type ButtonBody = BlockAction<ButtonAction>;

/**
 * The staff workflow's buttons: "Take it" (admin notice, /tickets rows, App
 * Home), "Note…" and "Reply with…" on the moderator card, the saved-reply
 * select, and Previous / Next under a /tickets page. Each acknowledges at
 * once, drops repeated clicks, identifies the clicker and calls one use case.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.action<ButtonBody>({ action_id: ACTIONS.claim, type: 'block_actions' }, async (args) => {
    await args.ack();
    await clicked(ctx, args.body, args.client, args.respond, 'claim', async (actor, team) => {
      const ticket = parseTicketButtonValue(args.action.value);
      if (!ticket) throw new Error('Take it carries no ticket');
      if (!(await ctx.dedupe.claimOnce(`slack:click:${team}:${args.body.user.id}:${ACTIONS.claim}:${ticket.id}`, ctx.clickDedupeMs, ctx.now()))) return;
      const claimed = await ctx.helpdesk.claimTicket({ ticketId: ticket.id, actorId: actor.id });
      const lost = claimed.ok ? null : claimed.error;
      if (lost && lost.code !== 'TICKET.ALREADY_CLAIMED' && lost.code !== 'TICKET.ALREADY_RESOLVED') return say(args, lost.message);
      // The message the button was on changes in place: a list shows its page again, App Home is redrawn, a notice says who has it.
      const list = parseListState(args.action.value);
      const container = args.body.container as { type?: string };
      if (container.type === 'view') await publishHome(ctx, args.client, team, args.body.user.id);
      else if (list && args.body.response_url) {
        const page = await ticketPage(ctx, actor, team, list.q, list.p);
        if (typeof page !== 'string') await args.respond({ ...ephemeralMessage(page), replace_original: true });
      } else if (args.body.response_url) {
        const title = claimed.ok ? claimed.value.ticket.title : '';
        await args.respond({ ...ephemeralMessage(buildTakenNotice({ ref: ticket.ref, title }, claimed.ok ? null : winnerName(lost))), replace_original: true });
      }
      await say(args, lost ? lost.message : `#${ticket.ref} is yours now; its card is in your DM. The requester has been told.`);
    });
  });

  routes.action<ButtonBody>({ action_id: ACTIONS.note, type: 'block_actions' }, async (args) => {
    await args.ack();
    await clicked(ctx, args.body, args.client, args.respond, 'note', async () => {
      const ticket = parseTicketButtonValue(args.action.value);
      if (!ticket) throw new Error('Note… carries no ticket');
      // Who may add the note is checked when it is submitted (the error shows under the field); the trigger id lives 3 s.
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: buildNoteModal(ticket) });
    });
  });

  routes.action<ButtonBody>({ action_id: ACTIONS.replyWith, type: 'block_actions' }, async (args) => {
    await args.ack();
    await clicked(ctx, args.body, args.client, args.respond, 'reply with', async (actor) => {
      const ticket = parseTicketButtonValue(args.action.value);
      if (!ticket) throw new Error('Reply with… carries no ticket');
      const replies = await ctx.helpdesk.listSavedReplies({ actorId: actor.id });
      if (!replies.ok) return say(args, replies.error.message);
      const picker = buildSavedReplyPicker(ticket, replies.value);
      if (args.body.response_url) await args.respond(ephemeralMessage(picker));
      else await args.client.chat.postMessage({ channel: args.body.user.id, text: picker.text, blocks: picker.blocks });
    });
  });

  routes.action<BlockAction<StaticSelectAction>>({ action_id: ACTIONS.replyPick, type: 'block_actions' }, async (args) => {
    await args.ack();
    await clicked(ctx, args.body, args.client, args.respond, 'saved reply', async (actor, team) => {
      const ticketId = pickerTicketId(args.action.block_id);
      const name = args.action.selected_option.value;
      if (!ticketId) throw new Error('the saved reply select names no ticket');
      if (!(await ctx.dedupe.claimOnce(`slack:click:${team}:${args.body.user.id}:${ACTIONS.replyPick}:${ticketId}:${name}`, ctx.clickDedupeMs, ctx.now()))) return;
      const sent = await ctx.helpdesk.sendSavedReply({ ticketId, actorId: actor.id, name });
      if (!sent.ok) return say(args, sent.error.message);
      const text = `Sent “${name}” on #${sent.value.ticket.ref}:\n${sent.value.text}`;
      if (args.body.response_url) await args.respond({ ...ephemeral(text), replace_original: true });
    });
  });

  for (const id of [`${ACTIONS.listPage}_prev`, `${ACTIONS.listPage}_next`]) {
    routes.action<ButtonBody>({ action_id: id, type: 'block_actions' }, async (args) => {
      await args.ack();
      await clicked(ctx, args.body, args.client, args.respond, 'tickets page', async (actor, team) => {
        const state = parseListState(args.action.value);
        if (!state) throw new Error('a page button without its filters');
        const page = await ticketPage(ctx, actor, team, state.q, state.p);
        if (typeof page === 'string') return say(args, page);
        await args.respond({ ...ephemeralMessage(page), replace_original: true });
      });
    });
  }
}

interface Args {
  readonly body: { readonly user: { readonly id: string }; readonly response_url?: string };
  readonly client: webApi.WebClient;
  readonly respond: RespondFn;
}

/** Tells only the clicker (ephemeral where the click came from a message, else a DM). */
function say(args: Args, text: string): Promise<void> {
  return tell({ respond: args.body.response_url ? args.respond : undefined, client: args.client, userId: args.body.user.id }, text);
}

/** The winner's name a lost race carries (core puts it in the error's details). */
function winnerName(error: DomainError | null): string {
  const name = error?.details?.assigneeName;
  return typeof name === 'string' ? name : 'someone else';
}

async function clicked(
  ctx: SlackContext,
  body: BlockAction,
  client: webApi.WebClient,
  respond: RespondFn,
  where: string,
  run: (actor: Person, team: string) => Promise<void>,
): Promise<void> {
  const team = body.team?.id ?? body.user.team_id ?? '';
  const args: Args = { body, client, respond };
  try {
    const who = await ctx.people.identify(team, body.user.id, body.user.name ?? body.user.username);
    if (!who.ok) return say(args, who.error.message);
    await run(who.value, team);
  } catch (error) {
    await say(args, ctx.errors.text(error, `button ${where}`, { slackUser: body.user.id }));
  }
}
