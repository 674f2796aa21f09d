import type { KeyValueStore } from '../ports/store.js';
import { silentLogger, type Clock, type Hasher, type Logger } from '../ports/system.js';
import type { TriageEngine, TriageProposal, TriageRequest } from '../ports/triage.js';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerOptions, type BreakerState } from './breaker.js';
import { TriageCache, ticketTextKey } from './cache.js';
import { addUsage, NO_USAGE, TriageAttemptError, type TokenUsage } from './errors.js';
import { ConcurrencyLimiter } from './limiter.js';
import type { MeteredProposal } from './llm-engine.js';
import { redactRequest } from './redact.js';
import { correctedExamples } from './skills-context.js';
import { emptyStats, fallbackProposal, type EngineStats, type TriageStats } from './stats.js';

export interface TriageChainOptions {
  /** Engines in order of preference; put the local engine last so every ticket gets triaged. */
  readonly engines: readonly TriageEngine[];
  /** Reuse triage for identical ticket text: a key-value store (or a ready cache); null turns it off. */
  readonly cache?: KeyValueStore | TriageCache | null | undefined;
  readonly cacheTtlMs?: number | undefined;
  readonly breaker?: Partial<BreakerOptions> | undefined;
  readonly clock: Clock;
  /** Keys identical ticket text for the cache and for coalescing concurrent duplicates. */
  readonly hasher: Hasher;
  readonly logger?: Logger | undefined;
  /** Redact personal data and secrets before any engine sees the ticket (default true). */
  readonly redact?: boolean | undefined;
  /** Calls in flight per engine (default 4). */
  readonly concurrency?: number | undefined;
}

interface Slot {
  readonly engine: TriageEngine;
  readonly breaker: CircuitBreaker;
  readonly limiter: ConcurrencyLimiter;
  readonly stats: EngineStats;
}

/**
 * The triage engine the helpdesk uses: identical text reuses an earlier
 * result; otherwise the ticket (redacted) goes to each engine in turn until
 * one answers. An engine whose circuit is open is skipped, except the last
 * one, which is always tried. If even that fails, a minimal built-in
 * proposal is returned: a ticket is never left untriaged. The proposal's
 * `engine` and `model` say who answered; `usage` counts every call made for
 * the ticket, failed ones included.
 */
export class TriageChain implements TriageEngine {
  readonly name = 'chain';
  private readonly slots: Slot[];
  private readonly cache: TriageCache | null;
  private readonly inFlight = new Map<string, Promise<TriageProposal>>();
  private readonly logger: Logger;
  private readonly redact: boolean;
  private readonly totals = emptyStats();
  private readonly breakerOptions: BreakerOptions;

  constructor(private readonly options: TriageChainOptions) {
    if (options.engines.length === 0) throw new Error('TriageChain needs at least one engine (the local engine)');
    const breaker = { ...DEFAULT_BREAKER, ...options.breaker };
    this.breakerOptions = breaker;
    const seen = new Set<string>();
    this.slots = options.engines.map((engine) => {
      if (seen.has(engine.name)) throw new Error(`TriageChain: two engines are named "${engine.name}"`);
      seen.add(engine.name);
      const stats: EngineStats = { attempts: 0, successes: 0, failures: 0, skipped: 0, calls: 0, inputTokens: 0, outputTokens: 0 };
      this.totals.engines[engine.name] = stats;
      return { engine, breaker: new CircuitBreaker(options.clock, breaker), limiter: new ConcurrencyLimiter(options.concurrency ?? 4), stats };
    });
    const cache = options.cache ?? null;
    this.cache = cache === null ? null : cache instanceof TriageCache ? cache : new TriageCache({ store: cache, clock: options.clock, ...(options.cacheTtlMs !== undefined ? { ttlMs: options.cacheTtlMs } : {}) });
    this.logger = options.logger ?? silentLogger;
    this.redact = options.redact ?? true;
  }

  /** Counters since start: tickets, cache hits, calls and tokens per engine. */
  stats(): TriageStats {
    return structuredCloneStats(this.totals);
  }

  breakerState(engineName: string): BreakerState | undefined {
    return this.slots.find((s) => s.engine.name === engineName)?.breaker.state;
  }

