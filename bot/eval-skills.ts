/**
 * `npm run --silent eval:skills -- <file.jsonl> [--predictions <out.jsonl>]`
 *
 * Predicts each line's skills with the local triage engine and the shipped
 * catalog (no moderators defined) and, when lines carry `tags`, prints micro
 * precision, recall and F1. Bad input exits with code 2 and names the line.
 */
import { writeFileSync } from 'node:fs';
import { SkillCatalog } from '../core/index.js';
import { EvalInputError, LocalTriageEngine, microScores, predictSkills, readJsonl, skillsLineSchema } from '../adapters/local-ai/index.js';

const USAGE = 'usage: npm run --silent eval:skills -- <file.jsonl> [--predictions <out.jsonl>]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { file: string; predictionsPath: string | null } {
  let file: string | null = null;
  let predictionsPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--predictions') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new UsageError('--predictions needs an output path');
      predictionsPath = next;
      i += 1;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (file === null) throw new UsageError('missing input file');
  return { file, predictionsPath };
}

async function main(): Promise<number> {
  const { file, predictionsPath } = parseArgs(process.argv.slice(2));
  const rows = readJsonl(file, skillsLineSchema);
  const catalog = new SkillCatalog();
  const predicted = await predictSkills(
    rows.map((r) => r.value),
    new LocalTriageEngine({ catalog }),
    catalog,
  );
  if (predictionsPath) {
    const lines = rows.map((r, i) => JSON.stringify({ index: r.line, skills: predicted[i] ?? [] }));
    writeFileSync(predictionsPath, lines.length ? `${lines.join('\n')}\n` : '');
  }
  console.log(`lines ${rows.length}`);
  const gold = rows.map((r) => r.value.tags);
  if (!gold.some((t) => t !== undefined)) {
    console.log('no tags in the file: predictions only');
    return 0;
  }
  const m = microScores(predicted, gold);
  console.log(`scored lines ${m.rows}: predicted ${m.predicted} skills, expected ${m.expected}, correct ${m.truePositives}`);
  console.log(`micro precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`eval:skills: ${error.message}\n${USAGE}`);
    else if (error instanceof EvalInputError) console.error(`eval:skills: ${error.message}`);
    else console.error(`eval:skills: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
