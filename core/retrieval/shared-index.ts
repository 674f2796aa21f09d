import type { SimilarTicket, Ticket } from '../domain/ticket.js';
import type { ResolvedTicketDoc, SimilarQuery, SimilarTicketIndex } from '../ports/similar.js';
import type { TicketChangeCursor, TicketStore } from '../ports/store.js';
import { silentLogger, type Logger } from '../ports/system.js';

/** An index that can also take many documents at once (the lexical index lays its postings out once at the end). */
export type BulkSimilarIndex = SimilarTicketIndex & {
  addAll?(docs: AsyncIterable<ResolvedTicketDoc>): Promise<number>;
};

export interface SharedSimilarIndexOptions {
  /** The process's own index (lexical or hybrid); this class decides what goes in and out of it. */
  readonly inner: BulkSimilarIndex;
  readonly tickets: Pick<TicketStore, 'getTicket' | 'listResolvedChanges'>;
  /** Where a loaded snapshot of `inner` left off; absent or null: `inner` is empty and the first sync loads everything. */
  readonly cursor?: TicketChangeCursor | null | undefined;
  /**
   * How far back each catch-up reads again (default 60 s): a change whose
   * `updatedAt` lies behind the cursor, because another process's clock is
   * behind or its commit landed late, is still seen.
   */
  readonly overlapMs?: number | undefined;
  /** Versions the snapshot's index had applied within the overlap (see {@link SharedSimilarIndex.recentlyApplied}), so a start does not apply them again. */
  readonly applied?: readonly AppliedChange[] | undefined;
  /** Tickets read per store query (default 1,000). */
  readonly pageSize?: number | undefined;
  readonly logger?: Logger | undefined;
}

const DEFAULT_OVERLAP_MS = 60_000;

/** A ticket version the index has applied. */
export interface AppliedChange {
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
}

/**
 * The similar-ticket index every process shares: each process keeps its own
 * in-memory index, and the store's resolved and reopened tickets, in change
 * order (`listResolvedChanges`), are the truth it follows. `sync()` — run
 * every second by the bot — reads the changes since its cursor and applies
 * each ticket's current state: resolved with a resolution → indexed,
 * anything else (reopened, withdrawn) → removed. So a ticket resolved or
 * reopened in any process reaches every process's suggestions within one
 * sync, without a restart.
 *
 * `add` and `remove` (what the resolved and reopened follow-ups call) do not
 * trust the state they were called with: both re-read the ticket and apply
 * what it is now. Every change to the inner index runs one at a time, each
 * read followed by its apply, so a late "resolved" follow-up can never put
 * back a ticket that was reopened meanwhile.
 */
export class SharedSimilarIndex implements SimilarTicketIndex {
  /** The process's own index this one keeps in step with the store. */
  readonly inner: BulkSimilarIndex;
  private readonly overlapMs: number;
  private readonly pageSize: number;
  private readonly logger: Logger;
  private position: TicketChangeCursor | null;
  /** Versions applied recently (within the overlap), so re-reading the overlap does no work twice. */
  private readonly applied = new Map<string, { readonly version: number; readonly updatedAt: string }>();
  private queue: Promise<unknown> = Promise.resolve();
  private changed = 0;

  constructor(private readonly options: SharedSimilarIndexOptions) {
    this.inner = options.inner;
    this.overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
    this.pageSize = Math.max(1, options.pageSize ?? 1000);
    this.logger = options.logger ?? silentLogger;
    this.position = options.cursor ?? null;
    for (const a of options.applied ?? []) this.applied.set(a.id, { version: a.version, updatedAt: a.updatedAt });
  }

  /** The versions applied within the overlap before the cursor, for a snapshot to carry. */
  recentlyApplied(): AppliedChange[] {
    return [...this.applied].map(([id, a]) => ({ id, version: a.version, updatedAt: a.updatedAt }));
  }

  get size(): number {
    return this.inner.size;
  }

  /** The latest change applied; a snapshot of the inner index taken now resumes from here. */
  get cursor(): TicketChangeCursor | null {
    return this.position;
  }

  /** Tickets added or removed since the last {@link exclusive} call that reset it (for deciding when a snapshot is worth writing). */
  get changesSinceMark(): number {
    return this.changed;
  }

  /**
   * Re-reads the ticket and applies its current state. A document without a
   * resolution (an open ticket whose triage staff corrected, kept to teach
   * triage) goes into this process's index as given.
   */
  async add(doc: ResolvedTicketDoc): Promise<void> {
    if (doc.resolution.trim() === '') await this.serially(() => this.inner.add(doc));
    else await this.refresh(doc.ticketId);
  }

  /** Re-reads the ticket and applies its current state (a ticket resolved again since stays in). */
  async remove(ticketId: string): Promise<void> {
    await this.refresh(ticketId);
  }

  /** Applies one ticket's current state from the store. */
  refresh(ticketId: string): Promise<void> {
    return this.serially(async () => {
      const ticket = await this.options.tickets.getTicket(ticketId);
      if (ticket) await this.apply(ticket);
      else await this.inner.remove(ticketId);
    });
  }

