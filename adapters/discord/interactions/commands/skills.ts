import type { ChatInputCommandInteraction, User } from 'discord.js';
import { domainError, fail, isAdmin, ok, ROLES, type Person, type Result, type Role, type SkillsCommand } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import type { DiscordContext } from '../../context.js';
import { discordIdentity } from '../../identity.js';
import { actorOf, personOf } from '../../people.js';
import { buildTextReply } from '../../render/lists.js';
import { skillChoices, splitSkills } from '../../text.js';
import type { CommandHandler } from '../types.js';

/**
 * `/skills list|add|remove|set|role|away|back|link`. Discord's options
 * already name the person, so the shared `SkillsCommand` is built directly
 * instead of parsing text. Core decides who may do what (admins everything,
 * moderators their own list and availability).
 */
export const skillsCommand: CommandHandler = {
  name: COMMANDS.skills,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/skills');
    const op = interaction.options.getSubcommand(true);
    if (op === 'link') {
      const user = interaction.options.getUser('user', true);
      const other = interaction.options.getString('identity', true);
      if (user.bot) return r.fail(domainError('INPUT.INVALID', 'Bots cannot be linked to people.'), '/skills link');
      const linked = await ctx.helpdesk.linkIdentity(actor.value, { identity: discordIdentity(user.id), other });
      return linked.ok ? r.send({ content: linked.value.message }) : r.fail(linked.error, '/skills link');
    }
    const command = await commandOf(ctx, interaction, actor.value, op);
    if (!command.ok) return r.fail(command.error, '/skills');
    const outcome = await ctx.helpdesk.skills(actor.value, command.value);
    if (!outcome.ok) return r.fail(outcome.error, '/skills');
    await r.send(buildTextReply(outcome.value.message));
  },
  async autocomplete(ctx, interaction) {
    await interaction.respond(skillChoices(interaction.options.getFocused(), (p, n) => ctx.helpdesk.deps.catalog.suggest(p, n)));
  },
};

async function commandOf(ctx: DiscordContext, interaction: ChatInputCommandInteraction, actor: Person, op: string): Promise<Result<SkillsCommand>> {
  const user = interaction.options.getUser('user');
  // Admins may manage people who have not used the helpdesk yet: Discord vouches for the account.
  const target = user ? await targetOf(ctx, user, isAdmin(actor) && ['add', 'set', 'role'].includes(op)) : ok(null);
  if (!target.ok) return target;
  switch (op) {
    case 'list':
    case 'away':
    case 'back':
      return ok({ op, target: target.value });
    case 'add':
    case 'remove':
    case 'set': {
      if (!target.value) return fail('INPUT.BAD_COMMAND', 'Say who.');
      const skills = splitSkills(interaction.options.getString('skills'));
      if (skills.length === 0 && op !== 'set') return fail('INPUT.BAD_COMMAND', 'Name at least one skill, e.g. vpn, networking.');
      return ok({ op, target: target.value, skills });
    }
    case 'role': {
      const role = interaction.options.getString('role', true);
      if (!target.value || !(ROLES as readonly string[]).includes(role)) return fail('INPUT.BAD_COMMAND', 'The role must be user, moderator or admin.');
      return ok({ op, target: target.value, role: role as Role });
    }
    default:
      return fail('INPUT.BAD_COMMAND', `Unknown /skills subcommand "${op.slice(0, 20)}". An admin may need to run npm run discord:register.`);
  }
}

/** The target's identity; with `create`, their Person is made first so the command can find them. */
async function targetOf(ctx: DiscordContext, user: User, create: boolean): Promise<Result<string>> {
  if (user.bot) return fail('INPUT.INVALID', 'Bots cannot be helpdesk staff.');
  if (create) {
    const made = await personOf(ctx, user);
    if (!made.ok) return made;
  }
  return ok(discordIdentity(user.id));
}
