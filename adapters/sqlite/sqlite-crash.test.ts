/**
 * A process killed mid-write leaves no half-written ticket: a worker files
 * and assigns tickets through core in a loop and is killed with SIGKILL;
 * after each kill the database must be intact and consistent, and every
 * ticket the worker saw filed must be there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const worker = join(here, 'test-fixtures', 'file-loop.ts');

/** Runs the worker until it has reported `atLeast` more filings, then kills it; returns the refs it reported. */
async function runAndKill(dataDir: string, atLeast: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const refs: number[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('filed ')) refs.push(Number(line.slice(6)));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 45_000;
  while (refs.length < atLeast) {
    if (child.exitCode !== null) throw new Error(`worker exited early (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker filed only ${refs.length} tickets in time: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await exited;
  return refs;
}

describe('SqliteStore after a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every filed ticket whole across three kills', { timeout: 180_000 }, async () => {
    const reported: number[] = [];
    for (let round = 0; round < 3; round++) {
      reported.push(...(await runAndKill(dataDir, 30)));
      const store = openSqliteStore({ dataDir });
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        const tickets = await store.listTickets({ order: 'oldest' });
        // Refs are contiguous: a rolled-back filing never leaves a gap or a duplicate.
        expect(tickets.map((t) => t.ref)).toEqual(tickets.map((_, i) => i + 1));
        // Everything the worker was told was filed is there.
        expect(Math.max(...reported)).toBeLessThanOrEqual(tickets.length);
        const assignedEvents = new Set((await store.listJobs({ names: ['ticket/assigned'] })).map((j) => j.data.ticketId));
        for (const t of tickets) {
          expect((await store.getJobByKey(`ticket/filed:${t.id}`))?.data).toEqual({ ticketId: t.id });
          expect(t.history[0]?.type).toBe('filed');
          expect(assignedEvents.has(t.id)).toBe(t.assigneeId !== null);
        }
        // The load count moved in the same transaction as each assignment.
        const assigned = tickets.filter((t) => t.assigneeId === 'admin').length;
        expect((await store.getPerson('admin'))?.openTickets).toBe(assigned);
      } finally {
        await store.close();
      }
    }
  });
});
