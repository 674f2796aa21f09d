/**
 * The pipeline survives a crash: a child process runs it on SQLite and is
 * killed (SIGKILL) while it hangs in the moderator's notification, after
 * triage and assignment were saved. A new runner on the same file takes the
 * dead process's jobs over once their leases expire and finishes the
 * pipeline: triage and assignment happened once, and every notification
 * reached its person exactly once across both processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
async function runUntilBlocked(dataDir: string, deliveries: string, blockKind: string): Promise<{ owner: string; kill: () => Promise<void> }> {
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
      return stdout.includes(`blocked ${blockKind}\n`);
    }, `the child to block in ${blockKind}`, 45_000);
  } catch (error) {
    await kill();
    throw error;
  }
  const owner = /^owner (\S+)$/m.exec(stdout)?.[1];
  if (!owner) throw new Error(`child did not print its owner: ${stdout}`);
  return { owner, kill };
}

/** Records when each delivery happened, to compare with the dead process's lease. */
class TimedChannel extends RecordingChannel {
  readonly at: number[] = [];
  override async deliver(p: Person, n: Notification): Promise<DeliveryOutcome> {
    this.at.push(Date.now());
    return super.deliver(p, n);
  }
}

describe('crash and restart on SQLite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-runner-crash-'));
  const deliveries = join(dataDir, 'deliveries.jsonl');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the pipeline exactly once after the process dies mid-notification', async () => {
    // File the ticket with no runner: the ticket and its pipeline job are committed together.
    const setup = openSqliteStore({ dataDir });
    const alice = await person(setup, 'alice');
    const bob = await person(setup, 'bob', 'moderator', ['vpn', 'networking']);
    await person(setup, 'root', 'admin');
    const filed = await helpdeskOn(setup, clock, { workAvailable: () => undefined }).helpdesk.fileTicket({
      requesterId: alice.id,
      title: 'VPN drops every hour',
      origin: { platform: 'console' },
    });
    if (!filed.ok) throw new Error(filed.error.message);
    const ticketId = filed.value.ticket.id;
    await setup.close();

    const crashed = await runUntilBlocked(dataDir, deliveries, 'ticket.assignment');
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
        await waitFor(async () => (await store.getJobByKey(pipelineKey))?.state === 'done', 'the pipeline to finish after the restart', 45_000);
        await waitFor(async () => (await store.listJobs({ states: ['pending', 'running'] })).length === 0, 'the dead process’s other jobs', 45_000);
        await runner.idle();
      } finally {
        await runner.stop();
      }

      // The dead process's lease was respected: nothing ran again before it expired.
      expect(channel.at.length).toBeGreaterThan(0);
      expect(Math.min(...channel.at)).toBeGreaterThanOrEqual(deadLeaseUntil);

      const after = await store.getTicket(ticketId);
      expect(after?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
      expect(after?.assigneeId).toBe(bob.id);
      const beforeCrash = existsSync(deliveries)
        ? readFileSync(deliveries, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { personId: string; kind: string })
        : [];
      const afterRestart = channel.sent.map((s) => ({ personId: s.person.id, kind: s.notification.kind }));
      expect(beforeCrash.map((d) => d.kind)).toEqual(['ticket.filed', 'ticket.triaged']);
      const all = [...beforeCrash, ...afterRestart].map((d) => `${d.personId}:${d.kind}`).sort();
      expect(all).toEqual([`${alice.id}:ticket.assigned`, `${alice.id}:ticket.filed`, `${alice.id}:ticket.triaged`, `${bob.id}:ticket.assignment`]);
      expect(await store.listJobs({ states: ['failed'] })).toEqual([]);
      expect(logger.at('error')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
