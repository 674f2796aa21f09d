import type { AuditEntry } from '../domain/audit.js';
import { clipDetail } from '../domain/audit.js';
import { Errors, ok, type Result } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import { requireAdmin } from '../policies/authorization.js';
import type { PersonPatch, Store } from '../ports/store.js';
import type { HelpdeskDeps } from './deps.js';
import { runSkillsCommand, type SkillsCommand, type SkillsOutcome } from './skills-admin.js';

export const AUDIT_PAGE_SIZE = 20;

/** One page of the audit record, newest first. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** `/audit [@h] [page:n]`: admins read the record, all of it or what one person did or had done to them. */
export async function listAudit(deps: HelpdeskDeps, input: { readonly actorId: string; readonly involving?: string | null; readonly page?: number }): Promise<Result<AuditPage>> {
  const actor = await deps.store.getPerson(input.actorId);
  if (!actor) return Errors.personNotFound();
  const admin = requireAdmin(actor);
  if (!admin.ok) return admin;
  const page = input.page ?? 1;
  const query = input.involving ? { involving: input.involving } : {};
  const [entries, total] = await Promise.all([
    deps.store.listAudit({ ...query, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }),
    deps.store.countAudit(query),
  ]);
  return ok({ entries, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) });
}

/**
 * Runs a `/skills` command with every role, skill and availability change
 * it makes recorded in the audit, written by the store together with the
 * change. The command itself stays as it is: its store is wrapped so each
 * person update carries its audit entries.
 */
export function runAuditedSkillsCommand(deps: HelpdeskDeps, actor: Person, command: SkillsCommand): Promise<Result<SkillsOutcome>> {
  return runSkillsCommand({ ...deps, store: auditingStore(deps.store, actor.id) }, actor, command);
}

function auditingStore(store: Store, actorId: string): Store {
  const updatePerson: Store['updatePerson'] = async (id, patch, expectedVersion, at, audit = []) => {
    const before = await store.getPerson(id);
    const entries = before ? personAudit(before, patch, actorId, at, expectedVersion) : [];
    return store.updatePerson(id, patch, expectedVersion, at, [...audit, ...entries]);
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'updatePerson') return updatePerson;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The audit entries of one person change: one per aspect that actually changed. */
export function personAudit(before: Person, patch: PersonPatch, actorId: string, at: string, expectedVersion: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  const add = (action: AuditEntry['action'], detail: string) =>
    out.push({ id: `person:${before.id}:${expectedVersion}:${action}`, at, actorId, action, ticketId: null, ref: null, subjectId: before.id, detail: clipDetail(`${before.displayName}: ${detail}`) });
  if (patch.role !== undefined && patch.role !== before.role) add('role', `role ${before.role} → ${patch.role}`);
  if (patch.skills !== undefined && patch.skills.join(',') !== before.skills.join(','))
    add('skills', `skills ${before.skills.join(', ') || 'none'} → ${patch.skills.join(', ') || 'none'}`);
  if (patch.availability !== undefined && patch.availability !== before.availability) add('availability', `${before.availability} → ${patch.availability}`);
  return out;
}
