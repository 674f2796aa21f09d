import { fail, ok, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import { PRIORITIES, TICKET_STATUSES, type Priority, type Ticket, type TicketStatus } from '../domain/ticket.js';
import { canSeeNotes } from '../policies/authorization.js';
import type { TicketQuery } from '../ports/store.js';
import type { HelpdeskDeps } from './deps.js';
import { searchTextProblem } from './search-text.js';

/** Filters a person can type after `/tickets`. */
export interface TicketFilters {
  readonly statuses?: readonly TicketStatus[];
  readonly priorities?: readonly Priority[];
  readonly skills?: readonly string[];
  /** `mine`: filed by me; `assigned`: assigned to me; `unassigned`; `all` (staff). */
  readonly scope?: 'mine' | 'assigned' | 'unassigned' | 'all';
  readonly text?: string;
  readonly limit?: number;
}

/** A ticket as the viewer may see it: requesters never see moderator notes. */
export type TicketView = Ticket & { readonly notesHidden: boolean };

const STATUS_WORDS: Record<string, TicketStatus> = {
  todo: 'TODO', open: 'TODO', new: 'TODO', 'in-progress': 'IN_PROGRESS', in_progress: 'IN_PROGRESS', inprogress: 'IN_PROGRESS',
  started: 'IN_PROGRESS', progress: 'IN_PROGRESS', done: 'DONE', resolved: 'DONE', closed: 'DONE',
};

export const FILTER_HELP =
  'Filters: status:todo|in-progress|done, priority:low|medium|high, skill:<name>, mine, assigned, unassigned, all, and any words to search for.';

/**
 * Parses `/tickets` filters: `status:todo priority:high skill:vpn mine printer`.
 * Words that are not filters become the text search.
 */
export function parseTicketFilters(raw: string, normalizeSkill: (s: string) => string | null): Result<TicketFilters> {
  const statuses: TicketStatus[] = [];
  const priorities: Priority[] = [];
  const skills: string[] = [];
  const words: string[] = [];
  let scope: TicketFilters['scope'];
  for (const token of raw.trim().split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const colon = lower.indexOf(':');
    const key = colon > 0 ? lower.slice(0, colon) : '';
    const value = colon > 0 ? lower.slice(colon + 1) : '';
    if (key === 'status' || key === 'is') {
      const s = STATUS_WORDS[value] ?? (TICKET_STATUSES as readonly string[]).find((x) => x.toLowerCase() === value);
      if (!s) return fail('INPUT.BAD_FILTER', `Unknown status "${value}". ${FILTER_HELP}`);
      statuses.push(s as TicketStatus);
    } else if (key === 'priority' || key === 'p') {
      const p = PRIORITIES.find((x) => x.toLowerCase() === value);
      if (!p) return fail('INPUT.BAD_FILTER', `Unknown priority "${value}". ${FILTER_HELP}`);
      priorities.push(p);
    } else if (key === 'skill') {
      const s = normalizeSkill(value);
      if (!s) return fail('INPUT.UNKNOWN_SKILL', `"${value}" is not a skill in the catalog.`);
      skills.push(s);
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
  });
}

/**
 * Lists tickets the viewer may see: requesters their own; moderators those
 * assigned to them and the unassigned queue (plus their own); admins all.
 * Open tickets only unless a status filter says otherwise.
 */
export async function listTickets(deps: HelpdeskDeps, viewer: Person, filters: TicketFilters): Promise<Result<TicketView[]>> {
  const badText = searchTextProblem(filters.text);
  if (badText !== null) return fail('INPUT.BAD_FILTER', badText);
  const base: TicketQuery = {
    statuses: filters.statuses ?? ['TODO', 'IN_PROGRESS'],
    ...(filters.priorities ? { priorities: filters.priorities } : {}),
    ...(filters.skills ? { skills: filters.skills } : {}),
    ...(filters.text ? { text: filters.text } : {}),
    limit: Math.min(Math.max(filters.limit ?? 20, 1), 100),
  };
  const scope = filters.scope ?? (isStaff(viewer) ? 'assigned' : 'mine');
  let query: TicketQuery;
  if (scope === 'mine' || !isStaff(viewer)) {
    if (scope !== 'mine' && !isStaff(viewer)) return fail('AUTH.NOT_PARTICIPANT', 'You can list only the tickets you filed (try /tickets mine).');
    query = { ...base, requesterId: viewer.id };
  } else if (scope === 'assigned') {
    query = isAdmin(viewer) && filters.scope === undefined ? base : { ...base, assignedToOrUnassigned: viewer.id };
  } else if (scope === 'unassigned') {
    query = { ...base, assigneeId: null };
  } else {
    if (!isAdmin(viewer)) return fail('AUTH.ADMIN_ONLY', 'Only admins can list all tickets. Try /tickets assigned or /tickets unassigned.');
    query = base;
  }
  const tickets = await deps.store.listTickets(query);
  return ok(tickets.map((t) => viewOf(viewer, t)));
}

/** Strips staff-only fields for viewers who may not see them. */
export function viewOf(viewer: Person, ticket: Ticket): TicketView {
  if (canSeeNotes(viewer, ticket)) return { ...ticket, notesHidden: false };
  return { ...ticket, notes: '', suggestedFix: null, similar: [], notesHidden: true };
}
