import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A problem with an evaluation file, with the 1-based line it was found on (0 for the file itself). */
export class EvalInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${detail}` : `${file}: ${detail}`);
    this.name = 'EvalInputError';
  }
}

const text = z.string().max(100_000);

export const retrievalLineSchema = z.object({
  query_id: z.union([z.string(), z.number()]).transform(String),
  query: z.object({ title: text, body: text.optional().default('') }),
  candidates: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      title: text,
      body: text.optional().default(''),
      relevant: z.boolean().optional(),
    }),
  ),
});
export type RetrievalLine = z.infer<typeof retrievalLineSchema>;

export const skillsLineSchema = z.object({
  title: text,
  body: text.optional().default(''),
  tags: z.array(z.string()).optional(),
});
export type SkillsLine = z.infer<typeof skillsLineSchema>;

/**
 * Reads a JSON Lines file and validates each non-blank line; the first bad
 * line stops the run with its line number, because a silently skipped row
 * would make every figure wrong.
 */
export function readJsonl<T>(file: string, schema: z.ZodType<T, unknown>): JsonlRow<T>[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EvalInputError(file, 0, code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`);
  }
  return parseJsonl(content, file, schema);
}

/** One parsed line and its 0-based line number in the file. */
export interface JsonlRow<T> {
  readonly line: number;
  readonly value: T;
}

/** Parses JSON Lines text; see {@link readJsonl}. */
export function parseJsonl<T>(content: string, file: string, schema: z.ZodType<T, unknown>): JsonlRow<T>[] {
  const out: JsonlRow<T>[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new EvalInputError(file, i + 1, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new EvalInputError(file, i + 1, `unexpected shape${where}: ${issue?.message ?? 'invalid'}`);
    }
    out.push({ line: i, value: parsed.data });
  }
  return out;
}
