import { writeFileSync } from 'node:fs';
import { EvalInputError } from '../adapters/local-ai/index.js';

class UsageError extends Error {}

/** What an evaluation prints, and the lines of its optional output file. */
export interface EvalOutcome {
  readonly lines: readonly string[];
  readonly output?: () => readonly string[];
}

/**
 * The shared shell of the evaluation commands: `<file.jsonl>` plus one
 * optional `--<output> <path>` and any further `--<name> <value>` options
 * the command declares, the body's lines printed, and any problem printed
 * with the command's name and exit code 2 (usage errors with the usage line).
 */
export function runEvalCommand(
  cli: { readonly command: string; readonly outputOption: string; readonly outputPlaceholder: string; readonly options?: Readonly<Record<string, string>> },
  body: (file: string, options: ReadonlyMap<string, string>) => Promise<EvalOutcome>,
): void {
  const { command, outputOption } = cli;
  const extra = Object.entries(cli.options ?? {});
  const usage = `usage: npm run --silent ${command} -- <file.jsonl> [--${outputOption} ${cli.outputPlaceholder}]${extra.map(([name, placeholder]) => ` [--${name} ${placeholder}]`).join('')}`;
  (async () => {
    const { file, outputPath, options } = parseArgs(process.argv.slice(2), `--${outputOption}`, extra.map(([name]) => `--${name}`));
    const result = await body(file, options);
    if (outputPath && result.output) {
      const lines = result.output();
      writeFileSync(outputPath, lines.length ? `${lines.join('\n')}\n` : '');
    }
    for (const line of result.lines) console.log(line);
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`${command}: ${error.message}\n${usage}`);
      else if (error instanceof EvalInputError) console.error(`${command}: ${error.message}`);
      else console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}

function parseArgs(argv: readonly string[], outputFlag: string, valueFlags: readonly string[]): { file: string; outputPath: string | null; options: Map<string, string> } {
  let file: string | null = null;
  let outputPath: string | null = null;
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === outputFlag) {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new UsageError(`${outputFlag} needs an output path`);
      outputPath = next;
      i += 1;
    } else if (valueFlags.includes(arg)) {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      options.set(arg.slice(2), next);
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
  return { file, outputPath, options };
}