  async triage(request: TriageRequest): Promise<TriageProposal> {
    this.totals.tickets += 1;
    const key = ticketTextKey(this.options.hasher, request.ticket.title, request.ticket.description);
    // Staff corrected a similar ticket: an earlier answer for this very text may be what they corrected.
    const cached = correctedExamples(request.precedents).length > 0 ? null : await this.readCache(key);
    if (cached) {
      this.totals.cacheHits += 1;
      this.logger.info({ ticketId: request.ticket.id, engine: cached.engine, model: cached.model, cached: true, calls: 0, inputTokens: 0, outputTokens: 0 }, 'triage reused for identical ticket text');
      return { ...cached, usage: NO_USAGE };
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.totals.coalesced += 1;
      return { ...(await pending), usage: NO_USAGE };
    }
    const run = this.run(request, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }

  private async run(request: TriageRequest, key: string): Promise<TriageProposal> {
    const ticketId = request.ticket.id;
    let outbound = request;
    if (this.redact) {
      const r = redactRequest(request);
      outbound = r.request;
      if (Object.keys(r.counts).length > 0) this.logger.info({ ticketId, redacted: r.counts }, 'redacted private data before triage');
    }
    let usage: TokenUsage = NO_USAGE;
    let calls = 0;
    let degraded = false;
    for (const [i, slot] of this.slots.entries()) {
      const last = i === this.slots.length - 1;
      if (!last && !slot.breaker.tryAcquire()) {
        slot.stats.skipped += 1;
        degraded = true;
        if (slot.breaker.misconfiguredOpen) this.logger.debug({ ticketId, engine: slot.engine.name }, 'engine skipped: its model is unavailable');
        else this.logger.warn({ ticketId, engine: slot.engine.name }, 'engine skipped: circuit open after repeated failures');
        continue;
      }
      slot.stats.attempts += 1;
      try {
        const proposal: MeteredProposal = await slot.limiter.run(() => slot.engine.triage(outbound));
        slot.breaker.success();
        const made = proposal.calls ?? (proposal.usage ? 1 : 0);
        this.count(slot, made, proposal.usage);
        calls += made;
        usage = addUsage(usage, proposal.usage);
        slot.stats.successes += 1;
        const { calls: _calls, ...clean } = proposal;
        const answer: TriageProposal = { ...clean, usage };
        this.logger.info(
          { ticketId, engine: answer.engine, model: answer.model, calls, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, fallback: degraded },
          'triage answered',
        );
        if (!degraded) await this.writeCache(key, answer);
        return answer;
      } catch (error) {
        const gone = error instanceof TriageAttemptError && error.kind === 'model-unavailable';
        // The last engine is never skipped, so its circuit is not tracked (and a dead model there is reported every time).
        let firstReport = last;
        if (!last && gone) firstReport = slot.breaker.misconfigured();
        else if (!last) slot.breaker.failure();
        degraded = true;
        slot.stats.failures += 1;
        if (error instanceof TriageAttemptError) {
          this.count(slot, error.calls, error.usage);
          calls += error.calls;
          usage = addUsage(usage, error.usage);
        }
        const next = this.slots[i + 1]?.engine.name ?? null;
        if (gone) {
          // A configuration error, not an outage: one clear line, then the provider is set aside.
          if (firstReport) this.logMisconfigured(slot, error, last, next);
          continue;
        }
        this.logger.warn(
          { ticketId, engine: slot.engine.name, kind: error instanceof TriageAttemptError ? error.kind : 'unknown', error: errorText(error), next },
          'engine failed; trying the next one',
        );
      }
    }
    this.totals.fallbacks += 1;
    this.logger.error({ ticketId }, 'every triage engine failed; using the built-in minimal triage');
    return { ...fallbackProposal(request), usage };
  }

  private logMisconfigured(slot: Slot, error: TriageAttemptError, last: boolean, next: string | null): void {
    const setting = error.model?.setting ?? `${slot.engine.name.toUpperCase()}_MODEL`;
    const model = error.model?.name ?? 'the configured model';
    const skipped = last ? 'every ticket gets the minimal triage' : `${slot.engine.name} is skipped for the next ${Math.round(this.breakerOptions.misconfiguredCoolDownMs / 60_000)} minutes (or until restart) and tickets go to ${next ?? 'the next engine'}`;
    this.logger.error(
      { engine: slot.engine.name, model, setting, error: errorText(error) },
      `${setting}=${model} is not a model ${slot.engine.name} serves (unknown or shut down); ${skipped}. Set ${setting} to a current model (docs/ai.md) and restart.`,
    );
  }

  private count(slot: Slot, calls: number, usage: TokenUsage | undefined): void {
    slot.stats.calls += calls;
    slot.stats.inputTokens += usage?.inputTokens ?? 0;
    slot.stats.outputTokens += usage?.outputTokens ?? 0;
  }

  private async readCache(key: string): Promise<TriageProposal | null> {
    if (!this.cache) return null;
    try {
      return await this.cache.get(key);
    } catch (error) {
      this.logger.warn({ error: errorText(error) }, 'triage cache unreadable; triaging afresh');
      return null;
    }
  }

  private async writeCache(key: string, proposal: TriageProposal): Promise<void> {
    if (!this.cache) return;
    try {
      await this.cache.set(key, proposal);
    } catch (error) {
      this.logger.warn({ error: errorText(error) }, 'triage cache write failed');
    }
  }
}

/** Builds the chain; see {@link TriageChainOptions}. */
export function createTriageChain(options: TriageChainOptions): TriageChain {
  return new TriageChain(options);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

function structuredCloneStats(s: TriageStats): TriageStats {
  return { ...s, engines: Object.fromEntries(Object.entries(s.engines).map(([k, v]) => [k, { ...v }])) };
}
