import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EvalInputError, parseJsonl, retrievalLineSchema, skillsLineSchema } from './jsonl.js';
import { averagePrecision, bm25Baseline, rankingMetrics, scoreWithIndex, type QueryScores } from './retrieval-eval.js';
import { LexicalSimilarIndex } from './similar-index.js';
import { microScores } from './skills-eval.js';

const TINY = [
  { query_id: 'q1', query: { title: 'vpn drops', body: 'the vpn drops every hour' }, candidates: [
    { id: 'a', title: 'printer jams', body: 'paper jam on floor 3', relevant: false },
    { id: 'b', title: 'vpn disconnects hourly', body: 'vpn drops every hour at the office', relevant: true },
    { id: 'c', title: 'vpn password', body: 'reset the vpn password', relevant: true },
  ] },
  { query_id: 'q2', query: { title: 'laptop fan', body: '' }, candidates: [
    { id: 'd', title: 'laptop fan loud', body: 'fan noise', relevant: false },
  ] },
];
const tinyText = TINY.map((r) => JSON.stringify(r)).join('\n');

describe('ranking metrics', () => {
  it('computes average precision in rank order, 0 without relevant items', () => {
    expect(averagePrecision([true, false, true])).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(averagePrecision([false, true])).toBeCloseTo(0.5, 10);
    expect(averagePrecision([false, false])).toBe(0);
  });

  it('averages MAP, MRR and P@1 over every query, counting unanswerable ones as 0', () => {
    const rows = parseJsonl(tinyText, 'tiny', retrievalLineSchema).map((r) => r.value);
    const scores: QueryScores = new Map([
      ['q1', new Map([['a', 3], ['b', 2], ['c', 1]])],
      ['q2', new Map([['d', 1]])],
    ]);
    const m = rankingMetrics(rows, scores);
    // q1 ranks a (no), b (yes), c (yes): AP = (1/2 + 2/3) / 2, RR = 1/2, P@1 = 0; q2 has nothing relevant.
    expect(m.map).toBeCloseTo((1 / 2 + 2 / 3) / 2 / 2, 10);
    expect(m.mrr).toBeCloseTo(0.25, 10);
    expect(m.p1).toBe(0);
    expect(m).toMatchObject({ queries: 2, answerable: 1 });
  });

  it('keeps file order for tied scores', () => {
    const rows = parseJsonl(tinyText, 'tiny', retrievalLineSchema).map((r) => r.value);
    const m = rankingMetrics(rows, new Map());
    expect(m.map).toBeCloseTo((1 / 2 + 2 / 3) / 2 / 2, 10);
  });

  it('scores candidates with the index and with the BM25 baseline', async () => {
    const rows = parseJsonl(tinyText, 'tiny', retrievalLineSchema).map((r) => r.value);
    const index = new LexicalSimilarIndex();
    const scores = await scoreWithIndex(rows, index);
    expect(index.size).toBe(4);
    const q1 = scores.get('q1');
    expect((q1?.get('b') ?? 0) > (q1?.get('a') ?? 0)).toBe(true);
    expect(rankingMetrics(rows, scores).p1).toBe(0.5);
    const base = bm25Baseline(rows).get('q1');
    expect(base?.get('a')).toBe(0);
    expect((base?.get('b') ?? 0) > (base?.get('c') ?? 0)).toBe(true);
  });
});

describe('micro precision, recall and F1', () => {
  it('counts over all tagged rows and skips untagged ones', () => {
    const m = microScores([['python', 'django'], ['java'], ['c#']], [['python'], ['java', 'spring'], undefined]);
    expect(m).toMatchObject({ rows: 2, truePositives: 2, predicted: 3, expected: 3 });
    expect(m.precision).toBeCloseTo(2 / 3, 10);
    expect(m.recall).toBeCloseTo(2 / 3, 10);
    expect(m.f1).toBeCloseTo(2 / 3, 10);
  });

  it('is 0, not NaN, when nothing is predicted', () => {
    expect(microScores([[]], [['python']])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('JSON Lines input', () => {
  it('names the line of invalid JSON and of a wrong shape', () => {
    expect(() => parseJsonl('{"title":"a"}\n{oops\n', 'f.jsonl', skillsLineSchema)).toThrow(/f\.jsonl:2: not valid JSON/);
    expect(() => parseJsonl('{"title":"a"}\n\n{"title":5}\n', 'f.jsonl', skillsLineSchema)).toThrow(EvalInputError);
    expect(() => parseJsonl('{"title":"a"}\n\n{"title":5}\n', 'f.jsonl', skillsLineSchema)).toThrow(/f\.jsonl:3: unexpected shape at title/);
  });

  it('keeps each row’s 0-based line number, skipping blank lines', () => {
    expect(parseJsonl('\n{"title":"a"}\n', 'f', skillsLineSchema).map((r) => r.line)).toEqual([1]);
  });
});

describe('evaluation commands', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bot', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('eval:retrieval prints metrics and writes every score', () => {
    const file = join(dir, 'tiny.jsonl');
    const out = join(dir, 'scores.tsv');
    writeFileSync(file, `${tinyText}\n`);
    const r = run('eval-retrieval.ts', [file, '--scores', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/MAP 0\.\d{4}\s+MRR 0\.\d{4}\s+P@1 0\.\d{4}/);
    expect(r.stdout).toContain('BM25 baseline');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^q1\ta\t[0-9.e-]+$/);
  });

  it('eval:skills writes predictions by line and prints micro scores', () => {
    const file = join(dir, 'skills.jsonl');
    const out = join(dir, 'pred.jsonl');
    writeFileSync(file, '{"title":"Composer fails to autoload my PHP class","tags":["php"]}\n{"title":"VPN drops every hour"}\n');
    const r = run('eval-skills.ts', [file, '--predictions', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/micro precision 1\.0000\s+recall 1\.0000\s+F1 1\.0000/);
    const preds = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { index: number; skills: string[] });
    expect(preds).toEqual([{ index: 0, skills: ['php'] }, { index: 1, skills: ['vpn'] }]);
  });

  it('exits with code 2 and a clear message on bad input', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"title":"ok"}\nnot json\n');
    const r = run('eval-skills.ts', [bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.jsonl:2: not valid JSON');
    const missing = run('eval-retrieval.ts', [join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('file not found');
    const usage = run('eval-retrieval.ts', []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage:');
  });
});
