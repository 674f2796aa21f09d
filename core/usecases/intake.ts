import { Errors, fail, ok, VersionConflict, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import { clip } from '../domain/errors.js';
import { loadDeltas, type Ticket } from '../domain/ticket.js';
import type { WatchedChannel } from '../ports/intake.js';
import { nowIso, type HelpdeskDeps } from './deps.js';

/** A channel to watch or stop watching, as the surface names it. */
export interface ChannelInput {
  readonly platform: string;
  readonly channelId: string;
  readonly name: string;
}

export interface WatchOutcome {
  readonly channel: WatchedChannel;
  /** False when the channel was already watched. */
  readonly changed: boolean;
}

const CHANNEL_NAME_MAX = 80;

/** An admin turns a channel into a support channel: new top-level posts there become tickets. */
export async function watchChannel(deps: HelpdeskDeps, actor: Person, input: ChannelInput): Promise<Result<WatchOutcome>> {
  if (!isAdmin(actor)) return Errors.adminOnly();
  if (input.channelId.trim() === '') return fail('INPUT.INVALID', 'Name the channel to watch, like #it-help.');
  const channel: WatchedChannel = { platform: input.platform, channelId: input.channelId, name: clip(input.name, CHANNEL_NAME_MAX), addedBy: actor.id, addedAt: nowIso(deps) };
  const changed = await deps.store.watchChannel(channel);
  const stored = changed ? channel : ((await deps.store.getWatchedChannel(input.platform, input.channelId)) ?? channel);
  deps.logger.info({ platform: input.platform, channelId: input.channelId, changed }, 'support channel watched');
  return ok({ channel: stored, changed });
}

/** An admin stops a support channel; tickets already filed from it stay as they are. */
export async function unwatchChannel(deps: HelpdeskDeps, actor: Person, input: Omit<ChannelInput, 'name'>): Promise<Result<{ changed: boolean }>> {
  if (!isAdmin(actor)) return Errors.adminOnly();
  const changed = await deps.store.unwatchChannel(input.platform, input.channelId);
  return ok({ changed });
}

/** The platform's support channels, for admins. */
export async function listWatchedChannels(deps: HelpdeskDeps, actor: Person, platform: string): Promise<Result<WatchedChannel[]>> {
  if (!isAdmin(actor)) return Errors.adminOnly();
  return ok(await deps.store.listWatchedChannels(platform));
}

export interface WithdrawInput {
  readonly ticketId: string;
  readonly actorId: string;
}

const ATTEMPTS = 5;

/**
 * "Not a ticket": the person who posted it, or staff, takes back a ticket
 * filed from a chat message. It leaves no trace in the queue: the ticket,
 * its history and its idempotency key are removed, the assignee's
 * open-ticket count goes back down, and its pipeline is cancelled if it has
 * not started. Its number is not reused, so an old mention of #12 never
 * points at somebody else's ticket. A workflow already running for it stops
 * at its next step (the ticket is gone) without sending anything more.
 * Returns the ticket as it was, so the surface can tidy up its messages.
 */
export async function withdrawTicket(deps: HelpdeskDeps, input: WithdrawInput): Promise<Result<Ticket>> {
  const actor = await deps.store.getPerson(input.actorId);
  if (!actor) return Errors.personNotFound();
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.store.getTicket(input.ticketId);
    if (!ticket) return fail('TICKET.NOT_FOUND', 'That ticket was already withdrawn or does not exist.');
    if (ticket.requesterId !== actor.id && !isStaff(actor))
      return fail('AUTH.NOT_PARTICIPANT', `Only the person who posted it or the helpdesk staff can say #${ticket.ref} is not a ticket.`);
    const deltas = loadDeltas(ticket, { status: 'DONE', assigneeId: null });
    try {
      await deps.store.withdrawTicket(ticket.id, { expectedVersion: ticket.version, loadDeltas: deltas, cancelJobKeys: [`ticket/filed:${ticket.id}`], at: nowIso(deps) });
      deps.logger.info({ ref: ticket.ref, by: actor.id }, 'ticket withdrawn: not a ticket');
      return ok(ticket);
    } catch (error) {
      if (error instanceof VersionConflict && attempt < ATTEMPTS) continue;
      if (error instanceof VersionConflict) return Errors.conflict(ticket.ref);
      throw error;
    }
  }
}
