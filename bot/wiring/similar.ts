import { join } from 'node:path';
import type { Logger, Store } from '../../core/index.js';
import { SharedSimilarIndex, type BulkSimilarIndex } from '../../core/retrieval/index.js';
import { DEFAULT_INDEX_OPTIONS, LexicalSimilarIndex, readSimilarSnapshot, writeSimilarSnapshot } from '../../adapters/local-ai/index.js';

/** How often every process catches up with tickets resolved or reopened elsewhere. */
export const SIMILAR_SYNC_MS = 1000;
/** A snapshot is written at most this often while tickets change, and at a clean stop. */
const SNAPSHOT_EVERY_MS = 10 * 60_000;
/** After a start-up catch-up this large, the snapshot is written again right away. */
const SNAPSHOT_AFTER_CHANGES = 1000;
/** Titles and resolutions of suggestions are read from the store, so the index holds none (memory at a million tickets). */
const INDEX_OPTIONS = { ...DEFAULT_INDEX_OPTIONS, keepText: false };

export interface SimilarWiring {
  readonly index: SharedSimilarIndex;
  /** Starts following the store (every {@link SIMILAR_SYNC_MS}). */
  start(): void;
  /** Stops following and writes the snapshot if anything changed. */
  stop(): Promise<void>;
}

export interface SimilarWiringOptions {
  readonly store: Store;
  readonly logger: Logger;
  /** Where the lexical index's snapshot lives; null keeps none (in-memory data, or embeddings on). */
  readonly snapshotPath: string | null;
  /** Wraps the lexical index (hybrid retrieval); absent keeps it lexical. */
  readonly decorate?: ((lexical: LexicalSimilarIndex) => BulkSimilarIndex) | undefined;
  readonly syncMs?: number | undefined;
}

/** `DATA_DIR/similar-index.snapshot`, or null where nothing is kept on disk. */
export function snapshotPathFor(dataDir: string): string | null {
  return dataDir === ':memory:' ? null : join(dataDir, 'similar-index.snapshot');
}

/**
 * The similar-ticket index of this process: read from its snapshot when
 * there is one for this store (else built from the store's resolved
 * tickets), caught up with every change since, then kept following the
 * store, so tickets resolved or reopened by any process show up here within
 * about a second.
 */
export async function buildSimilarIndex(o: SimilarWiringOptions): Promise<SimilarWiring> {
  const started = Date.now();
  const path = o.decorate ? null : o.snapshotPath;
  let loaded: ReturnType<typeof readSimilarSnapshot> = null;
  if (path) {
    try {
      loaded = readSimilarSnapshot(path, o.store.description, INDEX_OPTIONS);
    } catch (error) {
      o.logger.warn({ err: error, path }, 'similar-index snapshot unreadable; building from the store');
    }
  }
  const lexical = loaded?.index ?? new LexicalSimilarIndex(INDEX_OPTIONS);
  const index = new SharedSimilarIndex({ inner: o.decorate ? o.decorate(lexical) : lexical, tickets: o.store, cursor: loaded?.meta.cursor ?? null, applied: loaded?.meta.applied, logger: o.logger });
  const read = await index.sync();
  o.logger.info({ resolvedTickets: index.size, fromSnapshot: loaded !== null, changesRead: read, ms: Date.now() - started }, 'similar-ticket index ready');

  let lastSave = Date.now();
  const save = async (): Promise<void> => {
    if (!path) return;
    await index.exclusive((cursor) => writeSimilarSnapshot(path, lexical, { store: o.store.description, cursor, applied: index.recentlyApplied() }));
    lastSave = Date.now();
  };
  if (path && (!loaded || index.changesSinceMark >= SNAPSHOT_AFTER_CHANGES)) {
    await save().catch((error: unknown) => o.logger.warn({ err: error, path }, 'similar-index snapshot could not be written; the next start builds from the store'));
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = index
      .sync()
      .then(async () => {
        if (path && index.changesSinceMark > 0 && Date.now() - lastSave >= SNAPSHOT_EVERY_MS) await save();
      })
      .catch((error: unknown) => o.logger.warn({ err: error }, 'similar-ticket index could not catch up with the store; retrying'))
      .finally(() => (running = null));
  };
  return {
    index,
    start() {
      if (timer) return;
      timer = setInterval(tick, o.syncMs ?? SIMILAR_SYNC_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      if (index.changesSinceMark > 0) await save().catch((error: unknown) => o.logger.warn({ err: error, path }, 'similar-index snapshot could not be written'));
    },
  };
}
