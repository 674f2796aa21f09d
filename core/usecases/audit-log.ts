import type { AuditEntry } from '../domain/audit.js';
import { Errors, ok, type Result } from '../domain/errors.js';
import { requireAdmin } from '../policies/authorization.js';
import type { HelpdeskDeps } from './deps.js';

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
