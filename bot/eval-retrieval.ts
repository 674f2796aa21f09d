/**
 * `npm run --silent eval:retrieval -- <file.jsonl> [--scores <out.tsv>]`
 *
 * Indexes every candidate of the file as a resolved ticket, scores each
 * query's own candidates with the product's similar-ticket index and, when
 * the file carries `relevant` flags, prints MAP, MRR and P@1 next to a plain
 * BM25 baseline. Bad input exits with code 2 and names the line.
 */
import {
  bm25Baseline,
  LexicalSimilarIndex,
  rankingMetrics,
  readJsonl,
  retrievalLineSchema,
  scoreWithIndex,
  type RankingMetrics,
} from '../adapters/local-ai/index.js';
import { runEvalCommand } from './eval-cli.js';

function fmt(m: RankingMetrics): string {
  return `MAP ${m.map.toFixed(4)}  MRR ${m.mrr.toFixed(4)}  P@1 ${m.p1.toFixed(4)}`;
}

runEvalCommand({ command: 'eval:retrieval', outputOption: 'scores', outputPlaceholder: '<out.tsv>' }, async (file) => {
  const rows = readJsonl(file, retrievalLineSchema).map((r) => r.value);
  const scores = await scoreWithIndex(rows, new LexicalSimilarIndex());
  const output = () => rows.flatMap((row) => row.candidates.map((c) => `${row.query_id}\t${c.id}\t${scores.get(row.query_id)?.get(c.id) ?? 0}`));
  const candidates = rows.reduce((n, r) => n + r.candidates.length, 0);
  const lines = [`queries ${rows.length}, candidates ${candidates} (all indexed as resolved tickets)`];
  if (!rows.some((r) => r.candidates.some((c) => c.relevant !== undefined))) return { lines: [...lines, 'no relevance labels in the file: scores only'], output };
  const engine = rankingMetrics(rows, scores);
  const baseline = rankingMetrics(rows, bm25Baseline(rows));
  lines.push(
    `queries with a relevant candidate: ${engine.answerable} (AP = 0 for the others)`,
    `local index (BM25F)   ${fmt(engine)}`,
    `BM25 baseline         ${fmt(baseline)}`,
    `MAP vs baseline       ${engine.map - baseline.map >= 0 ? '+' : ''}${(engine.map - baseline.map).toFixed(4)}`,
  );
  return { lines, output };
});
