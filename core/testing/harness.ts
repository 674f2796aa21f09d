import { SkillCatalog } from '../domain/skills.js';
import { Helpdesk } from '../helpdesk.js';
import { Notifier } from '../notifications/notifier.js';
import type { NotificationChannel } from '../ports/notifier.js';
import type { SimilarTicketIndex } from '../ports/similar.js';
import type { Store } from '../ports/store.js';
import type { TicketStatsStore } from '../ports/stats.js';
import { silentLogger, type IdGenerator, type Logger, type WorkSignal } from '../ports/system.js';
import type { TriageEngine } from '../ports/triage.js';
import { DEFAULT_SETTINGS, type HelpdeskDeps, type HelpdeskSettings } from '../usecases/deps.js';
import { CountingSignal, FakeClock, FixedTriage, MemorySimilarIndex, RecordingChannel, SequentialIds } from './fakes.js';
import { InlineEngine } from './inline-engine.js';
import { MemoryStore } from './memory-store.js';

export interface TestHelpdesk {
  readonly helpdesk: Helpdesk;
  readonly store: Store;
  readonly clock: FakeClock;
  readonly engine: InlineEngine;
  readonly channels: readonly NotificationChannel[];
  /** The ports the helpdesk was built with, for tests that build another helpdesk on them (the facade keeps its own private). */
  readonly deps: HelpdeskDeps;
}

/** The parts of a test helpdesk a test may replace. */
export interface TestHelpdeskOptions {
  readonly store?: Store;
  readonly clock?: FakeClock;
  readonly triage?: TriageEngine;
  readonly similar?: SimilarTicketIndex;
  readonly channels?: readonly NotificationChannel[];
  readonly settings?: Partial<HelpdeskSettings>;
  readonly logger?: Logger;
  readonly signal?: WorkSignal;
  readonly ids?: IdGenerator;
  readonly stats?: TicketStatsStore;
}

/**
 * A complete helpdesk on in-memory fakes, for tests of core and of
 * surfaces: call `engine.drain()` after an action to run the workflows it
 * triggered. Every part can be replaced.
 */
export function testHelpdesk(options: TestHelpdeskOptions = {}): TestHelpdesk {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? new FakeClock();
  const channels = options.channels ?? [new RecordingChannel('console')];
  const logger = options.logger ?? silentLogger;
  const deps: HelpdeskDeps = {
    store,
    clock,
    ids: options.ids ?? new SequentialIds(),
    catalog: new SkillCatalog(),
    triage: options.triage ?? new FixedTriage(),
    similar: options.similar ?? new MemorySimilarIndex(),
    notifier: new Notifier(channels, logger),
    signal: options.signal ?? { workAvailable: () => undefined },
    logger,
    ...(options.stats ? { stats: options.stats } : {}),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
  const helpdesk = new Helpdesk(deps);
  const engine = new InlineEngine(store, helpdesk.workflows(), clock);
  return { helpdesk, store, clock, engine, channels, deps };
}

/**
 * Use-case dependencies around a store the caller brings (a real SQLite or
 * MongoDB store, for store tests and benches), with fakes for everything
 * else: a real clock, sequential ids, fixed triage, an in-memory similar
 * index, no channels, a counting work signal and the default settings.
 * `extra` replaces any of them.
 */
export function depsAround(store: Store, extra: Partial<HelpdeskDeps> = {}): HelpdeskDeps {
  return {
    store,
    clock: { now: () => new Date() },
    ids: new SequentialIds(),
    catalog: new SkillCatalog(),
    triage: new FixedTriage(),
    similar: new MemorySimilarIndex(),
    notifier: new Notifier([], silentLogger),
    signal: new CountingSignal(),
    logger: silentLogger,
    settings: DEFAULT_SETTINGS,
    ...extra,
  };
}
