import type { SlackRoutes } from '../routes.js';
import { fail, ok, type Person, type Result } from '../../../../core/index.js';
import { parseAuditArgs, parseRepliesCommand, parseTicketArgs } from '../../../../core/usecases/staff-grammar.js';
import { auditText, savedRepliesText } from '../../blocks/staff.js';
import type { SlackContext } from '../../context.js';
import { slackToPlain } from '../../text.js';
import { personNames } from '../names.js';
import { ephemeral } from '../reply.js';

type Run = (ctx: SlackContext, actor: Person, text: string, team: string) => Promise<Result<string>>;

/**
 * The staff commands with the console's grammar: `/claim #n`,
 * `/note #n <text>`, `/reply #n <name>`, `/replies list|add|remove`,
 * `/audit [@someone] [page:n]`. Each calls one use case; answers are
 * ephemeral, refusals are the use case's own message.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  command(routes, ctx, '/claim', claim);
  command(routes, ctx, '/note', note);
  command(routes, ctx, '/reply', reply);
  command(routes, ctx, '/replies', replies);
  command(routes, ctx, '/audit', audit);
}

function command(routes: SlackRoutes, ctx: SlackContext, name: string, run: Run): void {
  routes.command(name, async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const result = await run(ctx, who.value, command.text, command.team_id);
      await respond(ephemeral(result.ok ? result.value : result.error.message));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, name, { slackUser: command.user_id })));
    }
  });
}

async function ticketOf(ctx: SlackContext, text: string, usage: string): Promise<Result<{ id: string; ref: number; rest: string }>> {
  const args = parseTicketArgs(text, usage);
  if (!args.ok) return args;
  const ticket = await ctx.helpdesk.ticketByRef(args.value.ref);
  return ticket.ok ? ok({ id: ticket.value.id, ref: ticket.value.ref, rest: args.value.rest }) : ticket;
}

const claim: Run = async (ctx, actor, text) => {
  const t = await ticketOf(ctx, text, 'Usage: /claim #12');
  if (!t.ok) return t;
  const claimed = await ctx.helpdesk.claimTicket({ ticketId: t.value.id, actorId: actor.id });
  return claimed.ok ? ok(`#${t.value.ref} is yours now; its card is in your DM. The requester has been told.`) : claimed;
};

const note: Run = async (ctx, actor, text) => {
  const t = await ticketOf(ctx, text, 'Usage: /note #12 what you found');
  if (!t.ok) return t;
  const noted = await ctx.helpdesk.addNote({ ticketId: t.value.id, actorId: actor.id, text: slackToPlain(t.value.rest) });
  return noted.ok ? ok(`Internal note added to #${t.value.ref}; the requester does not see it.`) : noted;
};

const reply: Run = async (ctx, actor, text) => {
  const t = await ticketOf(ctx, text, 'Usage: /reply #12 vpn-reset');
  if (!t.ok) return t;
  if (!t.value.rest) return fail('INPUT.BAD_COMMAND', 'Say which saved reply, like /reply #12 vpn-reset. /replies list shows them.');
  const sent = await ctx.helpdesk.sendSavedReply({ ticketId: t.value.id, actorId: actor.id, name: t.value.rest });
  return sent.ok ? ok(`Sent on #${t.value.ref}:\n${sent.value.text}`) : sent;
};

const replies: Run = async (ctx, actor, text) => {
  const parsed = parseRepliesCommand(slackToPlain(text));
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  if (c.op === 'list') {
    const listed = await ctx.helpdesk.listSavedReplies({ actorId: actor.id });
    return listed.ok ? ok(savedRepliesText(listed.value)) : listed;
  }
  if (c.op === 'add') {
    const added = await ctx.helpdesk.addSavedReply({ actorId: actor.id, name: c.name, text: c.text });
    return added.ok ? ok(`Saved reply ${added.value.reply.name} ${added.value.replaced ? 'replaced' : 'added'}. Send it with /reply #n ${added.value.reply.name} or "Reply with…" on a card.`) : added;
  }
  const removed = await ctx.helpdesk.removeSavedReply({ actorId: actor.id, name: c.name });
  return removed.ok ? ok(`Saved reply ${removed.value} removed.`) : removed;
};

const audit: Run = async (ctx, actor, text, team) => {
  const args = parseAuditArgs(text, ctx.people.mentionResolver(team));
  if (!args.ok) return args;
  let involving: string | null = null;
  if (args.value.identity) {
    // Someone Slack names but the helpdesk has never seen has nothing recorded.
    const person = await ctx.helpdesk.personByIdentity(args.value.identity);
    if (!person) return ok(`Nothing recorded for ${args.value.shownAs}.`);
    involving = person.id;
  }
  const listed = await ctx.helpdesk.listAudit({ actorId: actor.id, involving, page: args.value.page });
  if (!listed.ok) return listed;
  const names = await personNames(ctx, listed.value.entries.map((e) => e.actorId));
  return ok(auditText(listed.value.entries, names, { ...listed.value, shownAs: args.value.shownAs }));
};
