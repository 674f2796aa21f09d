/**
 * The job-queue half of the in-memory store (see memory-store.ts): leases,
 * step memoization, sleeps and event waits with the port's exact semantics.
 * Every method body runs without awaiting, so each call is atomic.
 */
import type { Iso } from '../domain/ticket.js';
import { eventMatchesWait } from '../ports/event-match.js';
import type { EventWait, FollowUps, Job, JobState, JobStore, NewJob, ParkedRun } from '../ports/jobs.js';
import { isDueJob, jobDueAt, normalizeIso } from './memory-store-rules.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** JSON copy: what goes in or comes out can never alias stored state. */
export const copy = <T>(value: T): T => (value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T));

const UNFINISHED: readonly JobState[] = ['pending', 'running', 'waiting'];

export interface MemoryJobQueueOptions {
  /**
   * Act as a store only one process can open (as SQLite does), so
   * releaseOrphanedLeases releases other owners' leases. Off by default:
   * tests often share one in-memory store between several live runners.
   */
  readonly exclusive?: boolean;
}

export class MemoryJobQueue implements JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly jobIdByKey = new Map<string, string>();
  private lastJobId = 0;
  private readonly exclusive: boolean;

  constructor(options: MemoryJobQueueOptions = {}) {
    this.exclusive = options.exclusive ?? false;
  }

  async enqueueJob(job: NewJob, now: Iso): Promise<Job> {
    return copy(this.insertJob(job, now));
  }

  async enqueueParkedJob(job: NewJob, parked: ParkedRun, now: Iso): Promise<void> {
    this.insertParked(job, parked, now);
  }

  async getJob(id: string): Promise<Job | null> {
    const j = this.jobs.get(id);
    return j ? copy(j) : null;
  }

  async getJobByKey(key: string): Promise<Job | null> {
    const id = this.jobIdByKey.get(key);
    return id === undefined ? null : this.getJob(id);
  }

  async claimDueJob(owner: string, now: Iso, leaseUntil: Iso, names?: readonly string[]): Promise<Job | null> {
    return this.claimOne(owner, now, leaseUntil, names);
  }

  async claimDueJobs(owner: string, now: Iso, leaseUntil: Iso, limit: number): Promise<Job[]> {
    const claimed: Job[] = [];
    while (claimed.length < limit) {
      const job = this.claimOne(owner, now, leaseUntil);
      if (!job) break;
      claimed.push(job);
    }
    return claimed;
  }

  private claimOne(owner: string, now: Iso, leaseUntil: Iso, names?: readonly string[]): Job | null {
    const nowMs = Date.parse(now);
    let best: Job | null = null;
    for (const j of this.jobs.values()) {
      if (names !== undefined && !names.includes(j.name)) continue;
      if (!isDueJob(j, nowMs)) continue;
      if (best === null || Date.parse(jobDueAt(j)) < Date.parse(jobDueAt(best))) best = j;
    }
    if (!best) return null;
    const claimed: Job = { ...best, state: 'running', leaseOwner: owner, leaseUntil: normalizeIso(leaseUntil), updatedAt: normalizeIso(now) };
    this.jobs.set(claimed.id, claimed);
    return copy(claimed);
  }

  async renewLease(jobId: string, owner: string, leaseUntil: Iso): Promise<boolean> {
    return this.withLease(jobId, owner, (j) => ({ ...j, leaseUntil: normalizeIso(leaseUntil) }));
  }

  async saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: Iso): Promise<boolean> {
    return this.withLease(jobId, owner, (j) => ({ ...j, steps: { ...j.steps, [stepId]: copy(value) }, updatedAt: normalizeIso(now) }));
  }

  async completeJob(jobId: string, owner: string, now: Iso): Promise<void> {
    this.withLease(jobId, owner, (j) => ({ ...j, state: 'done', ...released(now) }));
  }

  async completeJobEnqueuing(jobId: string, owner: string, followUps: FollowUps, now: Iso): Promise<void> {
    const enqueue = followUps.enqueue.map(prepareJob);
    const parked = followUps.parked.map((p) => ({ job: prepareJob(p.job), parked: copy(p.parked) }));
    if (!this.withLease(jobId, owner, (j) => ({ ...j, state: 'done', ...released(now) }))) return;
    for (const job of enqueue) this.insertJob(job, now);
    for (const p of parked) this.insertParked(p.job, p.parked, now);
  }

  async retryJob(jobId: string, owner: string, runAt: Iso, error: string, now: Iso): Promise<void> {
    this.withLease(jobId, owner, (j) => ({ ...j, state: 'pending', attempts: j.attempts + 1, runAt: normalizeIso(runAt), lastError: error, ...released(now) }));
  }

  async failJob(jobId: string, owner: string, error: string, now: Iso): Promise<void> {
    this.withLease(jobId, owner, (j) => ({ ...j, state: 'failed', lastError: error, ...released(now) }));
  }

  async suspendJob(jobId: string, owner: string, runAt: Iso, wait: EventWait | null, now: Iso): Promise<void> {
    const storedWait = wait === null ? null : copy({ ...wait, until: normalizeIso(wait.until) });
    this.withLease(jobId, owner, (j) => ({ ...j, state: 'waiting', runAt: normalizeIso(runAt), wait: storedWait, ...released(now) }));
  }

  async deliverEvent(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: Iso): Promise<number> {
    let woken = 0;
    const at = normalizeIso(now);
    for (const j of [...this.jobs.values()]) {
      if (j.state !== 'waiting' || j.wait === null || !eventMatchesWait(j.wait, event)) continue;
      const steps = { ...j.steps, [j.wait.stepId]: copy({ name: event.name, data: event.data }) };
      this.jobs.set(j.id, { ...j, state: 'pending', runAt: at, wait: null, steps, updatedAt: at });
      woken++;
    }
    return woken;
  }

  async cancelJobs(keys: readonly string[], now: Iso): Promise<number> {
    return this.cancelByKeys(keys, now);
  }

  async deleteFinishedJobs(before: Iso, limit: number): Promise<number> {
    let n = 0;
    // The map keeps insertion order, which is id order: oldest first.
    for (const job of [...this.jobs.values()]) {
      if (n >= limit) break;
      if ((job.state !== 'done' && job.state !== 'cancelled') || Date.parse(job.updatedAt) >= Date.parse(before)) continue;
      this.jobs.delete(job.id);
      this.jobIdByKey.delete(job.key);
      n++;
    }
    return n;
  }

  async releaseOrphanedLeases(owner: string, now: Iso): Promise<number | null> {
    if (!this.exclusive) return null;
    let n = 0;
    for (const j of [...this.jobs.values()]) {
      if (j.state !== 'running' || j.leaseOwner === owner) continue;
      this.jobs.set(j.id, { ...j, state: 'pending', runAt: normalizeIso(now), ...released(now) });
      n++;
    }
    return n;
  }

  async nextJobDueAt(): Promise<Iso | null> {
    let best: string | null = null;
    for (const j of this.jobs.values()) {
      if (!UNFINISHED.includes(j.state)) continue;
      const due = jobDueAt(j);
      if (best === null || Date.parse(due) < Date.parse(best)) best = due;
    }
    return best;
  }

  async listJobs(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]> {
    const { states, names, limit } = filter;
    return [...this.jobs.values()]
      .filter((j) => (states === undefined || states.includes(j.state)) && (names === undefined || names.includes(j.name)))
      .slice(0, limit)
      .map(copy);
  }

  /** Inserts unless the key exists; the stored job either way. */
  protected insertJob(job: NewJob, now: Iso): Job {
    const existing = this.jobIdByKey.get(job.key);
    if (existing !== undefined) return this.jobs.get(existing) as Job;
    this.lastJobId += 1;
    const at = normalizeIso(now);
    const stored: Job = {
      id: `job-${this.lastJobId}`,
      name: job.name,
      key: job.key,
      data: copy(job.data),
      state: 'pending',
      attempts: 0,
      runAt: normalizeIso(job.runAt),
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      steps: {},
      wait: null,
      createdAt: at,
      updatedAt: at,
    };
    this.jobs.set(stored.id, stored);
    this.jobIdByKey.set(stored.key, stored.id);
    return stored;
  }

  private insertParked(job: NewJob, parked: ParkedRun, now: Iso): void {
    const prepared = prepareJob(job);
    const steps = copy(parked.steps);
    const wait = parked.wait === null ? null : copy({ ...parked.wait, until: normalizeIso(parked.wait.until) });
    if (this.jobIdByKey.has(prepared.key)) return;
    const stored = this.insertJob(prepared, now);
    this.jobs.set(stored.id, { ...stored, state: 'waiting', steps, wait });
  }

  /** Applies `change` only while `owner` holds the job's lease; false otherwise. */
  private withLease(jobId: string, owner: string, change: (job: Job) => Job): boolean {
    const j = this.jobs.get(jobId);
    if (!j || j.state !== 'running' || j.leaseOwner !== owner) return false;
    this.jobs.set(jobId, change(j));
    return true;
  }

  protected cancelByKeys(keys: readonly string[], now: Iso): number {
    let n = 0;
    for (const key of new Set(keys)) {
      const id = this.jobIdByKey.get(key);
      const j = id === undefined ? undefined : this.jobs.get(id);
      if (!j || !UNFINISHED.includes(j.state)) continue;
      this.jobs.set(j.id, { ...j, state: 'cancelled', ...released(now) });
      n++;
    }
    return n;
  }
}

/** A validated copy of a job to insert; throws before anything is stored. */
export function prepareJob(job: NewJob): NewJob {
  return { ...copy(job), runAt: normalizeIso(job.runAt) };
}

function released(now: Iso): Pick<Mutable<Job>, 'leaseOwner' | 'leaseUntil' | 'updatedAt'> {
  return { leaseOwner: null, leaseUntil: null, updatedAt: normalizeIso(now) };
}
