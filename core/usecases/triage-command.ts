import { fail, ok, type Result } from '../domain/errors.js';

/** A parsed `/triage` command: what to change on one ticket. */
export interface CorrectTriageInput {
  readonly ticketId: string;
  readonly actorId: string;
  readonly priority?: string;
  readonly category?: string;
  /** Skill names or aliases; replaces the ticket's skills. */
  readonly skills?: readonly string[];
}

export const TRIAGE_USAGE = '/triage #n priority:high skills:vpn,networking category:network';

/**
 * Parses the fields of `/triage #n priority:… skills:… category:…` (the
 * text after the ticket ref), shared by every text surface.
 */
export function parseTriageCorrection(text: string): Result<{ priority?: string; category?: string; skills?: string[] }> {
  const out: { priority?: string; category?: string; skills?: string[] } = {};
  for (const token of text.trim().split(/\s+(?=[a-z]+:)/i).filter(Boolean)) {
    const at = token.indexOf(':');
    const key = at < 0 ? '' : token.slice(0, at).toLowerCase();
    const value = at < 0 ? '' : token.slice(at + 1).trim();
    if (key === 'priority' || key === 'p') out.priority = value;
    else if (key === 'category' || key === 'c') out.category = value;
    else if (key === 'skills' || key === 'skill' || key === 's') out.skills = value.split(/[,\s]+/).filter(Boolean);
    else return fail('INPUT.BAD_COMMAND', `I didn't understand "${token.slice(0, 40)}". Usage: ${TRIAGE_USAGE}`);
  }
  if (Object.keys(out).length === 0) return fail('INPUT.BAD_COMMAND', `Say what to change. Usage: ${TRIAGE_USAGE}`);
  return ok(out);
}
