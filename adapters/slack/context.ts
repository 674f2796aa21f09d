import type { DedupeStore, Helpdesk, Logger } from '../../core/index.js';
import type { ErrorSink } from '../../core/index.js';
import type { SlackPeople } from './people.js';
import type { ThreadIndex } from './threads.js';

/** What every listener gets: the helpdesk's use cases and the adapter's few services. */
export interface SlackContext {
  readonly helpdesk: Helpdesk;
  readonly people: SlackPeople;
  readonly threads: ThreadIndex;
  readonly dedupe: DedupeStore;
  readonly errors: ErrorSink;
  readonly logger: Logger;
  /** How long a button click blocks the same click (double clicks, Slack retries). */
  readonly clickDedupeMs: number;
  /** How long a command, button, modal or shortcut may take before the helpdesk acknowledges it on the handler's behalf. */
  readonly ackBudgetMs: number;
  /** How long an Events API delivery id is remembered (Slack retries for up to an hour or so). */
  readonly eventDedupeMs: number;
  now(): string;
  /** Support channels and emoji intake (see SlackIntakeConfig). */
  readonly intake: {
    readonly emoji: string;
    readonly emojiFilesFor: 'author' | 'reactor';
    readonly fileStaffPosts: boolean;
  };
}
