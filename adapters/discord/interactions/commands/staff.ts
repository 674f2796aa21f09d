import type { ChatInputCommandInteraction } from 'discord.js';
import { fail, ok, type Person, type Result } from '../../../../core/index.js';
import { parseAuditArgs, parseRepliesCommand, parseTicketArgs } from '../../../../core/usecases/staff-grammar.js';
import type { DiscordContext } from '../../context.js';
import { discordIdentity } from '../../identity.js';
import { actorOf } from '../../people.js';
import { buildTextReply } from '../../render/lists.js';
import { auditText, savedRepliesText } from '../../render/staff.js';
import { STAFF_COMMANDS } from '../../staff-commands.js';
import type { CommandHandler } from '../types.js';

type Run = (ctx: DiscordContext, actor: Person, interaction: ChatInputCommandInteraction) => Promise<Result<string>>;

/** A staff command: identify the person, run one use case, answer privately with its text or its refusal. */
function command(name: string, run: Run): CommandHandler {
  return {
    name,
    async run(ctx, interaction, r) {
      r.ackSoon();
      const actor = await actorOf(ctx, interaction);
      if (!actor.ok) return r.fail(actor.error, `/${name}`);
      const result = await run(ctx, actor.value, interaction);
      if (!result.ok) return r.fail(result.error, `/${name}`);
      await r.send(buildTextReply(result.value));
    },
  };
}

/** The ticket named by the `ticket` option (`#12` or `12`), read with the console's grammar. */
async function ticketOf(ctx: DiscordContext, interaction: ChatInputCommandInteraction, usage: string): Promise<Result<{ id: string; ref: number }>> {
  const args = parseTicketArgs(interaction.options.getString('ticket') ?? '', usage);
  if (!args.ok) return args;
  const ticket = await ctx.helpdesk.ticketByRef(args.value.ref);
  return ticket.ok ? ok({ id: ticket.value.id, ref: ticket.value.ref }) : ticket;
}

export const claimCommand = command(STAFF_COMMANDS.claim, async (ctx, actor, interaction) => {
  const t = await ticketOf(ctx, interaction, 'Usage: /claim ticket:#12');
  if (!t.ok) return t;
  const claimed = await ctx.helpdesk.claimTicket({ ticketId: t.value.id, actorId: actor.id });
  return claimed.ok ? ok(`#${t.value.ref} is yours now; its card is in your DM. The requester has been told.`) : claimed;
});

export const noteCommand = command(STAFF_COMMANDS.note, async (ctx, actor, interaction) => {
  const t = await ticketOf(ctx, interaction, 'Usage: /note ticket:#12 text:what you found');
  if (!t.ok) return t;
  const noted = await ctx.helpdesk.addNote({ ticketId: t.value.id, actorId: actor.id, text: interaction.options.getString('text') ?? '' });
  return noted.ok ? ok(`Internal note added to #${t.value.ref}; the requester does not see it.`) : noted;
});

export const replyCommand = command(STAFF_COMMANDS.reply, async (ctx, actor, interaction) => {
  const t = await ticketOf(ctx, interaction, 'Usage: /reply ticket:#12 name:vpn-reset');
  if (!t.ok) return t;
  const name = interaction.options.getString('name')?.trim() ?? '';
  if (!name) return fail('INPUT.BAD_COMMAND', 'Say which saved reply, like /reply ticket:#12 name:vpn-reset. /replies list shows them.');
  const sent = await ctx.helpdesk.sendSavedReply({ ticketId: t.value.id, actorId: actor.id, name });
  return sent.ok ? ok(`Sent on #${t.value.ref}:\n${sent.value.text}`) : sent;
});

export const repliesCommand = command(STAFF_COMMANDS.replies, async (ctx, actor, interaction) => {
  const o = interaction.options;
  // The options are put back into the shared grammar's words, so every surface accepts and refuses the same things.
  const parsed = parseRepliesCommand([o.getSubcommand(false) ?? 'list', o.getString('name') ?? '', o.getString('text') ?? ''].join(' '));
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  if (c.op === 'list') {
    const listed = await ctx.helpdesk.listSavedReplies({ actorId: actor.id });
    return listed.ok ? ok(savedRepliesText(listed.value)) : listed;
  }
  if (c.op === 'add') {
    const added = await ctx.helpdesk.addSavedReply({ actorId: actor.id, name: c.name, text: c.text });
    return added.ok ? ok(`Saved reply ${added.value.reply.name} ${added.value.replaced ? 'replaced' : 'added'}. Send it with /reply or "Reply with…" on a card.`) : added;
  }
  const removed = await ctx.helpdesk.removeSavedReply({ actorId: actor.id, name: c.name });
  return removed.ok ? ok(`Saved reply ${removed.value} removed.`) : removed;
});

export const auditCommand = command(STAFF_COMMANDS.audit, async (ctx, actor, interaction) => {
  const user = interaction.options.getUser('user');
  const page = interaction.options.getInteger('page');
  const words = [user ? `<@${user.id}>` : '', page !== null ? `page:${page}` : ''].filter(Boolean).join(' ');
  const args = parseAuditArgs(words, (token) => (user && token === `<@${user.id}>` ? discordIdentity(user.id) : null));
  if (!args.ok) return args;
  let involving: string | null = null;
  if (args.value.identity) {
    // Someone the helpdesk has never seen has nothing recorded.
    const person = await ctx.helpdesk.personByIdentity(args.value.identity);
    if (!person) return ok(`Nothing recorded for ${args.value.shownAs}.`);
    involving = person.id;
  }
  const listed = await ctx.helpdesk.listAudit({ actorId: actor.id, involving, page: args.value.page });
  if (!listed.ok) return listed;
  const names = new Map(Object.entries(await ctx.helpdesk.displayNames(listed.value.entries.map((e) => e.actorId))));
  return ok(auditText(listed.value.entries, names, { ...listed.value, shownAs: args.value.shownAs }));
});
