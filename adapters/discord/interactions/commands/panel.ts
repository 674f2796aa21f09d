import { DiscordAPIError, Routes } from 'discord.js';
import { domainError, isAdmin } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { actorOf } from '../../people.js';
import { restBody } from '../../render/message.js';
import { buildPanel, panelDesks } from '../../render/panel.js';
import type { CommandHandler } from '../types.js';

/** Discord's answers when the bot may not post in a channel (Missing Access, Missing Permissions). */
const NOT_ALLOWED = new Set([50001, 50013]);
const ADMIN_ONLY = 'Only helpdesk admins can post a ticket panel.';

/**
 * `/panel` (admins, in a server): posts a ticket panel in the channel it is
 * used in: an "Open a ticket" button and, with `desks`, a desk select. The
 * admin gets a private confirmation; the panel itself is a plain bot
 * message, so it stays after the command's token expires.
 */
export const panelCommand: CommandHandler = {
  name: COMMANDS.panel,
  async run(ctx, interaction, r) {
    r.ackSoon();
    if (!interaction.inGuild()) return r.fail(domainError('INPUT.BAD_COMMAND', 'Use /panel in the server channel where the panel should go.'), '/panel');
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/panel');
    if (!isAdmin(actor.value)) return r.fail(domainError('AUTH.ADMIN_ONLY', ADMIN_ONLY), '/panel');
    const desks = interaction.options.getBoolean('desks') ? panelDesks(ctx.helpdesk.skillDefinitions()) : [];
    const intro = interaction.options.getString('text') ?? undefined;
    try {
      await interaction.client.rest.post(Routes.channelMessages(interaction.channelId), { body: restBody(buildPanel({ desks, ...(intro ? { intro } : {}) })) });
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === 'number' && NOT_ALLOWED.has(error.code))
        return r.fail(domainError('INPUT.INVALID', 'I cannot post in this channel. Give the bot View Channel and Send Messages here, then run /panel again.'), '/panel');
      throw error;
    }
    ctx.logger.info({ channelId: interaction.channelId, desks: desks.length, by: actor.value.id }, 'ticket panel posted');
    await r.send({ content: `Panel posted${desks.length ? ` with ${desks.length} desks` : ''}. Anyone who can see this channel can open a ticket from it.` });
  },
};
