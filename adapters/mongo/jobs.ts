/**
 * The durable job queue on MongoDB. Every state change is one atomic
 * single-document update whose filter carries its precondition (the job is
 * due; the caller still holds the lease), so two processes never hold the
 * same job: claimDueJob is a findOneAndUpdate on {dueAt <= now}, and a
 * crashed holder's lease simply falls due again at leaseUntil.
 *
 * `dueAt` is the one field the scheduler reads: runAt while pending or
 * waiting, leaseUntil while running, absent once the job finished.
 */
import { Types } from 'mongoose';
import type { EventWait, Iso, Job, JobState, NewJob } from '../../core/index.js';
import { eventMatchesWait, eventMatchValues } from '../../core/ports/event-match.js';
import { isDuplicateKey } from './errors.js';
import { date, encodeStepId, json, toJob, waitFields } from './mapping.js';
import type { JobDoc, Models } from './models.js';

const UNFINISHED: readonly JobState[] = ['pending', 'running', 'waiting'];

export class MongoJobs {
  constructor(private readonly m: Models) {}

  /** Inserts unless the key exists; returns the stored job either way. */
  async enqueue(job: NewJob, now: Iso): Promise<Job> {
    const at = date(now);
    const runAt = date(job.runAt);
    const fresh: JobDoc = {
      _id: new Types.ObjectId().toHexString(),
      name: job.name,
      key: job.key,
      data: json(job.data),
      state: 'pending',
      attempts: 0,
      runAt,
      dueAt: runAt,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      steps: {},
      wait: null,
      createdAt: at,
      updatedAt: at,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.m.jobs
          .findOneAndUpdate({ key: job.key }, { $setOnInsert: fresh }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false })
          .lean();
        if (doc) return toJob(doc);
      } catch (error) {
        // Two upserts of a new key raced; the loser reads the winner's job.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  async get(id: string): Promise<Job | null> {
    const doc = await this.m.jobs.findById(id).lean();
    return doc ? toJob(doc) : null;
  }

  async getByKey(key: string): Promise<Job | null> {
    const doc = await this.m.jobs.findOne({ key }).lean();
    return doc ? toJob(doc) : null;
  }

  async claim(owner: string, now: Iso, leaseUntil: Iso, names?: readonly string[]): Promise<Job | null> {
    const until = date(leaseUntil);
    const doc = await this.m.jobs
      .findOneAndUpdate(
        { dueAt: { $lte: date(now) }, ...(names !== undefined ? { name: { $in: [...names] } } : {}) },
        { $set: { state: 'running', leaseOwner: owner, leaseUntil: until, dueAt: until, updatedAt: date(now) } },
        { sort: { dueAt: 1, _id: 1 }, returnDocument: 'after' },
      )
      .lean();
    return doc ? toJob(doc) : null;
  }

  async renewLease(jobId: string, owner: string, leaseUntil: Iso): Promise<boolean> {
    const until = date(leaseUntil);
    return this.whileLeased(jobId, owner, { $set: { leaseUntil: until, dueAt: until } });
  }

  async saveStepResult(jobId: string, owner: string, stepId: string, value: unknown, now: Iso): Promise<boolean> {
    return this.whileLeased(jobId, owner, { $set: { [`steps.${encodeStepId(stepId)}`]: json(value), updatedAt: date(now) } });
  }

  async complete(jobId: string, owner: string, now: Iso): Promise<void> {
    await this.whileLeased(jobId, owner, { $set: { state: 'done', ...released(now) }, $unset: { dueAt: 1 } });
  }

  async retry(jobId: string, owner: string, runAt: Iso, error: string, now: Iso): Promise<void> {
    const at = date(runAt);
    await this.whileLeased(jobId, owner, { $set: { state: 'pending', runAt: at, dueAt: at, lastError: error, ...released(now) }, $inc: { attempts: 1 } });
  }

  async fail(jobId: string, owner: string, error: string, now: Iso): Promise<void> {
    await this.whileLeased(jobId, owner, { $set: { state: 'failed', lastError: error, ...released(now) }, $unset: { dueAt: 1 } });
  }

