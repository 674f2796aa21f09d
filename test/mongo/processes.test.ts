/**
 * Several bot processes on one MongoDB: every pipeline job and timer is
 * claimed by exactly one of them, and a crashed holder's job is taken over
 * once its lease expires. "Processes" are separate MongoStore connections,
 * and a real child process for the race and the crash.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../core/index.js';
import { SharedSimilarIndex } from '../../core/retrieval/index.js';
import { FixedTriage, SequentialIds } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { LexicalSimilarIndex } from '../../adapters/local-ai/index.js';
import { at, HOUR, MINUTE, newJob } from '../../core/ports/store-fixtures.contract.js';
import { mongoStores } from './target.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const worker = join(here, 'fixtures', 'claim-worker.ts');
const LEASE = at(MINUTE);

/** Claims and completes jobs until none is due; returns the ids it got. */
async function drain(store: Store, owner: string): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const job = await store.claimDueJob(owner, at(), LEASE);
    if (!job) return got;
    got.push(job.id);
    await store.completeJob(job.id, owner, at());
  }
}

async function enqueue(store: Store, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await store.enqueueJob(newJob({ name: i % 2 ? 'ticket/filed' : 'sla/remind' }), at())).id);
  return ids;
}

/** A worker process with its output split into lines. */
function startWorker(uri: string, owner: string, mode: 'drain' | 'hold', leaseUntil = LEASE) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', worker, uri, owner, mode, at(), leaseUntil], { cwd: repoRoot });
  const lines: string[] = [];
  let stderr = '';
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  /** Polls (generous deadline, no fixed sleeps) until `predicate` holds for the lines seen. */
  const until = async (predicate: (l: string[]) => boolean, what: string) => {
    const deadline = Date.now() + 45_000;
    while (!predicate(lines)) {
      if (child.exitCode !== null && !predicate(lines)) throw new Error(`worker exited (${child.exitCode}) before ${what}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`worker did not reach ${what}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const claimed = () => lines.filter((l) => l.startsWith('claimed ')).map((l) => l.slice('claimed '.length));
  return { child, lines, exited, until, claimed, go: () => child.stdin.write('go\n') };
}

describe('several processes on one MongoDB', () => {
  const target = mongoStores();
  const { open } = target;

  it('hands every job to exactly one of two connections claiming at once', async () => {
    const uri = target.freshUri('race');
    const [a, b] = [await open(uri), await open(uri)];
    const ids = await enqueue(a, 60);
    const results = await Promise.all([drain(a, 'a1'), drain(b, 'b1'), drain(a, 'a2'), drain(b, 'b2')]);
    const claimed = results.flat();
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(new Set(claimed).size).toBe(ids.length);
    expect(await a.listJobs({ states: ['pending', 'running'] })).toEqual([]);
  });

  it('hands every job to exactly one of this process and a child process', async () => {
    const uri = target.freshUri('child-race');
    const store = await open(uri);
    const ids = await enqueue(store, 150);
    const w = startWorker(uri, 'child', 'drain');
    await w.until((l) => l.includes('ready'), 'ready');
    w.go();
    // Start once the child is claiming, so the two really overlap.
    await w.until((l) => l.some((x) => x.startsWith('claimed ') || x === 'done'), 'its first claim');
    const mine = (await Promise.all([drain(store, 'parent-1'), drain(store, 'parent-2')])).flat();
    await w.until((l) => l.includes('done'), 'done');
    expect(await w.exited).toBe(0);
    const all = [...mine, ...w.claimed()];
    expect(all.sort()).toEqual([...ids].sort());
    expect(new Set(all).size).toBe(ids.length);
    expect((await store.listJobs({ states: ['done'] })).length).toBe(ids.length);
  });

  it("takes over a killed holder's job once its lease expired, and never before", async () => {
    const uri = target.freshUri('crash');
    const store = await open(uri);
    const [id] = await enqueue(store, 1);
    const w = startWorker(uri, 'crashed-worker', 'hold', at(5 * MINUTE));
    await w.until((l) => l.includes('ready'), 'ready');
    w.go();
    await w.until((l) => l.some((x) => x.startsWith('claimed ')), 'its claim');
    expect(w.claimed()).toEqual([id]);
    w.child.kill('SIGKILL');
    await w.exited;
    expect(await store.getJob(id as string)).toMatchObject({ state: 'running', leaseOwner: 'crashed-worker', leaseUntil: at(5 * MINUTE) });
    expect(await store.nextJobDueAt()).toBe(at(5 * MINUTE));
    expect(await store.claimDueJob('survivor', at(4 * MINUTE), at(10 * MINUTE))).toBeNull();
    const taken = await store.claimDueJob('survivor', at(5 * MINUTE), at(10 * MINUTE));
    expect(taken).toMatchObject({ id, state: 'running', leaseOwner: 'survivor' });
    // Were the crashed process only paused, its late writes are refused.
    expect(await store.saveStepResult(id as string, 'crashed-worker', 'late', 1, at(6 * MINUTE))).toBe(false);
    await store.completeJob(id as string, 'crashed-worker', at(6 * MINUTE));
    expect((await store.getJob(id as string))?.state).toBe('running');
    await store.completeJob(id as string, 'survivor', at(6 * MINUTE));
    expect((await store.getJob(id as string))?.state).toBe('done');
  });

  it('suggests a ticket resolved in one bot process in the other after its next catch-up, and stops once it is reopened there', async () => {
    const uri = target.freshUri('similar');
    const bot = async (name: string) => {
      const store = await open(uri);
      const similar = new SharedSimilarIndex({ inner: new LexicalSimilarIndex(), tickets: store });
      await similar.sync();
      // Ids unique across the two processes, as real ones are.
      const t = testHelpdesk({ store, similar, triage: new FixedTriage({ skills: ['printing'] }), settings: { adminIdentities: ['console:root'] }, ids: new SequentialIds(name) });
      const person = async (handle: string) => {
        const r = await t.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const file = async (title: string) => {
        const filed = await t.helpdesk.fileTicket({ requesterId: (await person('alice')).id, title, description: 'Paper jams in tray two on every duplex job', origin: { platform: 'console' } });
        if (!filed.ok) throw new Error(filed.error.message);
        await t.engine.drain();
        return (await store.getTicket(filed.value.ticket.id))!;
      };
      return { store, similar, t, person, file };
    };
    const a = await bot('a');
    const b = await bot('b');
    const root = await a.person('root');

    const first = await a.file('Printer on floor 3 jams on duplex');
    expect((await a.t.helpdesk.resolveTicket({ ticketId: first.id, actorId: root.id, note: 'Replaced the duplex roller' })).ok).toBe(true);
    await a.t.engine.drain();
    expect(a.similar.size).toBe(1);
    expect(b.similar.size).toBe(0);

    await b.similar.sync();
    const second = await b.file('Printer jams on duplex jobs again');
    expect(second.similar.map((s) => [s.ref, s.resolution])).toEqual([[first.ref, 'Replaced the duplex roller']]);

    expect((await b.t.helpdesk.reopenTicket({ ticketId: first.id, actorId: root.id })).ok).toBe(true);
    await b.t.engine.drain();
    expect(b.similar.size).toBe(0);
    await a.similar.sync();
    expect(a.similar.size).toBe(0);
    const third = await a.file('Printer jams on duplex once more');
    expect(third.similar.map((s) => s.ref)).not.toContain(first.ref);
  });

  it('fires a timer once when two processes poll for it at the same moment', async () => {
    const uri = target.freshUri('timer');
    const [a, b] = [await open(uri), await open(uri)];
    const timer = await a.enqueueJob(newJob({ name: 'sla/escalate', key: 'sla:escalate:t1', runAt: at(HOUR) }), at());
    const early = await Promise.all([a.claimDueJob('a', at(HOUR - 1), at(2 * HOUR)), b.claimDueJob('b', at(HOUR - 1), at(2 * HOUR))]);
    expect(early).toEqual([null, null]);
    const claims = await Promise.all([0, 1, 2].flatMap(() => [a.claimDueJob('a', at(HOUR), at(2 * HOUR)), b.claimDueJob('b', at(HOUR), at(2 * HOUR))]));
    expect(claims.filter((c) => c !== null).map((c) => c?.id)).toEqual([timer.id]);
  });
});
