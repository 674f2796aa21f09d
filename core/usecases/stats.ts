import { fail, ok, type Result } from '../domain/errors.js';
import { isAdmin, isStaff, type Person } from '../domain/person.js';
import type { StoreStats } from '../ports/stats.js';
import type { HelpdeskDeps } from './deps.js';

export const STATS_USAGE = '/stats [7d|30d|90d] [skill:<name>] [@moderator]';
const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export interface StatsInput {
  /** `7d`, `30d`, `90d` (any whole number of days from 1 to 366). Default 30d. */
  readonly period?: string;
  readonly skill?: string;
  /** Only this moderator's tickets (a person id). Moderators may only ask for themselves. */
  readonly moderatorId?: string;
}

export interface HelpdeskStats extends StoreStats {
  readonly since: string;
  readonly until: string;
  readonly days: number;
  readonly skill: string | null;
  readonly moderatorId: string | null;
}

/**
 * How the helpdesk is doing over the last days: tickets in and out, backlog,
 * first-response and resolution times (business time), SLA breaches,
 * reopenings, satisfaction and per-moderator figures. Admins see everyone;
 * moderators see their own tickets.
 */
export async function helpdeskStats(deps: HelpdeskDeps, viewer: Person, input: StatsInput): Promise<Result<HelpdeskStats>> {
  if (!isStaff(viewer)) return fail('AUTH.ADMIN_ONLY', 'Only admins (and moderators, for their own tickets) can see the stats.');
  const m = /^(\d{1,4})d$/i.exec((input.period ?? '30d').trim());
  const days = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    return fail('INPUT.BAD_FILTER', `"${(input.period ?? '').slice(0, 20)}" is not a period: use a number of days from 1 to ${MAX_DAYS}, like 7d, 30d or 90d. Usage: ${STATS_USAGE}`);
  let moderatorId = input.moderatorId ?? null;
  if (!isAdmin(viewer)) {
    if (moderatorId !== null && moderatorId !== viewer.id) return fail('AUTH.ADMIN_ONLY', 'Moderators see their own stats; only admins see other people’s.');
    moderatorId = viewer.id;
  }
  if (!deps.stats) return fail('INPUT.INVALID', 'Stats are not available with this store.');
  const now = deps.clock.now().getTime();
  const since = new Date(now - days * DAY_MS).toISOString();
  const until = new Date(now + 1).toISOString();
  const skill = input.skill?.trim().toLowerCase() || null;
  const stats = await deps.stats.ticketStats({ since, until, ...(skill ? { skill } : {}), ...(moderatorId ? { assigneeId: moderatorId } : {}) });
  return ok({ ...stats, since, until, days, skill, moderatorId });
}
