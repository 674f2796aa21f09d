import { TITLE_MAX } from '../../core/index.js';

/**
 * Splits `/ticket` text into title and description as the console does:
 * `title | description`; without a bar the text is both. Slack text often
 * runs over several lines or past the title limit, so without a bar the
 * first line becomes the title, cut at a word boundary when it is too long,
 * and the description keeps the whole text.
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

/**
 * Slack message markup to plain text, for text that goes into a ticket or
 * its history (and may be shown on the console or in an email): entities
 * unescaped, links as `label (url)`, mentions as `@name`.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#(C[A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
