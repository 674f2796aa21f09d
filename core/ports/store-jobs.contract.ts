/**
 * Store contract, part four: the durable job queue (outbox, leases, step
 * memoization, sleeps and event waits). Lease expiry is simulated by
 * passing later `now` values, never by waiting.
 */
import { describe, expect, it } from 'vitest';
import type { EventWait } from './jobs.js';
import { at, HOUR, MINUTE, newJob } from './store-fixtures.contract.js';
import type { Store } from './store.js';

const LEASE = at(MINUTE);

export function jobContract(store: () => Store): void {
  /** Enqueues a job and claims it as `owner` at T0. */
  async function claimed(owner = 'w1', over: Parameters<typeof newJob>[0] = {}) {
    const job = await store().enqueueJob(newJob(over), at());
    const claim = await store().claimDueJob(owner, at(), LEASE);
    expect(claim?.id).toBe(job.id);
    return job;
  }

  function waitFor(ticketId: string, until = at(HOUR)): EventWait {
    return { stepId: 'wait-resolved', event: 'ticket/resolved', matchField: 'ticketId', matchValue: ticketId, until };
  }

  describe('jobs', () => {
    it('enqueues once per key and returns the stored job either way', async () => {
      const first = await store().enqueueJob(newJob({ key: 'k1', name: 'ticket/filed', data: { ticketId: 't1' } }), at());
      expect(first).toMatchObject({ key: 'k1', name: 'ticket/filed', state: 'pending', attempts: 0, data: { ticketId: 't1' }, runAt: at(), leaseOwner: null, leaseUntil: null, lastError: null, steps: {}, wait: null, createdAt: at() });
      const again = await store().enqueueJob(newJob({ key: 'k1', data: { other: true } }), at(HOUR));
      expect(again).toEqual(first);
      expect(await store().getJob(first.id)).toEqual(first);
      expect(await store().getJobByKey('k1')).toEqual(first);
      expect(await store().getJob('unknown')).toBeNull();
      expect(await store().getJobByKey('unknown')).toBeNull();
      expect(await store().listJobs({})).toHaveLength(1);
    });

    it('claims due jobs earliest first, leasing them, and leaves future jobs alone', async () => {
      const later = await store().enqueueJob(newJob({ runAt: at(2 * MINUTE) }), at());
      const sooner = await store().enqueueJob(newJob({ runAt: at(MINUTE) }), at());
      expect(await store().claimDueJob('w1', at(), LEASE)).toBeNull();
      const c1 = await store().claimDueJob('w1', at(3 * MINUTE), at(4 * MINUTE));
      expect(c1).toMatchObject({ id: sooner.id, state: 'running', leaseOwner: 'w1', leaseUntil: at(4 * MINUTE) });
      expect((await store().claimDueJob('w2', at(3 * MINUTE), at(4 * MINUTE)))?.id).toBe(later.id);
      expect(await store().claimDueJob('w3', at(3 * MINUTE), at(4 * MINUTE))).toBeNull();
    });

    it('claims a batch of due jobs earliest first in one call, each job once (where the store offers it)', async () => {
      const s = store();
      // Optional on the port: a store without it gets one claimDueJob per job.
      if (!s.claimDueJobs) return;
      const later = await s.enqueueJob(newJob({ runAt: at(2 * MINUTE) }), at());
      const sooner = await s.enqueueJob(newJob({ runAt: at(MINUTE) }), at());
      const future = await s.enqueueJob(newJob({ runAt: at(HOUR) }), at());
      expect(await s.claimDueJobs('w1', at(), LEASE, 5)).toEqual([]);
      const batch = await s.claimDueJobs('w1', at(3 * MINUTE), at(4 * MINUTE), 5);
      expect(batch.map((j) => j.id)).toEqual([sooner.id, later.id]);
      expect(batch[0]).toMatchObject({ state: 'running', leaseOwner: 'w1', leaseUntil: at(4 * MINUTE) });
      expect(await s.claimDueJobs('w2', at(3 * MINUTE), at(4 * MINUTE), 5)).toEqual([]);
      expect(await s.claimDueJobs('w2', at(HOUR), at(2 * HOUR), 0)).toEqual([]);
      const rest = await Promise.all([s.claimDueJobs('w2', at(HOUR), at(2 * HOUR), 1), s.claimDueJobs('w3', at(HOUR), at(2 * HOUR), 1)]);
      // The two expired leases and the job due now: three jobs for two claimers of one each, none twice.
      const ids = rest.flat().map((j) => j.id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      expect([sooner.id, later.id, future.id]).toEqual(expect.arrayContaining(ids));
    });

    it('filters claims by job name', async () => {
      const a = await store().enqueueJob(newJob({ name: 'ticket/filed' }), at());
      const b = await store().enqueueJob(newJob({ name: 'ticket/resolved' }), at());
      expect(await store().claimDueJob('w1', at(), LEASE, ['ticket/other'])).toBeNull();
      expect((await store().claimDueJob('w1', at(), LEASE, ['ticket/resolved']))?.id).toBe(b.id);
      expect((await store().claimDueJob('w1', at(), LEASE, ['ticket/filed', 'ticket/resolved']))?.id).toBe(a.id);
    });

    it('reclaims a running job only once its lease expired', async () => {
      const job = await claimed('w1');
      expect(await store().claimDueJob('w2', at(30_000), at(90_000))).toBeNull();
      const reclaimed = await store().claimDueJob('w2', at(MINUTE), at(2 * MINUTE));
      expect(reclaimed).toMatchObject({ id: job.id, leaseOwner: 'w2', leaseUntil: at(2 * MINUTE) });
      expect(await store().renewLease(job.id, 'w1', at(3 * MINUTE))).toBe(false);
    });

    it('never hands one job to two of 10 concurrent claimers', async () => {
      const job = await store().enqueueJob(newJob(), at());
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => store().claimDueJob(`w${i}`, at(), LEASE)));
      const won = claims.filter((c) => c !== null);
      expect(won).toHaveLength(1);
      expect(won[0]?.id).toBe(job.id);
      expect((await store().getJob(job.id))?.leaseOwner).toBe(won[0]?.leaseOwner);
    });

    it('hands 5 jobs to 5 of 10 concurrent claimers, each job once', async () => {
      for (let i = 0; i < 5; i++) await store().enqueueJob(newJob(), at());
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => store().claimDueJob(`w${i}`, at(), LEASE)));
      const won = claims.filter((c) => c !== null);
      expect(won).toHaveLength(5);
      expect(new Set(won.map((c) => c.id)).size).toBe(5);
    });

    it('renews a lease only for its owner', async () => {
      const job = await claimed('w1');
      expect(await store().renewLease(job.id, 'w1', at(5 * MINUTE))).toBe(true);
      expect((await store().getJob(job.id))?.leaseUntil).toBe(at(5 * MINUTE));
      expect(await store().claimDueJob('w2', at(2 * MINUTE), at(3 * MINUTE))).toBeNull();
      expect(await store().renewLease(job.id, 'w2', at(9 * MINUTE))).toBe(false);
      expect(await store().renewLease('unknown', 'w1', at(9 * MINUTE))).toBe(false);
    });

    it('memoizes step results while the lease is held, and refuses them after it was lost', async () => {
      const job = await claimed('w1');
      expect(await store().saveStepResult(job.id, 'w1', 'triage', { skills: ['vpn'], n: 1 }, at())).toBe(true);
      expect(await store().saveStepResult(job.id, 'w1', 'nothing', null, at())).toBe(true);
      const value = { list: [1, 2] };
      expect(await store().saveStepResult(job.id, 'w1', 'list', value, at())).toBe(true);
      value.list.push(3);
      expect((await store().getJob(job.id))?.steps).toEqual({ triage: { skills: ['vpn'], n: 1 }, nothing: null, list: { list: [1, 2] } });
      await store().claimDueJob('w2', at(2 * MINUTE), at(3 * MINUTE));
      expect(await store().saveStepResult(job.id, 'w1', 'late', 'x', at(2 * MINUTE))).toBe(false);
      const after = await store().getJob(job.id);
      expect(after?.steps).not.toHaveProperty('late');
      expect(after?.steps).toHaveProperty('triage');
    });

    it('completes a job for good; a stale owner cannot complete it', async () => {
      const job = await claimed('w1');
      await store().claimDueJob('w2', at(2 * MINUTE), at(3 * MINUTE));
      await store().completeJob(job.id, 'w1', at(2 * MINUTE));
      expect((await store().getJob(job.id))?.state).toBe('running');
      await store().completeJob(job.id, 'w2', at(2 * MINUTE));
      expect(await store().getJob(job.id)).toMatchObject({ state: 'done', leaseOwner: null, leaseUntil: null, updatedAt: at(2 * MINUTE) });
      expect(await store().claimDueJob('w3', at(HOUR), at(2 * HOUR))).toBeNull();
    });

    it('retries a job later, counting the attempt and keeping the error', async () => {
      const job = await claimed('w1');
      await store().retryJob(job.id, 'w1', at(5 * MINUTE), 'AI timed out', at());
      expect(await store().getJob(job.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'AI timed out', runAt: at(5 * MINUTE), leaseOwner: null });
      expect(await store().claimDueJob('w1', at(4 * MINUTE), at(6 * MINUTE))).toBeNull();
      expect((await store().claimDueJob('w1', at(5 * MINUTE), at(6 * MINUTE)))?.attempts).toBe(1);
      await store().retryJob(job.id, 'w1', at(6 * MINUTE), 'again', at(5 * MINUTE));
      expect((await store().getJob(job.id))?.attempts).toBe(2);
    });

    it('fails a job for good', async () => {
      const job = await claimed('w1');
      await store().failJob(job.id, 'w1', 'TICKET.NOT_FOUND: gone', at());
      expect(await store().getJob(job.id)).toMatchObject({ state: 'failed', lastError: 'TICKET.NOT_FOUND: gone', leaseOwner: null });
      expect(await store().claimDueJob('w1', at(HOUR), at(2 * HOUR))).toBeNull();
    });

    it('parks a sleeping job until its runAt', async () => {
      const job = await claimed('w1');
      await store().saveStepResult(job.id, 'w1', 'before', 1, at());
      await store().suspendJob(job.id, 'w1', at(HOUR), null, at());
      expect(await store().getJob(job.id)).toMatchObject({ state: 'waiting', runAt: at(HOUR), wait: null, leaseOwner: null, steps: { before: 1 } });
      expect(await store().claimDueJob('w1', at(HOUR - 1), at(2 * HOUR))).toBeNull();
      expect(await store().claimDueJob('w1', at(HOUR), at(2 * HOUR))).toMatchObject({ id: job.id, state: 'running', steps: { before: 1 } });
    });

    it('wakes a waiting job with a matching event, storing the event as the step result', async () => {
      const job = await claimed('w1', { data: { ticketId: 't1' } });
      const other = await claimed('w2', { data: { ticketId: 't2' } });
      await store().suspendJob(job.id, 'w1', at(HOUR), waitFor('t1'), at());
      await store().suspendJob(other.id, 'w2', at(HOUR), waitFor('t2'), at());
      expect(await store().getJob(job.id)).toMatchObject({ state: 'waiting', wait: waitFor('t1') });
      expect(await store().deliverEvent({ name: 'ticket/started', data: { ticketId: 't1' } }, at(MINUTE))).toBe(0);
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't3' } }, at(MINUTE))).toBe(0);
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ref: 1 } }, at(MINUTE))).toBe(0);
      expect(await store().claimDueJob('w3', at(MINUTE), at(2 * MINUTE))).toBeNull();
      const event = { name: 'ticket/resolved', data: { ticketId: 't1', ref: 1, actorId: 'm1' } };
      expect(await store().deliverEvent(event, at(2 * MINUTE))).toBe(1);
      expect(await store().getJob(job.id)).toMatchObject({ state: 'pending', runAt: at(2 * MINUTE), wait: null, steps: { 'wait-resolved': event } });
      expect((await store().getJob(other.id))?.state).toBe('waiting');
      expect((await store().claimDueJob('w3', at(2 * MINUTE), at(3 * MINUTE)))?.id).toBe(job.id);
      expect(await store().deliverEvent(event, at(3 * MINUTE))).toBe(0);
    });

    it('completes a job with the jobs it leaves behind in one write, only while the lease is held (where the store offers it)', async () => {
      const s = store();
      // Optional on the port: a store without it has the runner enqueue first, then complete.
      if (!s.completeJobEnqueuing || !s.enqueueParkedJob) return;
      const job = await claimed('w1', { key: 'event-1' });
      await s.enqueueJob(newJob({ key: 'run-known', data: { first: true } }), at());
      const parked = { steps: { watch: 1 }, wait: waitFor('t1') };
      await s.completeJobEnqueuing(job.id, 'w2', { enqueue: [newJob({ key: 'run-stale' })], parked: [] }, at());
      expect(await s.getJobByKey('run-stale')).toBeNull();
      expect((await s.getJob(job.id))?.state).toBe('running');
      await s.completeJobEnqueuing(
        job.id,
        'w1',
        { enqueue: [newJob({ key: 'run-a', data: { a: 1 } }), newJob({ key: 'run-known', data: { first: false } })], parked: [{ job: newJob({ key: 'run-p', runAt: at(HOUR) }), parked }] },
        at(MINUTE),
      );
      expect(await s.getJob(job.id)).toMatchObject({ state: 'done', leaseOwner: null });
      expect(await s.getJobByKey('run-a')).toMatchObject({ state: 'pending', data: { a: 1 }, runAt: at(), createdAt: at(MINUTE) });
      expect(await s.getJobByKey('run-known')).toMatchObject({ data: { first: true } });
      expect(await s.getJobByKey('run-p')).toMatchObject({ state: 'waiting', runAt: at(HOUR), steps: { watch: 1 }, wait: waitFor('t1') });
      // Done already: a late second call stores nothing more.
      await s.completeJobEnqueuing(job.id, 'w1', { enqueue: [newJob({ key: 'run-late' })], parked: [] }, at(MINUTE));
      expect(await s.getJobByKey('run-late')).toBeNull();
    });

    it('stores a run parked at its first wait in one write, once per key, as if it had been claimed, run and suspended (where the store offers it)', async () => {
      const s = store();
      // Optional on the port: a store without it has the runner enqueue and run the job instead.
      if (!s.enqueueParkedJob) return;
      const steps = { watch: { index: 2, dueAt: at(HOUR) }, '~until:wait-resolved': { until: at(HOUR) } };
      await s.enqueueParkedJob(newJob({ key: 'parked', data: { ticketId: 't1' }, runAt: at(HOUR) }), { steps, wait: waitFor('t1') }, at());
      await s.enqueueParkedJob(newJob({ key: 'parked', data: { other: true }, runAt: at() }), { steps: { watch: null }, wait: null }, at(MINUTE));
      const job = await s.getJobByKey('parked');
      expect(job).toMatchObject({ state: 'waiting', runAt: at(HOUR), attempts: 0, leaseOwner: null, data: { ticketId: 't1' }, steps, wait: waitFor('t1'), createdAt: at() });
      expect(await s.listJobs({})).toHaveLength(1);
      expect(await s.nextJobDueAt()).toBe(at(HOUR));
      expect(await s.claimDueJob('w1', at(MINUTE), LEASE)).toBeNull();
      const event = { name: 'ticket/resolved', data: { ticketId: 't1' } };
      expect(await s.deliverEvent(event, at(2 * MINUTE))).toBe(1);
      expect(await s.claimDueJob('w1', at(2 * MINUTE), at(3 * MINUTE))).toMatchObject({ id: job?.id, state: 'running', steps: { ...steps, 'wait-resolved': event } });
      await s.completeJob(job?.id ?? '', 'w1', at(2 * MINUTE));

      await s.enqueueParkedJob(newJob({ key: 'parked-sleep', runAt: at(HOUR) }), { steps: {}, wait: null }, at());
      expect(await s.claimDueJob('w1', at(HOUR - 1), at(2 * HOUR))).toBeNull();
      expect(await s.claimDueJob('w1', at(HOUR), at(2 * HOUR))).toMatchObject({ key: 'parked-sleep', state: 'running', wait: null, steps: {} });
    });

    it('wakes every job waiting on the same value, and matches numbers by their string form', async () => {
      const a = await claimed('w1');
      const b = await claimed('w2');
      await store().suspendJob(a.id, 'w1', at(HOUR), waitFor('t1'), at());
      await store().suspendJob(b.id, 'w2', at(HOUR), { ...waitFor('7'), matchField: 'ref' }, at());
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't1', ref: 7 } }, at(MINUTE))).toBe(2);
    });

    it('wakes the one waiter on the event\'s ticket among many, by a nested field too, and none for data without values', async () => {
      const jobs = [];
      for (let i = 0; i < 30; i++) {
        const job = await store().enqueueJob(newJob({ key: `many-${i}`, data: { ticketId: `t${i}` } }), at());
        const claim = await store().claimDueJob(`w${i}`, at(), LEASE);
        expect(claim?.id).toBe(job.id);
        await store().suspendJob(job.id, `w${i}`, at(HOUR), waitFor(`t${i}`), at());
        jobs.push(job);
      }
      const nested = await claimed('wn', { key: 'nested' });
      await store().suspendJob(nested.id, 'wn', at(HOUR), { ...waitFor('t7'), stepId: 'nested', matchField: 'ticket.id' }, at());
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: {} }, at(MINUTE))).toBe(0);
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { note: null, list: [] } }, at(MINUTE))).toBe(0);
      // The value is there, but under another field than the one waited on.
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { actorId: 't12' } }, at(MINUTE))).toBe(0);
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't7' } }, at(MINUTE))).toBe(1);
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ticket: { id: 't7' } } }, at(MINUTE))).toBe(1);
      const states = await Promise.all(jobs.map(async (j) => (await store().getJob(j.id))?.state));
      expect(states.filter((s) => s === 'pending')).toHaveLength(1);
      expect((await store().getJob(jobs[7]?.id ?? ''))?.state).toBe('pending');
      expect((await store().getJob(nested.id))?.state).toBe('pending');
    });

    it('makes a wait that times out due at its until, keeping the wait so the runner sees the time-out', async () => {
      const job = await claimed('w1', { data: { ticketId: 't1' } });
      await store().suspendJob(job.id, 'w1', at(HOUR), waitFor('t1', at(HOUR)), at());
      expect(await store().nextJobDueAt()).toBe(at(HOUR));
      expect(await store().claimDueJob('w1', at(HOUR - 1), at(2 * HOUR))).toBeNull();
      const resumed = await store().claimDueJob('w1', at(HOUR), at(2 * HOUR));
      expect(resumed).toMatchObject({ id: job.id, state: 'running', wait: waitFor('t1', at(HOUR)) });
      expect(resumed?.steps).not.toHaveProperty('wait-resolved');
      expect(await store().deliverEvent({ name: 'ticket/resolved', data: { ticketId: 't1' } }, at(HOUR))).toBe(0);
    });

    it('cancels unfinished jobs by key, counting them', async () => {
      const pending = await store().enqueueJob(newJob({ key: 'p', runAt: at(HOUR) }), at());
      const running = await claimed('w1', { key: 'r' });
      const waiting = await claimed('w1', { key: 'w' });
      await store().suspendJob(waiting.id, 'w1', at(HOUR), null, at());
      const done = await claimed('w1', { key: 'd' });
      await store().completeJob(done.id, 'w1', at());
      expect(await store().cancelJobs(['p', 'r', 'w', 'd', 'unknown'], at(MINUTE))).toBe(3);
      for (const j of [pending, running, waiting]) expect((await store().getJob(j.id))?.state).toBe('cancelled');
      expect((await store().getJob(done.id))?.state).toBe('done');
      expect(await store().saveStepResult(running.id, 'w1', 's', 1, at(MINUTE))).toBe(false);
      expect(await store().claimDueJob('w2', at(2 * HOUR), at(3 * HOUR))).toBeNull();
      expect(await store().cancelJobs(['p'], at(MINUTE))).toBe(0);
      expect(await store().cancelJobs([], at(MINUTE))).toBe(0);
    });

    it('deletes jobs finished before a time, oldest first and at most a limit, keeping failed and unfinished ones', async () => {
      const old1 = await claimed('w1', { key: 'old-1' });
      await store().saveStepResult(old1.id, 'w1', 'step', { sent: true }, at());
      await store().completeJob(old1.id, 'w1', at());
      const old2 = await store().enqueueJob(newJob({ key: 'old-2', runAt: at(HOUR) }), at());
      await store().cancelJobs(['old-2'], at());
      const failed = await claimed('w1', { key: 'failed' });
      await store().failJob(failed.id, 'w1', 'broken', at());
      const pending = await store().enqueueJob(newJob({ key: 'pending', runAt: at(HOUR) }), at());
      const recent = await claimed('w1', { key: 'recent' });
      await store().completeJob(recent.id, 'w1', at(2 * HOUR));

      expect(await store().deleteFinishedJobs(at(HOUR), 1)).toBe(1);
      expect(await store().getJob(old1.id)).toBeNull();
      expect(await store().getJobByKey('old-1')).toBeNull();
      expect(await store().deleteFinishedJobs(at(HOUR), 10)).toBe(1);
      expect(await store().getJob(old2.id)).toBeNull();
      expect(await store().deleteFinishedJobs(at(HOUR), 10)).toBe(0);
      for (const kept of [failed, pending, recent]) expect(await store().getJob(kept.id)).not.toBeNull();
      // A key freed this way can be used again.
      expect((await store().enqueueJob(newJob({ key: 'old-1' }), at(3 * HOUR))).state).toBe('pending');
    });

    it('tells when the next job falls due', async () => {
      expect(await store().nextJobDueAt()).toBeNull();
      await store().enqueueJob(newJob({ runAt: at(3 * HOUR) }), at());
      const soon = await store().enqueueJob(newJob({ runAt: at(HOUR) }), at());
      expect(await store().nextJobDueAt()).toBe(at(HOUR));
      await store().claimDueJob('w1', at(HOUR), at(HOUR + MINUTE));
      await store().completeJob(soon.id, 'w1', at(HOUR));
      expect(await store().nextJobDueAt()).toBe(at(3 * HOUR));
      await store().cancelJobs([(await store().listJobs({ states: ['pending'] }))[0]?.key ?? ''], at(HOUR));
      expect(await store().nextJobDueAt()).toBeNull();
    });

    it('counts an expired lease as due: a crashed worker\'s job comes back', async () => {
      await claimed('w1');
      expect(await store().nextJobDueAt()).toBe(LEASE);
    });

    it('releases other owners\' leases at once only on a store one process holds alone', async () => {
      const orphan = await claimed('dead');
      const own = await store().enqueueJob(newJob(), at());
      expect((await store().claimDueJob('me', at(), LEASE))?.id).toBe(own.id);
      expect(await store().saveStepResult(orphan.id, 'dead', 'triage', { done: true }, at())).toBe(true);
      const sleeping = await store().enqueueJob(newJob({ runAt: at(HOUR) }), at());
      const released = await store().releaseOrphanedLeases('me', at(1_000));
      if (released === null) {
        // Shared by live processes: nothing proves the holder is gone, so its lease stands.
        expect(await store().getJob(orphan.id)).toMatchObject({ state: 'running', leaseOwner: 'dead', leaseUntil: LEASE });
        expect(await store().claimDueJob('me', at(1_000), at(2 * MINUTE))).toBeNull();
        return;
      }
      expect(released).toBe(1);
      expect(await store().getJob(orphan.id)).toMatchObject({ state: 'pending', leaseOwner: null, leaseUntil: null, runAt: at(1_000), attempts: 0, steps: { triage: { done: true } } });
      expect(await store().getJob(own.id)).toMatchObject({ state: 'running', leaseOwner: 'me', leaseUntil: LEASE });
      expect(await store().getJob(sleeping.id)).toMatchObject({ state: 'pending', runAt: at(HOUR) });
      expect(await store().nextJobDueAt()).toBe(at(1_000));
      expect(await store().renewLease(orphan.id, 'dead', at(HOUR))).toBe(false);
      expect((await store().claimDueJob('me', at(1_000), at(2 * MINUTE)))?.id).toBe(orphan.id);
    });

    it('lists jobs by state, name and limit', async () => {
      const a = await store().enqueueJob(newJob({ name: 'ticket/filed' }), at());
      const b = await store().enqueueJob(newJob({ name: 'ticket/resolved', runAt: at(HOUR) }), at());
      const c = await store().enqueueJob(newJob({ name: 'ticket/filed', runAt: at(HOUR) }), at());
      await store().claimDueJob('w1', at(), LEASE);
      const byId = (jobs: { id: string }[]) => jobs.map((j) => j.id).sort();
      expect(byId(await store().listJobs({}))).toEqual(byId([a, b, c]));
      expect(byId(await store().listJobs({ states: ['running'] }))).toEqual([a.id]);
      expect(byId(await store().listJobs({ states: ['pending'], names: ['ticket/filed'] }))).toEqual([c.id]);
      expect(byId(await store().listJobs({ names: ['ticket/resolved', 'ticket/filed'], states: ['pending', 'running'] }))).toEqual(byId([a, b, c]));
      expect(await store().listJobs({ limit: 2 })).toHaveLength(2);
      expect(await store().listJobs({ states: [] })).toEqual([]);
    });
  });
}
