import { PRIORITIES, type Priority } from '../domain/ticket.js';
import type { SkillCatalog } from '../domain/skills.js';
import { cleanMultilineText, cleanTitle } from '../domain/text.js';
import type { TriageProposal } from '../ports/triage.js';

export const SUMMARY_MAX = 300;
export const NOTES_MAX = 2500;
export const FIX_MAX = 2000;
export const CATEGORY_MAX = 40;
export const SKILLS_MAX = 8;

/**
 * Makes an engine's proposal safe to store and show: skills become catalog
 * ids (aliases mapped, unknown dropped), text is length-capped, mass
 * mentions are defused and links are reduced to their text. A model's text
 * gets the cleaning people's text gets (core/domain/text.ts): escape
 * sequences, control characters and bidi controls are removed, and the
 * summary is one line. Nothing an engine says can pick an assignee or a
 * role: the proposal has no such field and assignment is decided by policy
 * alone.
 */
export function sanitizeProposal(p: TriageProposal, catalog: SkillCatalog): SanitizedTriage {
  return {
    summary: cleanText(cleanTitle(String(p.summary ?? '')), SUMMARY_MAX),
    category: cleanCategory(p.category),
    priority: (PRIORITIES as readonly string[]).includes(p.priority) ? p.priority : 'MEDIUM',
    skills: catalog.normalizeAll((Array.isArray(p.skills) ? p.skills : []).map((s) => cleanTitle(String(s ?? '')))).slice(0, SKILLS_MAX),
    notes: cleanText(p.notes, NOTES_MAX),
    suggestedFix: p.suggestedFix ? cleanText(p.suggestedFix, FIX_MAX) || null : null,
    confidence: typeof p.confidence === 'number' && Number.isFinite(p.confidence) ? Math.min(1, Math.max(0, p.confidence)) : null,
  };
}

export interface SanitizedTriage {
  readonly summary: string;
  readonly category: string;
  readonly priority: Priority;
  readonly skills: string[];
  readonly notes: string;
  readonly suggestedFix: string | null;
  readonly confidence: number | null;
}

const MASS_MENTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/<!(channel|here|everyone)(\|[^>]*)?>/gi, '$1'],
  [/<!subteam\^[A-Z0-9]+(\|[^>]*)?>/gi, 'a group'],
  [/@(everyone|here|channel)\b/gi, '$1'],
  [/<@&?\d+>/g, 'someone'],
  [/<@[UW][A-Z0-9]+>/g, 'someone'],
];

/** Slack `<url|text>` and Markdown `[text](url)` links keep their text only; bare URLs are defanged. */
const LINKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/<(https?:\/\/[^|>\s]+)\|([^>]*)>/gi, '$2'],
  [/<(https?:\/\/[^>\s]+)>/gi, '$1'],
  [/\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/gi, '$1'],
  [/\bhttps?:\/\/([^\s/]+)(\/[^\s]*)?/gi, '$1[link removed]'],
];

/** A model's multi-line text made safe to show: cleaned like people's text, mentions defused, links reduced, capped at `max`. */
export function cleanText(text: string, max: number): string {
  let out = cleanMultilineText(String(text ?? ''));
  for (const [re, rep] of MASS_MENTIONS) out = out.replace(re, rep);
  for (const [re, rep] of LINKS) out = out.replace(re, rep);
  out = out.trim();
  return out.length <= max ? out : `${out.slice(0, max - 1)}…`;
}

function cleanCategory(raw: string): string {
  const c = cleanTitle(String(raw ?? ''))
    .toLowerCase()
    .replace(/[^a-z0-9 &/-]+/g, '')
    .trim()
    .slice(0, CATEGORY_MAX);
  return c || 'general';
}
