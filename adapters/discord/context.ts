import type { DedupeStore, Helpdesk, KeyValueStore, Logger } from '../../core/index.js';
import type { ServedServers } from './access.js';
import type { CardIndex } from './card-index.js';
import type { DirectMessages } from './dm.js';
import type { ErrorSink } from '../../core/index.js';
import type { RecentIds } from './recent.js';

/** What every interaction handler gets: the helpdesk's use cases and the adapter's few services. */
export interface DiscordContext {
  readonly helpdesk: Helpdesk;
  readonly store: KeyValueStore & DedupeStore;
  /** The servers the helpdesk serves; interactions from any other are refused. */
  readonly servers: ServedServers;
  readonly cards: CardIndex;
  readonly dms: DirectMessages;
  readonly errors: ErrorSink;
  readonly logger: Logger;
  /** Members holding this role in a served server act as admins in that interaction (never stored). */
  readonly adminRole: AdminRole | null;
  /** How long a click on one button rendering blocks the same click (double clicks). */
  readonly clickDedupeMs: number;
  /** How long a DM id is remembered in the store (gateway replays after a resume). */
  readonly deliveryDedupeMs: number;
  /** Interaction and message ids seen lately in this process. */
  readonly recent: RecentIds;
  /** How long an interaction may wait for its answer before it is deferred (Discord allows 3 s in all). */
  readonly ackAfterMs: number;
  /** Whether support channels are on (DISCORD_SUPPORT_CHANNELS): server messages arrive only then. */
  readonly supportChannels: boolean;
  /** Now, on the helpdesk's clock (dedupe windows follow it). */
  now(): string;
}

/** The Discord role that makes a member an admin: by id (DISCORD_ADMIN_ROLE_ID), or by name only when no id is set. */
export type AdminRole = { readonly id: string } | { readonly name: string };
