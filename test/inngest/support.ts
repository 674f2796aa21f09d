/**
 * Shared fixtures for the Inngest, SLA and email integration tests: a
 * Helpdesk on the in-memory store with fake ports, people with roles and
 * skills, and a way to run Inngest functions for the events a store's
 * outbox holds — what Inngest would do after the outbox relay sent them.
 */
import { InngestTestEngine, mockCtx } from '@inngest/test';
import type { InngestFunction } from 'inngest';
import {
  DEFAULT_SETTINGS,
  Helpdesk,
  Notifier,
  SkillCatalog,
  silentLogger,
  type HelpdeskDeps,
  type HelpdeskSettings,
  type Job,
  type Logger,
  type NotificationChannel,
  type Person,
  type Role,
  type WorkflowEvent,
} from '../../core/index.js';
import { CountingSignal, FakeClock, FixedTriage, MemorySimilarIndex, RecordingChannel, SequentialIds } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createInngestClient } from '../../inngest/client.js';

export interface Fixture {
  readonly deps: HelpdeskDeps;
  readonly helpdesk: Helpdesk;
  readonly store: MemoryStore;
  readonly clock: FakeClock;
  readonly chat: RecordingChannel;
  readonly triage: FixedTriage;
  readonly similar: MemorySimilarIndex;
}

export interface FixtureOptions {
  readonly store?: MemoryStore;
  readonly clock?: FakeClock;
  readonly channels?: (chat: RecordingChannel) => NotificationChannel[];
  readonly settings?: Partial<HelpdeskSettings>;
  readonly logger?: Logger;
  readonly triage?: FixedTriage;
  readonly signal?: { workAvailable(): void };
}

/** A Helpdesk on fakes; people reached on the `console` chat channel unless `channels` says otherwise. */
export function fixture(options: FixtureOptions = {}): Fixture {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? new FakeClock();
  const chat = new RecordingChannel('console');
  const triage = options.triage ?? new FixedTriage({ skills: ['vpn'], priority: 'HIGH', notes: 'Check the VPN client version.' });
  const similar = new MemorySimilarIndex();
  const logger = options.logger ?? silentLogger;
  const deps: HelpdeskDeps = {
    store,
    clock,
    ids: new SequentialIds('t'),
    catalog: new SkillCatalog(),
    triage,
    similar,
    notifier: new Notifier(options.channels ? options.channels(chat) : [chat], logger),
    signal: options.signal ?? new CountingSignal(),
    logger,
    settings: { ...DEFAULT_SETTINGS, filingLimitPerMinute: 0, ...options.settings },
  };
  return { deps, helpdesk: new Helpdesk(deps), store, clock, chat, triage, similar };
}

/** A Logger that keeps every entry, for assertions on what was (not) logged. */
export class RecordingLogger implements Logger {
  constructor(readonly entries: { level: string; obj: unknown; msg: string | undefined }[] = []) {}
  debug(obj: object | string, msg?: string): void {
    this.entries.push({ level: 'debug', obj, msg: typeof obj === 'string' ? obj : msg });
  }
  info(obj: object | string, msg?: string): void {
    this.entries.push({ level: 'info', obj, msg: typeof obj === 'string' ? obj : msg });
  }
  warn(obj: object | string, msg?: string): void {
    this.entries.push({ level: 'warn', obj, msg: typeof obj === 'string' ? obj : msg });
  }
  error(obj: object | string, msg?: string): void {
    this.entries.push({ level: 'error', obj, msg: typeof obj === 'string' ? obj : msg });
  }
  child(): Logger {
    return this;
  }
}

/** Creates a person with a console identity, a role, skills and optionally an email address. */
export async function person(store: MemoryStore, handle: string, role: Role = 'user', skills: readonly string[] = [], email: string | null = null): Promise<Person> {
  const at = '2026-01-05T08:00:00.000Z';
  const p = await store.ensurePerson({ id: `p-${handle}`, identity: `console:${handle}`, displayName: handle, email, role, createdAt: at });
  return store.updatePerson(p.id, { role, skills }, p.version, at);
}

