import {
  MessageFlags,
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { FORM_TOO_LATE, type ErrorSink } from '../../../core/index.js';
import { interactionBody, type MessageBody } from '../render/message.js';

export type RepliableInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

/**
 * Answers one interaction within Discord's 3 seconds, and sends every later
 * message to the right place.
 *
 * Handlers that touch the store call `ackSoon()` first: when the answer is
 * ready quickly (the usual case) it goes out as the interaction's one
 * response; when it is not ready after `ackAfterMs`, the interaction is
 * deferred ("thinking…", or a silent update for buttons) and the answer
 * edits it later. One call instead of two on the fast path also keeps
 * answers clear of the REST client's global request budget.
 */
export class Responder {
  private mode: 'none' | 'reply' | 'update' = 'none';
  private timer: NodeJS.Timeout | null = null;
  private deferring: Promise<void> | null = null;
  /** Whether `ackSoon`'s timer deferred (the handler was slow), as opposed to a deliberate `defer`. */
  private lateDeferral = false;

  constructor(
    readonly interaction: RepliableInteraction,
    private readonly errors: ErrorSink,
    private readonly ackAfterMs = 1500,
  ) {}

  /** Defers only if no answer is sent within `ackAfterMs`; `update` keeps a button's message as it is meanwhile. */
  ackSoon(kind: 'reply' | 'update' = 'reply'): void {
    if (this.mode !== 'none' || this.timer || this.deferring) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lateDeferral = true;
      this.deferring = (kind === 'update' ? this.deferUpdate() : this.defer()).catch(() => undefined);
    }, this.ackAfterMs);
  }

  /** Acknowledges with a private "thinking…" reply, edited later by `send`. */
  async defer(): Promise<void> {
    this.cancelTimer();
    if (this.mode !== 'none') return;
    this.mode = 'reply';
    await this.interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }

  /** Acknowledges a button, select, or modal opened from a message, changing nothing yet. */
  async deferUpdate(): Promise<void> {
    this.cancelTimer();
    if (this.mode !== 'none') return;
    const i = this.interaction;
    if (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage())) {
      this.mode = 'update';
      await i.deferUpdate();
    } else {
      await this.defer();
    }
  }

  /** A private message to the person who interacted. */
  async send(body: MessageBody): Promise<void> {
    await this.settle();
    const payload = interactionBody(body);
    if (this.mode === 'reply') await this.interaction.editReply(payload);
    else if (this.mode === 'update') await this.interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    else {
      this.mode = 'reply';
      await this.interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    }
  }

  /** Replaces the message the button (or the modal's button) sits on. */
  async update(body: MessageBody): Promise<void> {
    await this.settle();
    const i = this.interaction;
    const payload = interactionBody(body);
    if (this.mode === 'update') await i.editReply(payload);
    else if (this.mode === 'none' && i.isMessageComponent()) {
      this.mode = 'update';
      await i.update(payload);
    } else if (this.mode === 'none' && i.isModalSubmit() && i.isFromMessage()) {
      this.mode = 'update';
      await i.update(payload);
    } else await this.send(body);
  }

  /**
   * Opens a modal; only possible as the first answer. A button that reads
   * the store before its form opens calls `ackSoon('update')` first like
   * any other: when the store is slow (a database election) the click is
   * acknowledged in time, and since a form cannot follow that, the person
   * is asked privately to click again instead of seeing "This interaction
   * failed". Nothing was done yet, so nothing is lost.
   */
  async modal(data: APIModalInteractionResponseCallbackData): Promise<void> {
    await this.settle();
    const i = this.interaction;
    if (this.lateDeferral && !i.isModalSubmit()) return this.send({ content: FORM_TOO_LATE });
    if (this.mode !== 'none' || i.isModalSubmit()) throw new Error('a modal can only be the first answer to a command or a button');
    this.mode = 'reply';
    await i.showModal(data);
  }

  /** Tells the person what went wrong: a domain error's sentence, or a generic text with a logged reference. */
  async fail(error: unknown, where: string): Promise<void> {
    const text = this.errors.text(error, where, { interactionId: this.interaction.id });
    await this.send({ content: text });
  }

  /** Whether nothing has been sent or scheduled (the router then answers on the handler's behalf). */
  get unanswered(): boolean {
    return this.mode === 'none' && this.deferring === null;
  }

  /** Stops a pending deferral; called when the handler is done. */
  dispose(): void {
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for a deferral already on its way, so the answer goes where it now belongs. */
  private async settle(): Promise<void> {
    this.cancelTimer();
    if (this.deferring) await this.deferring;
  }
}
