import { createHash } from 'node:crypto';
import type { Ticket } from '../../core/index.js';
import { DISCORD_PLATFORM } from './identity.js';

/**
 * The requester's private thread of a ticket filed from a support-channel
 * message. Such tickets are filed with the thread as their origin channel
 * and the support-channel message as their origin message, and only they
 * carry both: `/ticket`, the message menu and DM offers record no message
 * id. Read from the ticket, so it is known from the moment the ticket
 * exists and no notice slips out by DM before it is recorded.
 */
export function requesterThread(ticket: Pick<Ticket, 'origin'>): string | null {
  const o = ticket.origin;
  return o.platform === DISCORD_PLATFORM && o.channelId && o.messageId ? o.channelId : null;
}

/** Identifies a message on a ticket by who said what, for skipping its echo into the thread. */
export function saidKey(ticketId: string, personId: string, text: string): string {
  return `${ticketId}:${personId}:${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
}
