/**
 * `npm run bench` runs every suite in bench/suites/ in one process, one after
 * another, and prints a table; `npm run --silent bench -- --json` prints one
 * JSON object per line: {"metric","value","unit"}.
 * `-- --only <suite>` runs matching suites only.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite, Metric } from './types.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

const dir = join(dirname(fileURLToPath(import.meta.url)), 'suites');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort();

const all: Metric[] = [];
for (const file of files) {
  const suite = ((await import(pathToFileURL(join(dir, file)).href)) as { default: BenchSuite }).default;
  if (only && !suite.name.includes(only)) continue;
  if (!json) process.stderr.write(`running ${suite.name}…\n`);
  const metrics = await suite.run();
  for (const m of metrics) {
    all.push(m);
    if (json) process.stdout.write(`${JSON.stringify({ metric: m.metric, value: round(m.value), unit: m.unit })}\n`);
  }
}

if (!json) {
  const rows = all.map((m) => [m.metric, String(round(m.value)), m.unit, m.target ?? '']);
  const head = ['metric', 'value', 'unit', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
