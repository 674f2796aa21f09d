/**
 * `npm run --silent eval:retrieval -- <file.jsonl> [--scores <out.tsv>]`
 *
 * Indexes every candidate of the file as a resolved ticket, scores each
 * query's own candidates with the product's similar-ticket index and, when
 * the file carries `relevant` flags, prints MAP, MRR and P@1 next to a plain
 * BM25 baseline. Bad input exits with code 2 and names the line.
 */
import { writeFileSync } from 'node:fs';
import {
  bm25Baseline,
  EvalInputError,
  LexicalSimilarIndex,
  rankingMetrics,
  readJsonl,
  retrievalLineSchema,
  scoreWithIndex,
  type RankingMetrics,
} from '../adapters/local-ai/index.js';

const USAGE = 'usage: npm run --silent eval:retrieval -- <file.jsonl> [--scores <out.tsv>]';

function parseArgs(argv: readonly string[]): { file: string; scoresPath: string | null } {
  let file: string | null = null;
  let scoresPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--scores') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new UsageError('--scores needs an output path');
      scoresPath = next;
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
  return { file, scoresPath };
}

class UsageError extends Error {}

function fmt(m: RankingMetrics): string {
  return `MAP ${m.map.toFixed(4)}  MRR ${m.mrr.toFixed(4)}  P@1 ${m.p1.toFixed(4)}`;
}

async function main(): Promise<number> {
  const { file, scoresPath } = parseArgs(process.argv.slice(2));
  const rows = readJsonl(file, retrievalLineSchema).map((r) => r.value);
  const scores = await scoreWithIndex(rows, new LexicalSimilarIndex());
  if (scoresPath) {
    const lines: string[] = [];
    for (const row of rows) for (const c of row.candidates) lines.push(`${row.query_id}\t${c.id}\t${scores.get(row.query_id)?.get(c.id) ?? 0}`);
    writeFileSync(scoresPath, lines.length ? `${lines.join('\n')}\n` : '');
  }
  const candidates = rows.reduce((n, r) => n + r.candidates.length, 0);
  console.log(`queries ${rows.length}, candidates ${candidates} (all indexed as resolved tickets)`);
  if (!rows.some((r) => r.candidates.some((c) => c.relevant !== undefined))) {
    console.log('no relevance labels in the file: scores only');
    return 0;
  }
  const engine = rankingMetrics(rows, scores);
  const baseline = rankingMetrics(rows, bm25Baseline(rows));
  console.log(`queries with a relevant candidate: ${engine.answerable} (AP = 0 for the others)`);
  console.log(`local index (BM25F)   ${fmt(engine)}`);
  console.log(`BM25 baseline         ${fmt(baseline)}`);
  console.log(`MAP vs baseline       ${engine.map - baseline.map >= 0 ? '+' : ''}${(engine.map - baseline.map).toFixed(4)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`eval:retrieval: ${error.message}\n${USAGE}`);
    else if (error instanceof EvalInputError) console.error(`eval:retrieval: ${error.message}`);
    else console.error(`eval:retrieval: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
