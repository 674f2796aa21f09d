import type { Iso, LoadDelta } from '../domain/ticket.js';

/** A chat channel whose new top-level messages become tickets. */
export interface WatchedChannel {
  /** `slack:<team>` or `discord:<guild>`-style scope is not needed: channel ids are unique per platform install. */
  readonly platform: string;
  readonly channelId: string;
  /** The channel's name when it was watched, for `list`. */
  readonly name: string;
  /** Person id of the admin who turned it on. */
  readonly addedBy: string;
  readonly addedAt: Iso;
}

/** What a store does when a ticket is withdrawn ("not a ticket"). */
export interface TicketWithdrawal {
  /** The version the caller read; the store rejects the removal with VersionConflict otherwise. */
  readonly expectedVersion: number;
  /** The assignee's open-ticket count goes back down in the same transaction. */
  readonly loadDeltas: readonly LoadDelta[];
  /** Pending jobs cancelled with the removal (the ticket's pipeline when it has not run yet). */
  readonly cancelJobKeys: readonly string[];
  readonly at: Iso;
}

/** Storage for intake where people already talk: watched channels, and withdrawing a ticket filed by mistake. */
export interface IntakeStore {
  /** Watches the channel; false when it was already watched (the first record is kept). */
  watchChannel(channel: WatchedChannel): Promise<boolean>;
  /** False when it was not watched. */
  unwatchChannel(platform: string, channelId: string): Promise<boolean>;
  getWatchedChannel(platform: string, channelId: string): Promise<WatchedChannel | null>;
  /** The platform's watched channels, oldest first. */
  listWatchedChannels(platform: string): Promise<WatchedChannel[]>;
  /**
   * Removes the ticket, its history and its idempotency key in one
   * transaction, with its load counts and pending jobs. Its ref is never
   * handed out again. Throws VersionConflict when the ticket changed since
   * it was read, and when it no longer exists.
   */
  withdrawTicket(id: string, withdrawal: TicketWithdrawal): Promise<void>;
}
