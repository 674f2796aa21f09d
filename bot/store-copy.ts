/**
 * `npm run store:copy -- --from <sqlite path | mongodb uri> --to <…>`
 *
 * Moves a helpdesk between stores: people (identities, roles, skills,
 * load counts), tickets with their whole history, versions and refs,
 * unfinished jobs, and key-value data (which includes the similar-ticket
 * index's data). Safe to run again: records already equal in the target
 * are skipped, so a second run changes nothing. Ends with a count check per
 * kind of record and exits with 1 when source and target disagree. Run it
 * with the bot stopped, so nothing changes underneath it.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ImportOutcome, StoreCopy, StoreRecordKind } from '../core/index.js';
import { openMongoStore } from '../adapters/mongo/index.js';
import { DEFAULT_DB_FILE, openSqliteStore } from '../adapters/sqlite/index.js';
import { sqliteStoreCopy } from '../adapters/sqlite/copy.js';

const KINDS: readonly StoreRecordKind[] = ['person', 'ticket', 'job', 'value', 'reply', 'audit'];
const LABEL: Record<StoreRecordKind, string> = { person: 'people', ticket: 'tickets', job: 'unfinished jobs', value: 'key-value pairs', reply: 'saved replies', audit: 'audit entries' };

/** One side of a copy. */
export interface CopyEndpoint {
  /** Where it points, without secrets. */
  readonly label: string;
  readonly copy: StoreCopy;
  close(): Promise<void>;
}

export type Tally = Record<StoreRecordKind, Record<ImportOutcome, number>>;

export interface CopyReport {
  readonly tally: Tally;
  readonly source: Record<StoreRecordKind, number>;
  readonly target: Record<StoreRecordKind, number>;
  /** Kinds whose counts differ after the copy. */
  readonly mismatched: StoreRecordKind[];
}

const isMongoUri = (spec: string) => /^mongodb(\+srv)?:\/\//i.test(spec);

/** Opens a store for copying: a MongoDB URI, or a SQLite file (or a directory holding helpdesk.db). */
export async function openEndpoint(spec: string, side: 'from' | 'to'): Promise<CopyEndpoint> {
  if (isMongoUri(spec)) {
    const store = await openMongoStore(spec, { serverSelectionTimeoutMs: 5_000 });
    return { label: store.description, copy: store, close: () => store.close() };
  }
  const path = resolve(spec);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const file = isDir ? join(path, DEFAULT_DB_FILE) : path;
  // Never create an empty source and "copy" nothing from it.
  if (side === 'from' && !existsSync(file)) throw new Error(`There is no SQLite database at ${file}. Give the path of the helpdesk's .db file or its data directory.`);
  const store = openSqliteStore({ dataDir: dirname(file), fileName: basename(file) });
  return { label: store.description, copy: sqliteStoreCopy(store), close: () => store.close() };
}

/** Copies every record of `from` into `to`, then compares the counts. */
export async function copyStore(from: StoreCopy, to: StoreCopy, onProgress: (tally: Tally, done: boolean) => void = () => undefined): Promise<CopyReport> {
  const tally = Object.fromEntries(KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }])) as Tally;
  let n = 0;
  for await (const record of from.exportRecords()) {
    tally[record.kind][await to.importRecord(record)] += 1;
    if (++n % 100 === 0) onProgress(tally, false);
  }
  onProgress(tally, true);
  const [source, target] = await Promise.all([from.countRecords(), to.countRecords()]);
  return { tally, source, target, mismatched: KINDS.filter((k) => source[k] !== target[k]) };
}

function progressLine(tally: Tally): string {
  const parts = KINDS.map((k) => `${LABEL[k]} ${tally[k].inserted + tally[k].updated + tally[k].unchanged}`);
  const sum = (o: ImportOutcome) => KINDS.reduce((s, k) => s + tally[k][o], 0);
  return `copied ${parts.join(' · ')} (new ${sum('inserted')}, updated ${sum('updated')}, already there ${sum('unchanged')})`;
}

function reportLines(report: CopyReport): string[] {
  return KINDS.map((k) => {
    const ok = report.source[k] === report.target[k];
    return `  ${LABEL[k].padEnd(16)} source ${String(report.source[k]).padStart(7)}   target ${String(report.target[k]).padStart(7)}   ${ok ? 'ok' : 'MISMATCH'}`;
  });
}

const USAGE = 'Usage: npm run store:copy -- --from <sqlite file or directory | mongodb://…> --to <sqlite file or directory | mongodb://…>';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (values.help || !values.from || !values.to) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (!isMongoUri(values.from) && !isMongoUri(values.to) && resolve(values.from) === resolve(values.to)) {
    console.error('--from and --to are the same store.');
    return 2;
  }
  const opened: CopyEndpoint[] = [];
  try {
    const from = await openEndpoint(values.from, 'from');
    opened.push(from);
    const to = await openEndpoint(values.to, 'to');
    opened.push(to);
    console.log(`Copying ${from.label} → ${to.label}`);
    const tty = process.stdout.isTTY === true;
    const report = await copyStore(from.copy, to.copy, (tally, done) => {
      if (tty) process.stdout.write(`\r${progressLine(tally)}${done ? '\n' : ''}`);
      else if (done || KINDS.reduce((s, k) => s + tally[k].inserted + tally[k].updated + tally[k].unchanged, 0) % 1000 === 0) console.log(progressLine(tally));
    });
    console.log('Count check:');
    for (const line of reportLines(report)) console.log(line);
    if (report.mismatched.length > 0) {
      console.error(`The target does not hold the same number of ${report.mismatched.map((k) => LABEL[k]).join(', ')} as the source. Was it empty (or an earlier copy of this source) before the copy?`);
      return 1;
    }
    console.log('Done: the target holds everything the source holds.');
    return 0;
  } catch (error) {
    const hint = (error as { hint?: unknown }).hint;
    console.error(error instanceof Error ? error.message : String(error));
    if (typeof hint === 'string') console.error(hint);
    return 1;
  } finally {
    for (const e of opened.reverse()) await e.close().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
