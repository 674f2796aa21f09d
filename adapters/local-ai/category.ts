import type { SkillCatalog } from '../../core/index.js';

/** Ticket categories the local engine assigns (custom skills bring their own area). */
export const CATEGORIES = ['security', 'network', 'access', 'email', 'printing', 'hardware', 'software', 'data', 'hr', 'facilities', 'finance', 'travel', 'legal', 'general'] as const;
export type Category = (typeof CATEGORIES)[number] | (string & {});

/** Technical skills' desks fall back to these areas. */
const BY_GROUP: Readonly<Record<string, string>> = { dev: 'software', infra: 'software', data: 'data', devices: 'hardware', apps: 'software' };

/**
 * The category of a ticket from its skills, best first: a security concern
 * wins outright (it changes how the ticket must be handled), otherwise the
 * area of the main skill; `general` without skills.
 */
export function categorize(skills: readonly string[], catalog: SkillCatalog, securitySignal: boolean): Category {
  if (securitySignal || skills.includes('security')) return 'security';
  for (const skill of skills) {
    const def = catalog.get(skill);
    if (def?.area) return def.area;
    const group = def?.group ? BY_GROUP[def.group] : undefined;
    if (group) return group;
  }
  return 'general';
}
