import type { Interaction } from 'discord.js';
import { formatRef, type Origin, type Priority } from '../../../core/index.js';
import type { DiscordContext } from '../context.js';
import { DISCORD_PLATFORM } from '../identity.js';
import { actorOf } from '../people.js';
import type { Responder } from './respond.js';

export interface TicketDraft {
  readonly title: string;
  readonly description: string;
  readonly urgency?: Priority;
  readonly messageLink?: string;
}

/**
 * Files a ticket for whoever interacted and confirms privately. The ticket
 * and its pipeline event are stored first; only then does the person read
 * "filed" (as the interaction's answer, or after a deferral when storing
 * is slow, so Discord's 3 seconds always hold). The interaction id is the
 * idempotency key: a re-delivered interaction, even in another process,
 * returns the same ticket.
 */
export async function fileAndConfirm(ctx: DiscordContext, interaction: Interaction, r: Responder, draft: TicketDraft): Promise<void> {
  r.ackSoon();
  const actor = await actorOf(ctx, interaction);
  if (!actor.ok) return r.fail(actor.error, 'file ticket');
  const origin: Origin = {
    platform: DISCORD_PLATFORM,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(draft.messageLink ? { messageLink: draft.messageLink } : {}),
  };
  const filed = await ctx.helpdesk.fileTicket({
    requesterId: actor.value.id,
    title: draft.title,
    description: draft.description,
    origin,
    ...(draft.urgency ? { urgency: draft.urgency } : {}),
    idempotencyKey: `discord:${interaction.id}`,
  });
  if (!filed.ok) return r.fail(filed.error, 'file ticket');
  const t = filed.value.ticket;
  await r.send({ content: `Ticket **${formatRef(t.ref)}** filed: ${t.title}\nI'll send updates by direct message; reply there to add details.` });
}

const LEVELS: Readonly<Record<string, Priority>> = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH' };

/** A select or option value as an urgency, ignoring anything else. */
export function urgencyOf(value: string | null | undefined): Priority | undefined {
  return value ? LEVELS[value.toUpperCase()] : undefined;
}
