import type { KeyValueStore } from '../../core/index.js';

/** Headers that make a mail client group one ticket's messages into one thread. */
export interface ThreadHeaders {
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references?: string;
}

const NAMESPACE = 'email-thread';

/** The domain part of MAIL_FROM (`Helpdesk <help@example.com>` → `example.com`), for Message-IDs. */
export function messageIdDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return m?.[1]?.toLowerCase() ?? 'helpdesk.invalid';
}

/**
 * Per-ticket, per-recipient threading. The first message about a ticket to a
 * person carries a stable root Message-ID (`<ticket-<id>.<person>@domain>`);
 * every later one gets its own id and points at the root with In-Reply-To and
 * References. The root is remembered only after it was sent, so a retried
 * first message is sent as the root again (same id: a client that got it
 * twice shows it once).
 */
export class MailThreads {
  constructor(
    private readonly store: KeyValueStore,
    private readonly domain: string,
    private readonly uniqueSuffix: () => string,
  ) {}

  rootId(ticketId: string, personId: string): string {
    return `<ticket-${safe(ticketId)}.${safe(personId)}@${this.domain}>`;
  }

  /** Headers for the next message to `personId` about `ticketId`. */
  async next(ticketId: string, personId: string): Promise<ThreadHeaders & { readonly root: boolean }> {
    const root = this.rootId(ticketId, personId);
    const sent = await this.store.getValue(NAMESPACE, key(ticketId, personId));
    if (sent === null) return { messageId: root, root: true };
    return {
      messageId: `<ticket-${safe(ticketId)}.${safe(personId)}.${safe(this.uniqueSuffix())}@${this.domain}>`,
      inReplyTo: sent,
      references: sent,
      root: false,
    };
  }

  /** Records that the root message went out. */
  async rootSent(ticketId: string, personId: string, messageId: string): Promise<void> {
    await this.store.setValue(NAMESPACE, key(ticketId, personId), messageId);
  }
}

function key(ticketId: string, personId: string): string {
  return `${ticketId}:${personId}`;
}

/** Message-ID local parts allow only a conservative character set. */
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, '_');
}
