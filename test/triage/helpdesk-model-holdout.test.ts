import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triageFigures } from './eval-output.js';

/**
 * How the helpdesk model does on companies it never saw: a model trained
 * without the newest round of blind sets (eight companies, written after
 * every other set and measured before any of their misses were studied)
 * triages that round, against the words and rules alone (`--model none`).
 * The shipped model has seen these sets; this one has not.
 */
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const HELD_OUT = ['ta', 'tb', 'tc', 'te', 'tf', 'tg', 'fa', 'fb'].map((x) => `helpdesk-fresh-${x}.jsonl`);
const run = promisify(execFile);

interface Pooled {
  routed: number;
  routable: number;
  priorityOk: number;
  priorityScored: number;
  highOk: number;
  high: number;
}

async function pooled(model: string): Promise<Pooled> {
  const total: Pooled = { routed: 0, routable: 0, priorityOk: 0, priorityScored: 0, highOk: 0, high: 0 };
  const outputs = await Promise.all(
    HELD_OUT.map(async (file) => (await run(process.execPath, ['--import', 'tsx', join(root, 'bot', 'eval-triage.ts'), join(fixtures, file), '--model', model], { cwd: root, timeout: 240_000 })).stdout),
  );
  for (const out of outputs) {
    const f = triageFigures(out);
    total.routable += f.routable;
    total.routed += Math.round(f.routed_ok * f.routable);
    total.priorityScored += f.priorityScored;
    total.priorityOk += Math.round(f.priority_acc * f.priorityScored);
    total.high += f.high;
    total.highOk += Math.round(f.high_recall * f.high);
  }
  return total;
}

describe('the helpdesk model on a round of companies it was not trained on', () => {
  let dir = '';
  let model = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-holdout-'));
    model = join(dir, 'model.json');
    const training = readdirSync(fixtures)
      .filter((f) => f.startsWith('helpdesk-fresh') && f.endsWith('.jsonl') && !HELD_OUT.includes(f))
      .map((f) => join(fixtures, f));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'adapters/local-ai/train/train-helpdesk.ts'), '--no-cv', '--out', model, ...training], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('routes and finds HIGH tickets better than the words and rules alone', async () => {
    const learned = await pooled(model);
    const rules = await pooled('none');
    expect(learned.routable).toBe(418);
    expect(learned.high).toBe(62);
    // Measured: routing 0.931 against 0.904, priority accuracy 0.945 against 0.907, HIGH recall 0.935 against 0.823.
    expect(learned.routed / learned.routable).toBeGreaterThanOrEqual(0.92);
    expect(learned.priorityOk / learned.priorityScored).toBeGreaterThanOrEqual(0.93);
    expect(learned.highOk / learned.high).toBeGreaterThanOrEqual(0.9);
    expect(learned.routed).toBeGreaterThan(rules.routed);
    expect(learned.highOk).toBeGreaterThan(rules.highOk);
  }, 600_000);
});
