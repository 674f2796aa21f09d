import type { Availability, Person, Role } from './person.js';
import type { HistoryEntry, Iso, Ticket } from './ticket.js';

/** What an audit entry records: every staff action that changes who does what, or what staff said. */
export const AUDIT_ACTIONS = ['role', 'skills', 'availability', 'claim', 'triage', 'reassign', 'note', 'saved-reply', 'reply-added', 'reply-removed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One line of the admin record: who did what, when, to which ticket or
 * person. `detail` is written when the action happens (names as they were
 * then), so the record reads the same after people are renamed. Stores
 * write entries in the same transaction as the change they describe.
 */
export interface AuditEntry {
  /** Deterministic (derived from the change), so a retried save writes the entry once. */
  readonly id: string;
  readonly at: Iso;
  readonly actorId: string;
  readonly action: AuditAction;
  readonly ticketId: string | null;
  readonly ref: number | null;
  /** The person the action was about (whose role changed, who got the ticket), if any. */
  readonly subjectId: string | null;
  readonly detail: string;
}

const DETAIL_MAX = 300;

/** Names for ids, as the audit detail shows them. */
export type NameOf = (id: string | null) => string;

/**
 * The audit entries a ticket change implies: the history entries it added
 * that staff made (claim, triage correction, reassignment by hand, note,
 * saved reply). Pipeline and SLA actions (no actor) are not staff actions.
 */
export function auditFromHistory(before: Ticket, after: Ticket, name: NameOf): AuditEntry[] {
  const added = after.history.slice(before.history.length);
  const out: AuditEntry[] = [];
  for (const h of added) {
    const entry = auditOf(h, name);
    if (!entry) continue;
    out.push({
      id: `ticket:${after.id}:${before.version}:${out.length}`,
      at: h.at,
      actorId: entry.actorId,
      action: entry.action,
      ticketId: after.id,
      ref: after.ref,
      subjectId: entry.subjectId,
      detail: clipDetail(entry.detail),
    });
  }
  return out;
}

/** The fields of a person change that the audit records. */
export interface AuditedPersonChange {
  readonly role?: Role;
  readonly skills?: readonly string[];
  readonly availability?: Availability;
}

/** The audit entries of one person change: one per aspect that actually changed (ids derived from the version, so a retry writes them once). */
export function personAudit(before: Person, change: AuditedPersonChange, actorId: string, at: Iso): AuditEntry[] {
  const out: AuditEntry[] = [];
  const add = (action: AuditAction, detail: string) =>
    out.push({ id: `person:${before.id}:${before.version}:${action}`, at, actorId, action, ticketId: null, ref: null, subjectId: before.id, detail: clipDetail(`${before.displayName}: ${detail}`) });
  if (change.role !== undefined && change.role !== before.role) add('role', `role ${before.role} → ${change.role}`);
  if (change.skills !== undefined && change.skills.join(',') !== before.skills.join(','))
    add('skills', `skills ${before.skills.join(', ') || 'none'} → ${change.skills.join(', ') || 'none'}`);
  if (change.availability !== undefined && change.availability !== before.availability) add('availability', `${before.availability} → ${change.availability}`);
  return out;
}

/** The ids an audited change needs names for. */
export function auditNameIds(before: Ticket, after: Ticket): string[] {
  const ids = new Set<string>();
  for (const h of after.history.slice(before.history.length)) {
    if (h.type === 'assigned') ids.add(h.assigneeId);
    if (h.type === 'reassigned') for (const id of [h.fromId, h.toId]) if (id) ids.add(id);
  }
  return [...ids];
}

function auditOf(h: HistoryEntry, name: NameOf): { actorId: string; action: AuditAction; subjectId: string | null; detail: string } | null {
  switch (h.type) {
    case 'assigned':
    case 'reassigned': {
      if (h.actorId === null) return null;
      const to = h.type === 'assigned' ? h.assigneeId : h.toId;
      const from = h.type === 'assigned' ? null : h.fromId;
      if (h.reason?.rule === 'claim') return { actorId: h.actorId, action: 'claim', subjectId: to, detail: from ? `took it from ${name(from)}` : 'took it from the queue' };
      return { actorId: h.actorId, action: 'reassign', subjectId: to, detail: `${from ? `from ${name(from)} ` : ''}to ${to ? name(to) : 'nobody'}` };
    }
    case 'triage-corrected':
      return { actorId: h.actorId, action: 'triage', subjectId: null, detail: h.changes.map((c) => `${c.field} ${c.from || '—'} → ${c.to || '—'}`).join('; ') };
    case 'note':
      return { actorId: h.actorId, action: 'note', subjectId: null, detail: 'internal note added' };
    case 'message':
      return h.savedReply === undefined ? null : { actorId: h.actorId, action: 'saved-reply', subjectId: null, detail: `sent saved reply "${h.savedReply}"` };
    default:
      return null;
  }
}

/** Audit details are short; long skill lists are cut visibly. */
export function clipDetail(text: string): string {
  return text.length <= DETAIL_MAX ? text : `${text.slice(0, DETAIL_MAX - 1)}…`;
}
