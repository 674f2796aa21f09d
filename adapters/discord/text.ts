import { LIMITS, truncate } from './render/limits.js';

/** `vpn, networking  python` → `['vpn', 'networking', 'python']`, as the shared `/skills` grammar splits them. */
export function splitSkills(raw: string | null): string[] {
  return (raw ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Autocomplete for a comma-separated skills option: completes the last
 * entry from the catalog and keeps the ones before it, so picking several
 * skills is a matter of typing a comma and choosing again.
 */
export function skillChoices(input: string, suggest: (prefix: string, limit: number) => string[]): { name: string; value: string }[] {
  const parts = input.split(',');
  const last = (parts.pop() ?? '').trim();
  const before = parts.map((p) => p.trim()).filter(Boolean);
  const out: { name: string; value: string }[] = [];
  for (const skill of suggest(last, LIMITS.choices + before.length)) {
    if (before.includes(skill)) continue;
    const value = [...before, skill].join(', ');
    if (value.length > LIMITS.optionText) continue;
    out.push({ name: value, value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

/** What a ticket made from a Discord message says: its text, attachments and who wrote it. */
export function messageToTicket(content: string, attachments: readonly string[], author: string): { title: string; description: string } {
  const text = content.trim();
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const title = firstLine ? truncate(firstLine.trim(), 100) : `Message from ${author}`;
  const parts = [text, attachments.length ? `Attachments:\n${attachments.join('\n')}` : '', `Posted by ${author}.`].filter(Boolean);
  return { title, description: parts.join('\n\n') };
}