  /**
   * Catches up with the store: every resolved or reopened ticket changed
   * since the cursor (minus the overlap). The first sync of an empty index
   * loads every resolved ticket in bulk. Returns how many tickets were read.
   */
  sync(): Promise<number> {
    return this.serially(() => (this.position === null && this.inner.size === 0 && this.inner.addAll ? this.load() : this.catchUp()));
  }

  /**
   * Runs `fn` between two changes, with the cursor the inner index is at
   * (for writing a snapshot); `markSaved` resets {@link changesSinceMark}.
   */
  exclusive<T>(fn: (cursor: TicketChangeCursor | null) => T, markSaved = true): Promise<T> {
    return this.serially(async () => {
      const result = fn(this.position);
      if (markSaved) this.changed = 0;
      return result;
    });
  }

  /**
   * The inner index's best matches. Hits without text (an inner index that
   * keeps none, to save memory) get their title and resolution from the
   * store; one no longer resolved there (reopened, not yet caught up) keeps
   * an empty resolution, so it is never shown as a resolved suggestion.
   */
  async search(query: SimilarQuery, options: { readonly limit: number; readonly excludeIds?: readonly string[] }): Promise<SimilarTicket[]> {
    const hits = await this.inner.search(query, options);
    if (hits.every((h) => h.title !== '')) return hits;
    const filled = await Promise.all(
      hits.map(async (h): Promise<SimilarTicket | null> => {
        if (h.title !== '') return h;
        const t = await this.options.tickets.getTicket(h.ticketId);
        return t ? { ...h, title: t.title, resolution: t.status === 'DONE' ? (t.resolution ?? '') : '' } : null;
      }),
    );
    return filled.filter((h): h is SimilarTicket => h !== null);
  }

  score(query: SimilarQuery, ticketIds: readonly string[]): Promise<Map<string, number>> {
    return this.inner.score(query, ticketIds);
  }

  private async catchUp(): Promise<number> {
    const from = this.overlapStart();
    let read = 0;
    for await (const ticket of this.changesSince(from === null ? null : { updatedAt: from, id: '' })) {
      const seen = this.applied.get(ticket.id);
      if (!seen || seen.version < ticket.version) await this.apply(ticket);
      this.advance(ticket);
      read += 1;
    }
    this.forgetBehindOverlap();
    return read;
  }

  /** Everything, in bulk; what falls in the overlap is remembered as applied. */
  private async load(): Promise<number> {
    let read = 0;
    const docs = async function* (self: SharedSimilarIndex): AsyncGenerator<ResolvedTicketDoc> {
      for await (const ticket of self.changesSince(null)) {
        const doc = docOf(ticket);
        if (doc) yield doc;
        self.advance(ticket);
        self.applied.set(ticket.id, { version: ticket.version, updatedAt: ticket.updatedAt });
        read += 1;
      }
    };
    const added = await (this.inner.addAll as (d: AsyncIterable<ResolvedTicketDoc>) => Promise<number>)(docs(this));
    this.forgetBehindOverlap();
    this.changed += added;
    this.logger.info({ resolvedTickets: added }, 'similar-ticket index built from the store');
    return read;
  }

  /** The store's resolved and reopened tickets changed after `after`, in change order, read a page at a time. */
  private async *changesSince(after: TicketChangeCursor | null): AsyncGenerator<Ticket> {
    for (;;) {
      const page = await this.options.tickets.listResolvedChanges(after, this.pageSize);
      yield* page;
      const last = page[page.length - 1];
      if (!last || page.length < this.pageSize) return;
      after = { updatedAt: last.updatedAt, id: last.id };
    }
  }

  private async apply(ticket: Ticket): Promise<void> {
    const doc = docOf(ticket);
    if (doc) await this.inner.add(doc);
    else await this.inner.remove(ticket.id);
    this.applied.set(ticket.id, { version: ticket.version, updatedAt: ticket.updatedAt });
    this.changed += 1;
  }

  private advance(ticket: Ticket): void {
    const p = this.position;
    if (!p || ticket.updatedAt > p.updatedAt || (ticket.updatedAt === p.updatedAt && ticket.id > p.id)) this.position = { updatedAt: ticket.updatedAt, id: ticket.id };
  }

  /** Where the next catch-up starts reading again: the overlap before the cursor (null: from the beginning). */
  private overlapStart(): string | null {
    return this.position ? shift(this.position.updatedAt, -this.overlapMs) : null;
  }

  /** Forgets applied versions older than the overlap the next catch-up reads again. */
  private forgetBehindOverlap(): void {
    const iso = this.overlapStart() ?? '';
    for (const [id, seen] of this.applied) if (seen.updatedAt < iso) this.applied.delete(id);
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** What the index holds of a ticket, or null when it must not be suggested. */
function docOf(t: Ticket): ResolvedTicketDoc | null {
  return t.status === 'DONE' && t.resolution ? { ticketId: t.id, ref: t.ref, title: t.title, description: t.description, resolution: t.resolution } : null;
}

function shift(iso: string, ms: number): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + ms).toISOString();
}
