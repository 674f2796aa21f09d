/**
 * Work survives a crash: a child process runs the workflows on SQLite and
 * is killed (SIGKILL) while it hangs inside a notification, holding leases
 * far longer than the test lasts. SQLite lets one process at a time open
 * the database, so the restarted process knows those leases are orphans and
 * resumes the jobs at once: triage and assignment happen once, every
 * notification reaches its person exactly once across both processes, a
 * piped `npm start` finishes all of it before exiting, and a notice that
 * the crash delayed past a later action is dropped rather than sent out of
 * order.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessRunner, WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { helpdeskOn, person, RecordingLogger, waitFor } from '../../adapters/inprocess/test-support.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import type { DeliveryOutcome, Notification, Person } from '../../core/index.js';
import { RecordingChannel } from '../../core/testing/fakes.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const child = join(here, 'fixtures', 'pipeline-child.ts');
const clock = { now: () => new Date() };

/** Starts the child and resolves with its lease owner once it hangs inside `blockKind`. */
async function runUntilBlocked(dataDir: string, deliveries: string, blockKind: string, times = 1): Promise<{ owner: string; kill: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, deliveries, blockKind], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  const kill = async () => {
    proc.kill('SIGKILL');
    await exited;
  };
  try {
    await waitFor(() => {
      if (proc.exitCode !== null) throw new Error(`child exited early (${proc.exitCode}): ${stderr}`);
      return stdout.split(`blocked ${blockKind}\n`).length > times;
    }, `the child to block in ${blockKind}`, 45_000);
  } catch (error) {
    await kill();
    throw error;
  }
  const owner = /^owner (\S+)$/m.exec(stdout)?.[1];
  if (!owner) throw new Error(`child did not print its owner: ${stdout}`);
  return { owner, kill };
}

/** Records when each delivery happened, to compare with the dead process's lease (which it must not wait for). */
class TimedChannel extends RecordingChannel {
  readonly at: number[] = [];
  override async deliver(p: Person, n: Notification): Promise<DeliveryOutcome> {
    this.at.push(Date.now());
    return super.deliver(p, n);
  }
}

/** Files tickets with no runner (each committed with its pipeline job) and returns their ids. */
async function fileTickets(dataDir: string, titles: readonly string[]): Promise<{ ticketIds: string[]; aliceId: string; bobId: string }> {
  const setup = openSqliteStore({ dataDir });
  try {
    const alice = await person(setup, 'alice');
    const bob = await person(setup, 'bob', 'moderator', ['vpn', 'networking']);
    await person(setup, 'root', 'admin');
    const { helpdesk } = helpdeskOn(setup, clock, { workAvailable: () => undefined });
    const ticketIds: string[] = [];
    for (const title of titles) {
      const filed = await helpdesk.fileTicket({ requesterId: alice.id, title, origin: { platform: 'console' } });
      if (!filed.ok) throw new Error(filed.error.message);
      ticketIds.push(filed.value.ticket.id);
    }
    return { ticketIds, aliceId: alice.id, bobId: bob.id };
  } finally {
    await setup.close();
  }
}

function deliveredBefore(file: string): { personId: string; kind: string; ticketId: string }[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { personId: string; kind: string; ticketId: string }) : [];
}

describe('crash and restart on SQLite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-runner-crash-'));
  const deliveries = join(dataDir, 'deliveries.jsonl');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the pipeline exactly once after the process dies mid-notification', async () => {
    // File the ticket with no runner: the ticket and its pipeline job are committed together.
    const { ticketIds, aliceId, bobId } = await fileTickets(dataDir, ['VPN drops every hour']);
    const ticketId = ticketIds[0] as string;

    const crashed = await runUntilBlocked(dataDir, deliveries, 'ticket.assignment');
    // While it lives, nobody else may open the database.
    expect(() => openSqliteStore({ dataDir })).toThrow(/in use by another helpdesk process/);
    await crashed.kill();

    const store = openSqliteStore({ dataDir });
    try {
      const before = await store.getTicket(ticketId);
      expect(before?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
      const pipelineKey = `ticket/filed:${ticketId}>ticket-pipeline`;
      const orphan = await store.getJobByKey(pipelineKey);
      expect(orphan).toMatchObject({ state: 'running', leaseOwner: crashed.owner });
      expect(Object.keys(orphan?.steps ?? {})).toEqual(expect.arrayContaining(['notify-requester-filed', 'triage', 'assign', 'notify-requester-triaged']));
      const deadLeaseUntil = Date.parse(orphan?.leaseUntil ?? '');

      const relay = new WorkSignalRelay();
      const logger = new RecordingLogger();
      const channel = new TimedChannel('console');
      const { helpdesk } = helpdeskOn(store, clock, relay, { logger, channel });
      const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock, logger, owner: 'restarted', pollMs: 50 });
      relay.attach(runner);
      runner.start();
      try {
        // idle() alone: the dead process's jobs count as due work at once.
        await runner.idle();
      } finally {
        await runner.stop();
      }
      expect((await store.getJobByKey(pipelineKey))?.state).toBe('done');
      expect(await store.listJobs({ states: ['pending', 'running'] })).toEqual([]);

      // Resumed at once, long before the dead process's ten-minute lease would have run out.
      expect(channel.at.length).toBeGreaterThan(0);
      expect(Math.max(...channel.at)).toBeLessThan(deadLeaseUntil);

      const after = await store.getTicket(ticketId);
      expect(after?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
      expect(after?.assigneeId).toBe(bobId);
      const beforeCrash = deliveredBefore(deliveries);
      const afterRestart = channel.sent.map((s) => ({ personId: s.person.id, kind: s.notification.kind }));
      expect(beforeCrash.map((d) => d.kind)).toEqual(['ticket.filed', 'ticket.triaged']);
      const all = [...beforeCrash, ...afterRestart].map((d) => `${d.personId}:${d.kind}`).sort();
      expect(all).toEqual([`${aliceId}:ticket.assigned`, `${aliceId}:ticket.filed`, `${aliceId}:ticket.triaged`, `${bobId}:ticket.assignment`]);
      expect(await store.listJobs({ states: ['failed'] })).toEqual([]);
      expect(logger.at('error')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

/** `npm start` on `dataDir` with a piped console script, as a user restarting the bot would run it. */
function runBot(dataDir: string, script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const proc = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, HELPDESK_ADMINS: 'console:root', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', fail);
    proc.on('close', (code) => done({ code, stdout, stderr }));
    proc.stdin.end(script);
  });
}

