import { domainError } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { DISCORD_PLATFORM } from '../../identity.js';
import { actorOf } from '../../people.js';
import type { CommandHandler } from '../types.js';

const OFF =
  'Support channels are off in this helpdesk. The operator turns them on with DISCORD_SUPPORT_CHANNELS=on and the Message Content intent (see docs/discord.md).';

/**
 * `/helpdesk watch|unwatch|list` (admins, in a server): support channels,
 * through core's watched-channel use cases with the Discord channel id.
 * Without a channel option, the channel the command is used in.
 */
export const helpdeskCommand: CommandHandler = {
  name: COMMANDS.helpdesk,
  async run(ctx, interaction, r) {
    r.ackSoon();
    if (!interaction.inGuild()) return r.fail(domainError('INPUT.BAD_COMMAND', 'Use /helpdesk in a server.'), '/helpdesk');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/helpdesk');
    const op = interaction.options.getSubcommand(true);
    if (op === 'list') {
      const listed = await ctx.helpdesk.listWatchedChannels(actor.value, DISCORD_PLATFORM);
      if (!listed.ok) return r.fail(listed.error, '/helpdesk list');
      const lines = listed.value.map((c) => `• <#${c.channelId}>`);
      return r.send({ content: lines.length ? `Support channels:\n${lines.join('\n')}${ctx.supportChannels ? '' : `\n\n${OFF}`}` : 'No support channels yet. Use `/helpdesk watch` in a channel to make it one.' });
    }
    const option = interaction.options.getChannel('channel');
    const channelId = option?.id ?? interaction.channelId;
    const name = option && 'name' in option && option.name ? option.name : interaction.channel && 'name' in interaction.channel ? interaction.channel.name : channelId;
    if (op === 'watch') {
      if (!ctx.supportChannels) return r.fail(domainError('INPUT.INVALID', OFF), '/helpdesk watch');
      const watched = await ctx.helpdesk.watchChannel(actor.value, { platform: DISCORD_PLATFORM, channelId, name });
      if (!watched.ok) return r.fail(watched.error, '/helpdesk watch');
      return r.send({
        content: watched.value.changed
          ? `<#${channelId}> is now a support channel: each new message there becomes a ticket with a private thread for its author and the staff.`
          : `<#${channelId}> already is a support channel.`,
      });
    }
    if (op === 'unwatch') {
      const gone = await ctx.helpdesk.unwatchChannel(actor.value, { platform: DISCORD_PLATFORM, channelId });
      if (!gone.ok) return r.fail(gone.error, '/helpdesk unwatch');
      return r.send({ content: gone.value.changed ? `<#${channelId}> is no longer a support channel; its tickets and threads stay as they are.` : `<#${channelId}> was not a support channel.` });
    }
    return r.fail(domainError('INPUT.BAD_COMMAND', `Unknown /helpdesk subcommand "${op.slice(0, 20)}". An admin may need to run npm run discord:register.`), '/helpdesk');
  },
};

