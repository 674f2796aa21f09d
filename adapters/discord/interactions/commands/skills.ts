import type { ChatInputCommandInteraction } from 'discord.js';
import { fail, parseSkillsCommand, type Result, type SkillsCommand } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { discordIdentity, displayNameOf } from '../../identity.js';
import { actorOf } from '../../people.js';
import { buildTextReply } from '../../render/lists.js';
import { skillChoices } from '../../text.js';
import type { CommandHandler } from '../types.js';

const SUBCOMMANDS = ['list', 'add', 'remove', 'set', 'role', 'away', 'back', 'link'] as const;

/**
 * `/skills list|add|remove|set|role|away|back|link`. Discord's options are
 * written out in the `/skills` grammar every surface shares and parsed by
 * core's parser, so a Discord command means exactly what the same words
 * typed in Slack or the console mean. Core decides who may do what and
 * whom a command adds to the helpdesk.
 */
export const skillsCommand: CommandHandler = {
  name: COMMANDS.skills,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/skills');
    const command = commandOf(interaction);
    if (!command.ok) return r.fail(command.error, '/skills');
    const outcome = await ctx.helpdesk.skills(actor.value, command.value);
    if (!outcome.ok) return r.fail(outcome.error, '/skills');
    await r.send(buildTextReply(outcome.value.message));
  },
  async autocomplete(ctx, interaction) {
    await interaction.respond(skillChoices(interaction.options.getFocused(), (p, n) => ctx.helpdesk.suggestSkills(p, n)));
  },
};

/** The options as the shared grammar's words (`add <@123> vpn, networking`), parsed by core. */
export function commandOf(interaction: Pick<ChatInputCommandInteraction, 'options'>): Result<SkillsCommand> {
  const op = interaction.options.getSubcommand(true);
  if (!(SUBCOMMANDS as readonly string[]).includes(op)) return fail('INPUT.BAD_COMMAND', `Unknown /skills subcommand "${op.slice(0, 20)}". An admin may need to run npm run discord:register.`);
  const user = interaction.options.getUser('user');
  if (user?.bot) return fail('INPUT.INVALID', op === 'link' ? 'Bots cannot be linked to people.' : 'Bots cannot be helpdesk staff.');
  const words = [op, ...(user ? [`<@${user.id}>`] : [])];
  const rest = op === 'role' ? interaction.options.getString('role') : op === 'link' ? interaction.options.getString('identity') : interaction.options.getString('skills');
  if (rest) words.push(rest);
  return parseSkillsCommand(words.join(' '), discordMention, (token) => (user && discordMention(token) === discordIdentity(user.id) ? displayNameOf(user) : null));
}

/** `<@123>` or `<@!123>` → `discord:123`. */
export function discordMention(token: string): string | null {
  const m = /^<@!?(\d{5,25})>$/.exec(token.trim());
  return m?.[1] ? discordIdentity(m[1]) : null;
}
