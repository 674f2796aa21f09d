import { fail, ok, type Result } from '../domain/errors.js';
import type { HelpdeskDeps } from './deps.js';

/**
 * The helpdesk's own skills and words, as admins define them with
 * `/skills new` and `/skills words`: kept in the store's key-value space so
 * every process (and a restart) sees the same catalog.
 */
export const SKILLS_NAMESPACE = 'helpdesk';
export const SKILLS_KEY = 'skills';

/** An admin-created skill or taught words, as stored. */
export interface StoredSkill {
  readonly id: string;
  readonly description?: string;
  readonly words?: readonly string[];
}

/** Loads the admins' stored skills and words into the catalog, so every process sees the same list. */
export async function refreshSkills(deps: HelpdeskDeps): Promise<void> {
  const raw = await deps.store.getValue(SKILLS_NAMESPACE, SKILLS_KEY);
  if (!raw) return;
  for (const s of parseStoredSkills(raw)) deps.catalog.define(s);
}

export function parseStoredSkills(raw: string): StoredSkill[] {
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is StoredSkill => typeof v === 'object' && v !== null && typeof (v as StoredSkill).id === 'string');
  } catch {
    return [];
  }
}

/**
 * The catalog ids of the named skills, or one `INPUT.UNKNOWN_SKILL` naming
 * every unknown one with suggestions (nothing changes then); `advice` comes
 * before "Nothing was changed."
 */
export function knownSkills(deps: Pick<HelpdeskDeps, 'catalog'>, names: readonly string[], advice = ''): Result<string[]> {
  const { known, unknown } = deps.catalog.partition(names);
  if (unknown.length === 0) return ok(known);
  const hints = unknown.map((u) => {
    const s = deps.catalog.suggest(u, 3);
    return s.length ? `"${u.slice(0, 40)}" (did you mean ${s.join(', ')}?)` : `"${u.slice(0, 40)}"`;
  });
  return fail('INPUT.UNKNOWN_SKILL', `Unknown skill${unknown.length > 1 ? 's' : ''}: ${hints.join('; ')}. ${advice}Nothing was changed.`);
}
