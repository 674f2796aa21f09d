import type { SlackContext } from '../../context.js';

/** The fields of a message event read here, in DMs and channels alike (Bolt's union type spans every subtype). */
export interface MessageEvent {
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
}

/** A person writing: plain messages, with a file, or a thread reply also sent to the channel. Edits, deletions, joins and bots are not. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Whether a message event is a person writing (and so has an author). */
export function isPersonWriting(m: MessageEvent): m is MessageEvent & { readonly user: string } {
  return !m.bot_id && PERSON_SUBTYPES.has(m.subtype) && Boolean(m.user);
}

/** The team and delivery id an Events API envelope carries. */
export function envelopeOf(body: unknown): { readonly team: string; readonly eventId: string | undefined } {
  const b = body as { team_id?: string; event_id?: string };
  return { team: b.team_id ?? '', eventId: b.event_id };
}

/** False when Slack delivers the same event again (its retries keep the event id); true the first time, or when there is no id. */
export async function firstDelivery(ctx: SlackContext, envelope: { readonly team: string; readonly eventId: string | undefined }): Promise<boolean> {
  return !envelope.eventId || ctx.dedupe.claimOnce(`slack:event:${envelope.team}:${envelope.eventId}`, ctx.eventDedupeMs, ctx.now());
}
