/** Where console text goes; the surface and the channel share one so lines never interleave mid-message. */
export interface ConsoleOutput {
  write(line: string): void;
}

/** Formats a message to a person: `[to @alice] first line`, continuation lines indented. */
export function formatMessage(handle: string, text: string): string {
  const [first = '', ...rest] = text.split('\n');
  return [`[to @${handle}] ${first}`, ...rest.map((l) => `  ${l}`)].join('\n');
}

/** The console handle of a person, from their `console:<handle>` identity. */
export function handleOf(identities: readonly string[]): string | null {
  const id = identities.find((i) => i.startsWith('console:'));
  return id ? id.slice('console:'.length) : null;
}

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;
