/**
 * Helpers shared by the runner's tests (and test/runner): a logger that
 * records, a gate that holds a step until the test opens it, polling for a
 * condition, and a Helpdesk wired on fakes.
 */
import {
  DEFAULT_SETTINGS,
  Helpdesk,
  Notifier,
  SkillCatalog,
  type Job,
  type Logger,
  type Person,
  type Role,
  type Store,
  type TriageEngine,
  type WorkflowDefinition,
  type WorkSignal,
} from '../../core/index.js';
import { FakeClock, FixedTriage, MemorySimilarIndex, RecordingChannel, SequentialIds } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { InProcessRunner, type InProcessRunnerOptions } from './runner.js';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly bindings: Readonly<Record<string, unknown>>;
  readonly obj: unknown;
  readonly msg: string | undefined;
}

/** A Logger that keeps every entry with the bindings of its child chain. */
export class RecordingLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Readonly<Record<string, unknown>> = {},
  ) {}
  debug(obj: object | string, msg?: string): void {
    this.push('debug', obj, msg);
  }
  info(obj: object | string, msg?: string): void {
    this.push('info', obj, msg);
  }
  warn(obj: object | string, msg?: string): void {
    this.push('warn', obj, msg);
  }
  error(obj: object | string, msg?: string): void {
    this.push('error', obj, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }
  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((e) => e.level === level);
  }
  private push(level: LogEntry['level'], obj: object | string, msg?: string): void {
    this.entries.push({ level, bindings: this.bindings, obj, msg: typeof obj === 'string' ? obj : msg });
  }
}

/** Holds whoever awaits `wait()` until the test calls `open()`. */
export class Gate {
  entered = 0;
  private release: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  wait(): Promise<void> {
    this.entered++;
    return this.opened;
  }
  open(): void {
    this.release();
  }
}

/** Polls `condition` until it holds; fails after a generous deadline instead of hanging. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets every already-queued callback and timer of zero delay run. */
export async function flushTasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface HelpdeskFixture {
  readonly helpdesk: Helpdesk;
  readonly channel: RecordingChannel;
  readonly triage: TriageEngine;
}

/** A Helpdesk on `store` with fake ports and a `console` channel that records deliveries. */
export function helpdeskOn(
  store: Store,
  clock: FakeClock | { now(): Date },
  signal: WorkSignal,
  options: { logger?: Logger; triage?: TriageEngine; channel?: RecordingChannel; ids?: { newId(): string } } = {},
): HelpdeskFixture {
  const logger = options.logger ?? new RecordingLogger();
  const channel = options.channel ?? new RecordingChannel('console');
  const triage = options.triage ?? new FixedTriage({ skills: ['vpn'], priority: 'MEDIUM' });
  const helpdesk = new Helpdesk({
    store,
    clock,
    ids: options.ids ?? new SequentialIds('t'),
    catalog: new SkillCatalog(),
    triage,
    similar: new MemorySimilarIndex(),
    notifier: new Notifier([channel], logger),
    signal,
    logger,
    settings: { ...DEFAULT_SETTINGS, filingLimitPerMinute: 0 },
  });
  return { helpdesk, channel, triage };
}

/** Creates (or finds) a person with a console identity, role and skills. */
export async function person(store: Store, handle: string, role: Role = 'user', skills: readonly string[] = [], at = '2026-01-05T08:00:00.000Z'): Promise<Person> {
  const p = await store.ensurePerson({ id: `p-${handle}`, identity: `console:${handle}`, displayName: handle, email: null, role, createdAt: at });
  if (p.role === role && skills.length === 0) return p;
  return store.updatePerson(p.id, { role, skills }, p.version, at);
}

export interface RunnerSetup {
  readonly store: MemoryStore;
  readonly clock: FakeClock;
  readonly logger: RecordingLogger;
  readonly runner: InProcessRunner;
  /** Enqueues an event job due now, as a use case's outbox would. */
  emit(name: string, data: Record<string, unknown>, key?: string): Promise<Job>;
  /** Jobs by name prefix, e.g. `run:` for workflow runs. */
  jobsNamed(prefix: string): Promise<Job[]>;
}

/** A runner on a fresh MemoryStore and FakeClock, retrying after 1 s by default. */
export function runnerOn(workflows: readonly WorkflowDefinition[], options: Partial<InProcessRunnerOptions> = {}): RunnerSetup {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const logger = new RecordingLogger();
  const runner = new InProcessRunner({ jobs: store, workflows, clock, logger, owner: 'runner-a', backoff: () => 1_000, pollMs: 50, ...options });
  let n = 0;
  return {
    store,
    clock,
    logger,
    runner,
    emit: (name, data, key) => {
      const now = clock.now().toISOString();
      n++;
      return store.enqueueJob({ name, key: key ?? `${name}:${n}`, data, runAt: now }, now);
    },
    jobsNamed: async (prefix) => (await store.listJobs({})).filter((j) => j.name.startsWith(prefix)),
  };
}
