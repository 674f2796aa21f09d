import { fail, ok, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import { isStaffOnly, PRIORITIES, TICKET_STATUSES, type Priority, type Ticket, type TicketStatus } from '../domain/ticket.js';
import { canSeeInternalNotes, canSeeNotes } from '../policies/authorization.js';
import type { TicketQuery } from '../ports/store.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { searchTextProblem } from './search-text.js';

/** Filters a person can type after `/tickets`. */
export interface TicketFilters {
  readonly statuses?: readonly TicketStatus[];
  readonly priorities?: readonly Priority[];
  readonly skills?: readonly string[];
  /**
   * `mine`: for staff, assigned to me; for requesters, filed by me.
   * `assigned`: assigned to me and the unassigned queue; `unassigned`; `all` (admins).
   */
  readonly scope?: 'mine' | 'assigned' | 'unassigned' | 'all';
  readonly text?: string;
  /** `requester:@h`: an identity, filed by that person. */
  readonly requester?: string;
  /** `assignee:@h`: an identity, assigned to that person. */
  readonly assignee?: string;
  /** `older:3d`: created at least this long ago. */
  readonly olderThanMs?: number;
  /** 1-based page (`page:2`). */
  readonly page?: number;
  /** Page size: 20 unless said, at most 100. */
  readonly limit?: number;
  /** `priority` (the queue order, default), `age` (oldest first), `newest`, or `updated` (recently changed first). */
  readonly sort?: 'priority' | 'age' | 'newest' | 'updated';
}

/** A ticket as the viewer may see it: requesters never see moderator notes or internal notes. */
export type TicketView = Ticket & { readonly notesHidden: boolean };

/** One page of `/tickets`: how many match in all, and the tickets of this page in queue order. */
export interface TicketPage {
  readonly tickets: readonly TicketView[];
  readonly total: number;
  /** 1-based. */
  readonly page: number;
  /** At least 1. */
  readonly pages: number;
  readonly pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
const SORT_ORDER = { priority: 'queue', age: 'oldest', newest: 'newest', updated: 'updated' } as const;
const MAX_PAGE = 10_000;

const STATUS_WORDS: Record<string, TicketStatus> = {
  todo: 'TODO', open: 'TODO', new: 'TODO', 'in-progress': 'IN_PROGRESS', in_progress: 'IN_PROGRESS', inprogress: 'IN_PROGRESS',
  started: 'IN_PROGRESS', progress: 'IN_PROGRESS', done: 'DONE', resolved: 'DONE', closed: 'DONE',
};

export const FILTER_HELP =
  'Filters: status:todo|in-progress|done, priority:low|medium|high, skill:<name>, mine (staff: assigned to me; others: filed by me), assigned, unassigned, all, requester:@someone, assignee:@someone, older:3d (m, h, d, w), page:2, and any words to search for.';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `3d`, `12h`, `90m`, `2w` → milliseconds; anything else → null. */
export function parseAge(raw: string): number | null {
  const m = /^(\d{1,4})([mhdw])$/.exec(raw.trim().toLowerCase());
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  return n > 0 ? n * (UNIT_MS[m[2]] ?? 0) : null;
}

/**
 * Parses `/tickets` filters: `status:todo priority:high skill:vpn mine printer`.
 * Words that are not filters become the text search. `resolveMention` turns
 * the surface's mention (`@bob`, `<@U1>`) into an identity for
 * `requester:` and `assignee:`.
 */
export function parseTicketFilters(raw: string, normalizeSkill: (s: string) => string | null, resolveMention: (token: string) => string | null = () => null): Result<TicketFilters> {
  const statuses: TicketStatus[] = [];
  const priorities: Priority[] = [];
  const skills: string[] = [];
  const words: string[] = [];
  let scope: TicketFilters['scope'];
  const people: { requester?: string; assignee?: string } = {};
  let olderThanMs: number | undefined;
  let page: number | undefined;
  for (const token of raw.trim().split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const colon = lower.indexOf(':');
    const key = colon > 0 ? lower.slice(0, colon) : '';
    const value = colon > 0 ? lower.slice(colon + 1) : '';
    if (key === 'status' || key === 'is') {
      const s = STATUS_WORDS[value] ?? (TICKET_STATUSES as readonly string[]).find((x) => x.toLowerCase() === value);
      if (!s) return fail('INPUT.BAD_FILTER', `Unknown status "${value.slice(0, 30)}". ${FILTER_HELP}`);
      statuses.push(s as TicketStatus);
    } else if (key === 'priority' || key === 'p') {
      const p = PRIORITIES.find((x) => x.toLowerCase() === value);
      if (!p) return fail('INPUT.BAD_FILTER', `Unknown priority "${value.slice(0, 30)}". ${FILTER_HELP}`);
      priorities.push(p);
    } else if (key === 'skill') {
      const s = normalizeSkill(value);
      if (!s) return fail('INPUT.UNKNOWN_SKILL', `"${value.slice(0, 40)}" is not a skill in the catalog.`);
      skills.push(s);
    } else if (key === 'requester' || key === 'assignee') {
      const identity = resolveMention(token.slice(colon + 1));
      if (!identity) return fail('INPUT.BAD_FILTER', `${key}: needs a person, like ${key}:@maya, not "${token.slice(colon + 1, colon + 41)}".`);
      people[key] = identity;
    } else if (key === 'older') {
      const age = parseAge(value);
      if (age === null) return fail('INPUT.BAD_FILTER', `older: takes an age like 3d, 12h, 90m or 2w, not "${value.slice(0, 30)}".`);
      olderThanMs = age;
    } else if (key === 'page') {
      const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) return fail('INPUT.BAD_FILTER', `page: takes a page number from 1, like page:2, not "${value.slice(0, 30)}".`);
      page = n;
    } else if (['mine', 'assigned', 'unassigned', 'all'].includes(lower)) {
      scope = lower as TicketFilters['scope'];
    } else {
      words.push(token);
    }
  }
  const text = words.join(' ').slice(0, 200);
  return ok({
    ...(statuses.length ? { statuses } : {}),
    ...(priorities.length ? { priorities } : {}),
    ...(skills.length ? { skills } : {}),
    ...(scope ? { scope } : {}),
    ...(text ? { text } : {}),
    ...people,
    ...(olderThanMs !== undefined ? { olderThanMs } : {}),
    ...(page !== undefined ? { page } : {}),
  });
}

/**
 * Lists the tickets the viewer may see, one page at a time, sorted by
 * priority and then age (oldest first within a priority), with how many
 * match in all. Requesters see their own; moderators those assigned to them
 * and the unassigned queue; admins all. `mine` means assigned to me for
 * staff and filed by me for everyone else. Open tickets only unless a
 * status filter says otherwise. The store sorts, pages and counts.
 */
export async function listTickets(deps: HelpdeskDeps, viewer: Person, filters: TicketFilters): Promise<Result<TicketPage>> {
  const badText = searchTextProblem(filters.text);
  if (badText !== null) return fail('INPUT.BAD_FILTER', badText);
  const scoped = await scopeQuery(deps, viewer, filters);
  if (!scoped.ok) return scoped;
  const pageSize = Math.min(Math.max(filters.limit ?? DEFAULT_PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(Math.floor(filters.page ?? 1), 1), MAX_PAGE);
  if (scoped.value === null) return ok({ tickets: [], total: 0, page, pages: 1, pageSize });
  const query = scoped.value;
  const [tickets, total] = await Promise.all([
    deps.store.listTickets({ ...query, order: SORT_ORDER[filters.sort ?? 'priority'], limit: pageSize, offset: (page - 1) * pageSize }),
    deps.store.countTickets(query),
  ]);
  return ok({ tickets: tickets.map((t) => viewOf(viewer, t)), total, page, pages: Math.max(1, Math.ceil(total / pageSize)), pageSize });
}

/** The store query for what the viewer asked and may see; null when it cannot match anything (an unknown person named). */
async function scopeQuery(deps: HelpdeskDeps, viewer: Person, filters: TicketFilters): Promise<Result<TicketQuery | null>> {
  const staff = isStaff(viewer);
  const personId = async (identity: string | undefined): Promise<string | null | undefined> =>
    identity === undefined ? undefined : ((await deps.store.findPersonByIdentity(identity))?.id ?? null);
  const requesterId = await personId(filters.requester);
  const assigneeId = await personId(filters.assignee);
  if (requesterId === null || assigneeId === null) return ok(null);
  const base: TicketQuery = {
    statuses: filters.statuses ?? ['TODO', 'IN_PROGRESS'],
    ...(filters.priorities ? { priorities: filters.priorities } : {}),
    ...(filters.skills ? { skills: filters.skills } : {}),
    ...(filters.text ? { text: filters.text } : {}),
    ...(filters.olderThanMs !== undefined ? { createdBefore: new Date(Date.parse(nowIso(deps)) - filters.olderThanMs).toISOString() } : {}),
    ...(requesterId !== undefined ? { requesterId } : {}),
    ...(assigneeId !== undefined ? { assigneeId } : {}),
  };
  if (!staff) {
    if (filters.scope !== undefined && filters.scope !== 'mine') return fail('AUTH.NOT_PARTICIPANT', 'You can list only the tickets you filed (try /tickets mine).');
    if (requesterId !== undefined && requesterId !== viewer.id) return fail('AUTH.NOT_PARTICIPANT', 'You can list only the tickets you filed.');
    return ok({ ...base, requesterId: viewer.id });
  }
  const scope = filters.scope ?? 'assigned';
  if (scope === 'all' && !isAdmin(viewer)) return fail('AUTH.ADMIN_ONLY', 'Only admins can list all tickets. Try /tickets, /tickets mine or /tickets unassigned.');
  if (scope === 'mine') {
    if (assigneeId !== undefined && assigneeId !== viewer.id) return ok(null);
    return ok({ ...base, assigneeId: viewer.id });
  }
  if (scope === 'unassigned') return ok(assigneeId !== undefined ? null : { ...base, assigneeId: null });
  // Admins see everything unless they ask for their queue; a moderator's view is what is theirs plus the queue.
  if (isAdmin(viewer) && (filters.scope === undefined || scope === 'all')) return ok(base);
  return ok({ ...base, assignedToOrUnassigned: viewer.id });
}

/** Strips staff-only fields and internal notes for viewers who may not see them. */
export function viewOf(viewer: Person, ticket: Ticket): TicketView {
  const history = canSeeInternalNotes(viewer, ticket) ? ticket.history : ticket.history.filter((h) => !isStaffOnly(h));
  if (canSeeNotes(viewer, ticket)) return { ...ticket, history, notesHidden: false };
  return { ...ticket, history, notes: '', suggestedFix: null, similar: [], notesHidden: true };
}
