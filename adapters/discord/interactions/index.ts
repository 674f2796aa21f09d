import { MessageFlags, type Interaction } from 'discord.js';
import { refusalFor } from '../access.js';
import type { DiscordContext } from '../context.js';
import { loggable } from '../errors.js';
import { parseCustomId, type Action } from '../ids.js';
import { register as registerButtons } from './buttons/index.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerModals } from './modals/index.js';
import { Responder } from './respond.js';
import type { CommandHandler, ComponentHandler, MessageMenuHandler, ModalHandler, Registry } from './types.js';

/**
 * Builds the one entry point for every interaction: finds the handler,
 * drops re-delivered interactions (same id), answers through a Responder,
 * and sends any error through the adapter's error sink, so a person always
 * gets an answer and never a raw exception.
 */
export function createInteractionRouter(ctx: DiscordContext): (interaction: Interaction) => Promise<void> {
  const commands = new Map<string, CommandHandler>();
  const menus = new Map<string, MessageMenuHandler>();
  const components = new Map<Action, ComponentHandler>();
  const modals = new Map<Action, ModalHandler>();
  const registry: Registry = {
    command: (h) => void commands.set(h.name, h),
    messageMenu: (h) => void menus.set(h.name, h),
    component: (h) => void components.set(h.action, h),
    modal: (h) => void modals.set(h.action, h),
  };
  registerCommands(registry);
  registerButtons(registry);
  registerModals(registry);

  return async (interaction) => {
    // Before anything else: another server, or a DM from a stranger, gets a short refusal and the helpdesk is not touched.
    const refusal = await refusalFor(ctx, { guildId: interaction.guildId, userId: interaction.user.id });
    if (refusal !== null) return refuse(ctx, interaction, refusal);
    if (interaction.isAutocomplete()) {
      const handler = commands.get(interaction.commandName);
      try {
        await handler?.autocomplete?.(ctx, interaction);
      } catch (error) {
        ctx.logger.warn({ err: loggable(error), command: interaction.commandName }, 'autocomplete failed');
      }
      return;
    }
    if (!ctx.recent.firstTime(`interaction:${interaction.id}`, Date.parse(ctx.now()))) {
      ctx.logger.debug({ interactionId: interaction.id }, 'interaction delivered twice; handled once');
      return;
    }
    if (interaction.isChatInputCommand()) {
      const handler = commands.get(interaction.commandName);
      const r = new Responder(interaction, ctx.errors, ctx.ackAfterMs);
      return guard(ctx, r, `/${interaction.commandName}`, () => (handler ? handler.run(ctx, interaction, r) : r.send({ content: unknownText })));
    }
    if (interaction.isMessageContextMenuCommand()) {
      const handler = menus.get(interaction.commandName);
      const r = new Responder(interaction, ctx.errors, ctx.ackAfterMs);
      return guard(ctx, r, interaction.commandName, () => (handler ? handler.run(ctx, interaction, r) : r.send({ content: unknownText })));
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const parsed = parseCustomId(interaction.customId);
      const handler = parsed ? components.get(parsed.action) : undefined;
      const r = new Responder(interaction, ctx.errors, ctx.ackAfterMs);
      return guard(ctx, r, `component ${parsed?.action ?? '?'}`, () => (handler && parsed ? handler.run(ctx, interaction, r, parsed.args) : r.send({ content: staleText })));
    }
    if (interaction.isModalSubmit()) {
      const parsed = parseCustomId(interaction.customId);
      const handler = parsed ? modals.get(parsed.action) : undefined;
      const r = new Responder(interaction, ctx.errors, ctx.ackAfterMs);
      return guard(ctx, r, `modal ${parsed?.action ?? '?'}`, () => (handler && parsed ? handler.run(ctx, interaction, r, parsed.args) : r.send({ content: staleText })));
    }
  };
}

const unknownText = 'This command is not known to this helpdesk version. An admin may need to run `npm run discord:register`.';
const staleText = 'This button belongs to an older version of the helpdesk. Use /tickets to find the ticket.';

/** A private one-line answer (no suggestions for autocomplete); nothing is stored. */
async function refuse(ctx: DiscordContext, interaction: Interaction, text: string): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply({ content: text, flags: MessageFlags.Ephemeral });
  } catch (error) {
    ctx.logger.warn({ err: loggable(error), guildId: interaction.guildId }, 'could not send a refusal');
  }
}

async function guard(ctx: DiscordContext, r: Responder, where: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    if (r.unanswered) throw new Error('the handler finished without answering');
  } catch (error) {
    try {
      await r.fail(error, where);
    } catch (secondary) {
      // The interaction may have expired (15 minutes) or Discord is unreachable: the log is all that is left.
      ctx.logger.warn({ err: loggable(secondary), where }, 'could not tell the person about an error');
    }
  } finally {
    r.dispose();
  }
}