/** An Inngest client that never talks to a server (dev mode, nothing is sent from these tests). */
export function testClient() {
  return createInngestClient({ id: 'helpdesk-test', isDev: true, logger: silentLogger });
}

/** Replaces Inngest's waitForEvent (which @inngest/test cannot mock through `steps`) with a function. */
export type WaitMock = (id: string, options: { event: string; timeout: unknown; match?: string }) => Promise<WorkflowEvent | null>;

export interface RunOptions {
  /** Answers every waitForEvent; default: the wait times out (null). */
  readonly waitForEvent?: WaitMock;
  /** Called for every step.sleep instead of sleeping. */
  readonly sleep?: (id: string, duration: unknown) => Promise<void>;
}

/**
 * Runs an Inngest function for one event with @inngest/test. Sleep, waits
 * and sendEvent are replaced through `transformCtx` (unmocked they hang or
 * reach the network); every step.run runs for real with Inngest's
 * memoization.
 */
export async function runFunction(fn: InngestFunction.Any, event: WorkflowEvent, options: RunOptions = {}) {
  const { engine, sent } = testEngine(fn, event, options);
  const output = await engine.execute();
  return { ...output, sent };
}

/** Runs a function until one step has run (or failed), to look at that step's outcome. */
export async function runStep(fn: InngestFunction.Any, event: WorkflowEvent, stepId: string, options: RunOptions = {}) {
  return testEngine(fn, event, options).engine.executeStep(stepId);
}

function testEngine(fn: InngestFunction.Any, event: WorkflowEvent, options: RunOptions) {
  const sent: WorkflowEvent[] = [];
  const engine = new InngestTestEngine({
    function: fn,
    events: [{ name: event.name, data: event.data }],
    transformCtx: (ctx) => {
      const mocked = mockCtx(ctx);
      const step = mocked.step as unknown as Record<string, unknown>;
      step['waitForEvent'] = options.waitForEvent ?? (async () => null);
      step['sleep'] = options.sleep ?? (async () => undefined);
      step['sendEvent'] = async (_id: string, payload: WorkflowEvent | WorkflowEvent[]) => {
        const list = Array.isArray(payload) ? payload : [payload];
        sent.push(...list);
        return { ids: list.map((_, i) => `sent-${sent.length}-${i}`) };
      };
      return mocked;
    },
  });
  return { engine, sent };
}

/**
 * Plays Inngest for a store's outbox: takes pending event jobs in order,
 * runs every function they trigger and marks the jobs done, until no
 * event is left. Returns each function's outcome by event.
 */
export async function runOutbox(store: MemoryStore, clock: FakeClock, functions: readonly InngestFunction.Any[], options: RunOptions = {}) {
  const runs: { fn: string; event: string; result: unknown; error: unknown }[] = [];
  for (let i = 0; i < 1_000; i++) {
    const now = clock.now().toISOString();
    const job: Job | null = await store.claimDueJob('inngest-test', now, new Date(clock.now().getTime() + 60_000).toISOString());
    if (!job) return runs;
    for (const fn of functions.filter((f) => triggerOf(f) === job.name)) {
      const out = await runFunction(fn, { name: job.name, data: { ...job.data } }, options);
      runs.push({ fn: fn.id(), event: job.name, result: 'result' in out ? out.result : undefined, error: 'error' in out ? out.error : undefined });
    }
    await store.completeJob(job.id, 'inngest-test', now);
  }
  throw new Error('runOutbox: the outbox does not drain');
}

/** The event name a function is triggered by. */
export function triggerOf(fn: InngestFunction.Any): string {
  const trigger = (fn.opts.triggers ?? [])[0] as { event?: string | { name: string } } | undefined;
  const event = trigger?.event;
  return typeof event === 'string' ? event : (event?.name ?? '');
}
