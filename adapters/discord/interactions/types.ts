import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { DiscordContext } from '../context.js';
import type { Action } from '../ids.js';
import type { Responder } from './respond.js';

/** A slash command (`/ticket`) with its optional autocomplete. */
export interface CommandHandler {
  readonly name: string;
  run(ctx: DiscordContext, interaction: ChatInputCommandInteraction, r: Responder): Promise<void>;
  autocomplete?(ctx: DiscordContext, interaction: AutocompleteInteraction): Promise<void>;
}

/** A message menu entry ("Create ticket"). */
export interface MessageMenuHandler {
  readonly name: string;
  run(ctx: DiscordContext, interaction: MessageContextMenuCommandInteraction, r: Responder): Promise<void>;
}

/** A button or select, found by the action in its custom id. */
export interface ComponentHandler {
  readonly action: Action;
  run(ctx: DiscordContext, interaction: ButtonInteraction | StringSelectMenuInteraction, r: Responder, args: readonly string[]): Promise<void>;
}

/** A modal submission, found by the action in its custom id. */
export interface ModalHandler {
  readonly action: Action;
  run(ctx: DiscordContext, interaction: ModalSubmitInteraction, r: Responder, args: readonly string[]): Promise<void>;
}

/** Where each folder's `register` puts its handlers. */
export interface Registry {
  command(handler: CommandHandler): void;
  messageMenu(handler: MessageMenuHandler): void;
  component(handler: ComponentHandler): void;
  modal(handler: ModalHandler): void;
}