describe('a piped restart after a crash', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const freshDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'helpdesk-runner-piped-'));
    dirs.push(d);
    return d;
  };

  it('finishes every ticket the dead process held before exiting 0', { timeout: 120_000 }, async () => {
    const dataDir = freshDir();
    const { ticketIds } = await fileTickets(dataDir, ['VPN drops every hour', 'VPN certificate expired', 'Cannot reach the VPN gateway', 'VPN client crashes']);
    // Every pipeline hangs in its first notice, before triage: four tickets left at "filed", leased for ten minutes.
    const crashed = await runUntilBlocked(dataDir, join(dataDir, 'deliveries.jsonl'), 'ticket.filed', ticketIds.length);
    await crashed.kill();

    const { code, stdout, stderr } = await runBot(dataDir, '@root /help\n');
    expect(stderr).not.toMatch(/error|fatal/i);
    expect(code).toBe(0);
    for (const ref of [1, 2, 3, 4]) expect(stdout).toContain(`New ticket for you: #${ref}`);

    const store = openSqliteStore({ dataDir });
    try {
      for (const id of ticketIds) {
        const t = await store.getTicket(id);
        expect(t?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
      }
      expect(await store.listJobs({ states: ['running', 'failed'] })).toEqual([]);
      // What is left is only future work (SLA windows), none of it due.
      const now = Date.now();
      for (const j of await store.listJobs({ states: ['pending', 'waiting'] })) expect(Date.parse(j.runAt)).toBeGreaterThan(now);
    } finally {
      await store.close();
    }
  });

  it('drops a "started" notice the crash delayed past the resolve, so the requester never hears them out of order', { timeout: 120_000 }, async () => {
    const dataDir = freshDir();
    const deliveries = join(dataDir, 'deliveries.jsonl');
    const { ticketIds, aliceId, bobId } = await fileTickets(dataDir, ['VPN drops every hour']);
    const ticketId = ticketIds[0] as string;
    // The pipeline runs to completion first, in this process.
    {
      const store = openSqliteStore({ dataDir });
      const relay = new WorkSignalRelay();
      const { helpdesk } = helpdeskOn(store, clock, relay, { logger: new RecordingLogger(), channel: new TimedChannel('console') });
      const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock, logger: new RecordingLogger(), owner: 'first', pollMs: 50 });
      relay.attach(runner);
      runner.start();
      await runner.idle();
      await runner.stop();
      // bob writes to alice, then starts the ticket (its event due a little later, so the message runs first).
      expect((await helpdesk.postMessage({ ticketId, actorId: bobId, text: 'Looking into it' })).ok).toBe(true);
      const later = { now: () => new Date(Date.now() + 3_000) };
      const { helpdesk: afterwards } = helpdeskOn(store, later, relay, { logger: new RecordingLogger() });
      expect((await afterwards.startTicket({ ticketId, actorId: bobId })).ok).toBe(true);
      await store.close();
    }
    // The next process dies inside the message's delivery, holding the started follow-up queued behind it
    // (one ticket at a time): the crash falls between the start and its notice.
    const crashed = await runUntilBlocked(dataDir, deliveries, 'ticket.message');
    const peek = new Database(join(dataDir, 'helpdesk.db'), { readonly: true });
    try {
      await waitFor(() => peek.prepare("SELECT state FROM jobs WHERE name = 'run:ticket-started'").pluck().get() === 'running', 'the started follow-up to be claimed', 45_000);
    } finally {
      peek.close();
    }
    await crashed.kill();

    // After the restart bob resolves it before the delayed notice could run.
    const store = openSqliteStore({ dataDir });
    try {
      const relay = new WorkSignalRelay();
      const logger = new RecordingLogger();
      const channel = new TimedChannel('console');
      const { helpdesk } = helpdeskOn(store, clock, relay, { logger, channel });
      expect((await helpdesk.resolveTicket({ ticketId, actorId: bobId, note: 'Renewed the certificate' })).ok).toBe(true);
      const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock, logger, owner: 'restarted', pollMs: 50 });
      relay.attach(runner);
      runner.start();
      try {
        await runner.idle();
      } finally {
        await runner.stop();
      }
      const toAlice = [...deliveredBefore(deliveries), ...channel.sent.map((s) => ({ personId: s.person.id, kind: s.notification.kind }))]
        .filter((d) => d.personId === aliceId && d.kind !== 'ticket.message')
        .map((d) => d.kind);
      expect(toAlice).toEqual(['ticket.resolved']);
      const startedRuns = await store.listJobs({ names: ['run:ticket-started'] });
      expect(startedRuns.map((j) => j.state)).toEqual(['done']);
      expect(await store.listJobs({ states: ['running', 'failed'] })).toEqual([]);
      expect(logger.at('error')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
