import { TITLE_MAX } from '../domain/ticket.js';

/**
 * Splits `/ticket` text into title and description, the same on every
 * surface: `title | description`; without a bar the first line becomes the
 * title (cut at a word boundary when it is too long) and the description
 * keeps the whole text.
 */
export function splitTicketText(raw: string): { title: string; description: string } {
  const text = raw.trim();
  const bar = text.indexOf('|');
  if (bar >= 0) return { title: text.slice(0, bar).trim(), description: text.slice(bar + 1).trim() };
  const firstLine = (text.split('\n')[0] ?? '').trim();
  return { title: shortenTitle(firstLine), description: text };
}

function shortenTitle(line: string): string {
  if (line.length <= TITLE_MAX) return line;
  const room = TITLE_MAX - 1;
  const space = line.lastIndexOf(' ', room);
  return `${line.slice(0, space > room / 2 ? space : room).trimEnd()}…`;
}
