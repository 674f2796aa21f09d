/**
 * `npm run --silent eval:skills -- <file.jsonl> [--predictions <out.jsonl>]`
 *
 * Predicts each line's skills with the local triage engine and the shipped
 * catalog (no moderators defined) and, when lines carry `tags`, prints micro
 * precision, recall and F1. Bad input exits with code 2 and names the line.
 */
import { SkillCatalog } from '../core/index.js';
import { LocalTriageEngine, microScores, predictSkills, readJsonl, skillsLineSchema } from '../adapters/local-ai/index.js';
import { runEvalCommand } from './eval-cli.js';

runEvalCommand({ command: 'eval:skills', outputOption: 'predictions', outputPlaceholder: '<out.jsonl>' }, async (file) => {
  const rows = readJsonl(file, skillsLineSchema);
  const catalog = new SkillCatalog();
  const predicted = await predictSkills(
    rows.map((r) => r.value),
    new LocalTriageEngine({ catalog }),
    catalog,
  );
  const output = () => rows.map((r, i) => JSON.stringify({ index: r.line, skills: predicted[i] ?? [] }));
  const lines = [`lines ${rows.length}`];
  const gold = rows.map((r) => r.value.tags);
  if (!gold.some((t) => t !== undefined)) return { lines: [...lines, 'no tags in the file: predictions only'], output };
  const m = microScores(predicted, gold);
  lines.push(
    `scored lines ${m.rows}: predicted ${m.predicted} skills, expected ${m.expected}, correct ${m.truePositives}`,
    `micro precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}`,
  );
  return { lines, output };
});
