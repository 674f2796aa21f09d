import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The redaction tables of docs/ai.md, read from the document itself so the
 * documented list and the tested list cannot drift apart: one row per
 * shape, with a realistic example and what is sent instead.
 */
export interface RedactionShape {
  readonly shape: string;
  readonly example: string;
  /** What the provider receives instead. */
  readonly sent: string;
  /** The part of the example that must never reach a provider. */
  readonly removed: string;
}

const DOC = fileURLToPath(new URL('../../docs/ai.md', import.meta.url));

function table(marker: string): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf(`<!-- ${marker}:start -->`);
  const end = text.indexOf(`<!-- ${marker}:end -->`);
  if (start < 0 || end < start) throw new Error(`docs/ai.md has no ${marker} table`);
  return text
    .slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .slice(1)
    .map((l) => l.split(' | ').map((c) => c.replace(/^\|?\s*`?|`?\s*\|?$/g, '')));
}

/** Common prefix and suffix stripped: what the placeholder replaced. */
function removedPart(example: string, sent: string): string {
  let a = 0;
  while (a < example.length && example[a] === sent[a]) a++;
  let b = 0;
  while (b < example.length - a && example[example.length - 1 - b] === sent[sent.length - 1 - b]) b++;
  return example.slice(a, example.length - b);
}

/** Every documented shape that is redacted. */
export function redactedShapes(): RedactionShape[] {
  return table('redacted').map(([shape = '', example = '', sent = '']) => ({ shape, example, sent, removed: removedPart(example, sent) }));
}

/** Documented look-alikes that are sent unchanged because a moderator needs them. */
export function keptShapes(): { shape: string; example: string }[] {
  return table('kept').map(([shape = '', example = '']) => ({ shape, example }));
}