  async suspend(jobId: string, owner: string, runAt: Iso, wait: EventWait | null, now: Iso): Promise<void> {
    const at = date(runAt);
    await this.whileLeased(jobId, owner, { $set: { state: 'waiting', runAt: at, dueAt: at, wait: waitFields(wait), ...released(now) } });
  }

  /**
   * Wakes waiting jobs whose wait matches the event. Candidates come from
   * the index on (awaited event, match value), looked up with the event's
   * own values, so a delivery reads only the jobs waiting on this ticket,
   * not every job waiting for the event; the field the job matches on is
   * then checked with the rule every store shares. Each wake is conditional
   * on the job still waiting on that step, so a concurrent delivery or
   * time-out wakes it once.
   */
  async deliver(event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }, now: Iso): Promise<number> {
    const at = date(now);
    const values = [...eventMatchValues(event.data)];
    if (values.length === 0) return 0;
    const waiting = await this.m.jobs.find({ 'wait.event': event.name, 'wait.matchValue': { $in: values }, state: 'waiting' }).lean();
    let woken = 0;
    for (const doc of waiting) {
      const job = toJob(doc);
      if (job.wait === null || !eventMatchesWait(job.wait, event)) continue;
      const res = await this.m.jobs.updateOne(
        { _id: job.id, state: 'waiting', 'wait.stepId': job.wait.stepId },
        {
          $set: {
            state: 'pending',
            runAt: at,
            dueAt: at,
            wait: null,
            [`steps.${encodeStepId(job.wait.stepId)}`]: json({ name: event.name, data: event.data }),
            updatedAt: at,
          },
        },
      );
      woken += res.modifiedCount;
    }
    return woken;
  }

  /** Cancels unfinished jobs with these keys. */
  async cancel(keys: readonly string[], now: Iso): Promise<number> {
    if (keys.length === 0) return 0;
    const res = await this.m.jobs.updateMany(
      { key: { $in: [...new Set(keys)] }, state: { $in: [...UNFINISHED] } },
      { $set: { state: 'cancelled', ...released(now) }, $unset: { dueAt: 1 } },
    );
    return res.modifiedCount;
  }

  /** Step results live in the job document, so they go with it. */
  async deleteFinished(before: Iso, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const ids = (await this.m.jobs.find({ state: { $in: ['done', 'cancelled'] }, updatedAt: { $lt: date(before) } }, { _id: 1 }).sort({ _id: 1 }).limit(Math.floor(limit)).lean()).map((d) => d._id);
    if (ids.length === 0) return 0;
    const res = await this.m.jobs.deleteMany({ _id: { $in: ids }, state: { $in: ['done', 'cancelled'] } });
    return res.deletedCount;
  }

  /**
   * Never releases anything (null): several live processes may share one
   * MongoDB, and nothing here proves a lease's holder is gone, so taking a
   * lease early could run a step twice at once. A dead process's leases
   * fall due at their leaseUntil instead.
   */
  async releaseOrphaned(): Promise<number | null> {
    return null;
  }

  async nextDueAt(): Promise<Iso | null> {
    const doc = await this.m.jobs.findOne({ dueAt: { $type: 'date' } }, { dueAt: 1 }).sort({ dueAt: 1, _id: 1 }).lean();
    return doc?.dueAt ? doc.dueAt.toISOString() : null;
  }

  async list(filter: { states?: readonly JobState[]; names?: readonly string[]; limit?: number }): Promise<Job[]> {
    if (filter.limit !== undefined && filter.limit <= 0) return [];
    const query = {
      ...(filter.states !== undefined ? { state: { $in: [...filter.states] } } : {}),
      ...(filter.names !== undefined ? { name: { $in: [...filter.names] } } : {}),
    };
    let q = this.m.jobs.find(query).sort({ _id: 1 });
    if (filter.limit !== undefined) q = q.limit(filter.limit);
    return (await q.lean()).map(toJob);
  }

  /** Applies `update` only while `owner` holds the job's lease; false otherwise. */
  private async whileLeased(jobId: string, owner: string, update: Record<string, unknown>): Promise<boolean> {
    const res = await this.m.jobs.updateOne({ _id: jobId, state: 'running', leaseOwner: owner }, update);
    return res.matchedCount === 1;
  }
}

function released(now: Iso) {
  return { leaseOwner: null, leaseUntil: null, updatedAt: date(now) };
}
