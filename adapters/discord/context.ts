import type { DedupeStore, Helpdesk, KeyValueStore, Logger } from '../../core/index.js';
import type { CardIndex } from './card-index.js';
import type { DirectMessages } from './dm.js';
import type { ErrorSink } from '../../core/index.js';
import type { RecentIds } from './recent.js';

/** What every interaction handler gets: the helpdesk's use cases and the adapter's few services. */
export interface DiscordContext {
  readonly helpdesk: Helpdesk;
  readonly store: KeyValueStore & DedupeStore;
  readonly cards: CardIndex;
  readonly dms: DirectMessages;
  readonly errors: ErrorSink;
  readonly logger: Logger;
  /** Members with a role of this name are helpdesk admins (promoted when first seen with it). */
  readonly adminRole: string | null;
  /** How long a click on one button rendering blocks the same click (double clicks). */
  readonly clickDedupeMs: number;
  /** How long a DM id is remembered in the store (gateway replays after a resume). */
  readonly deliveryDedupeMs: number;
  /** Interaction and message ids seen lately in this process. */
  readonly recent: RecentIds;
  /** How long an interaction may wait for its answer before it is deferred (Discord allows 3 s in all). */
  readonly ackAfterMs: number;
  /** Now, on the helpdesk's clock (dedupe windows follow it). */
  now(): string;
}
