import { fail, ok, type Result } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import type { DashboardDeps } from '../ports/dashboard.js';
import type { HelpdeskDeps } from './deps.js';

/** A sign-in link works once, within this time. */
export const LOGIN_LINK_TTL_MS = 10 * 60_000;
/** A session unused this long is over. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** Requests refresh a session's last-seen time at most this often (one write per few minutes, not per page). */
const TOUCH_EVERY_MS = 5 * 60_000;

export const DASHBOARD_OFF = 'The web dashboard is off: the bot needs PORT and PUBLIC_URL set to serve it.';
const LINK_REFUSED = 'This sign-in link was already used or has expired. Type /dashboard in chat for a new one.';

type Deps = Pick<HelpdeskDeps, 'store' | 'clock'> & { readonly dashboard?: DashboardDeps };

export interface DashboardLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** A signed-in request: who it is, and the form token bound to this session. */
export interface DashboardSession {
  readonly person: Person;
  readonly csrfToken: string;
}

/** `/dashboard`: a private one-time link for this person, valid for ten minutes. */
export async function issueDashboardLink(deps: Deps, input: { actorId: string }): Promise<Result<DashboardLink>> {
  const d = deps.dashboard;
  if (!d) return fail('INPUT.INVALID', DASHBOARD_OFF);
  const person = await deps.store.getPerson(input.actorId);
  if (!person) return fail('PERSON.NOT_FOUND', 'You are not known to the helpdesk yet.');
  const now = deps.clock.now().getTime();
  await d.sessions.pruneDashboard(new Date(now).toISOString(), new Date(now - SESSION_IDLE_MS).toISOString());
  const secret = d.secrets.newSecret();
  const expiresAt = new Date(now + LOGIN_LINK_TTL_MS).toISOString();
  await d.sessions.putLoginToken({ tokenHash: d.hasher.sha256Hex(`login:${secret}`), personId: person.id, createdAt: new Date(now).toISOString(), expiresAt });
  return ok({ url: `${d.baseUrl}/login?token=${encodeURIComponent(secret)}`, expiresAt });
}

/** Opening the link: it is spent, and a new session begins. Returns the cookie's secret. */
export async function signInWithLink(deps: Deps, token: string): Promise<Result<{ sessionSecret: string; person: Person }>> {
  const d = deps.dashboard;
  if (!d) return fail('INPUT.INVALID', DASHBOARD_OFF);
  if (!token || token.length > 200) return fail('AUTH.LINK_INVALID', LINK_REFUSED);
  const at = deps.clock.now().toISOString();
  const personId = await d.sessions.consumeLoginToken(d.hasher.sha256Hex(`login:${token}`), at);
  const person = personId === null ? null : await deps.store.getPerson(personId);
  if (!person) return fail('AUTH.LINK_INVALID', LINK_REFUSED);
  const sessionSecret = d.secrets.newSecret();
  await d.sessions.putSession({ sessionHash: sessionHash(d, sessionSecret), personId: person.id, createdAt: at, lastSeenAt: at });
  return ok({ sessionSecret, person });
}

/** The person behind a session cookie, or null when it is unknown or idle too long (then it is deleted). */
export async function dashboardSession(deps: Deps, sessionSecret: string): Promise<DashboardSession | null> {
  const d = deps.dashboard;
  if (!d || !sessionSecret || sessionSecret.length > 200) return null;
  const hash = sessionHash(d, sessionSecret);
  const record = await d.sessions.getSession(hash);
  if (!record) return null;
  const now = deps.clock.now().getTime();
  const idle = now - Date.parse(record.lastSeenAt);
  if (idle >= SESSION_IDLE_MS) {
    await d.sessions.deleteSession(hash);
    return null;
  }
  const person = await deps.store.getPerson(record.personId);
  if (!person) return null;
  if (idle >= TOUCH_EVERY_MS) await d.sessions.touchSession(hash, new Date(now).toISOString());
  return { person, csrfToken: csrfTokenFor(d, sessionSecret) };
}

/** Signing out of this browser. */
export async function signOut(deps: Deps, sessionSecret: string): Promise<void> {
  if (deps.dashboard && sessionSecret) await deps.dashboard.sessions.deleteSession(sessionHash(deps.dashboard, sessionSecret));
}

/** `/dashboard logout-everywhere`: every session of the person ends, and unused links stop working. */
export async function logoutEverywhere(deps: Deps, input: { actorId: string }): Promise<Result<number>> {
  const d = deps.dashboard;
  if (!d) return fail('INPUT.INVALID', DASHBOARD_OFF);
  return ok(await d.sessions.deleteSessionsOf(input.actorId));
}

/** Whether a form's token belongs to this session (forms of another session or site are refused). */
export function csrfTokenMatches(session: DashboardSession, token: string | undefined): boolean {
  const expected = session.csrfToken;
  if (typeof token !== 'string' || token.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}

function sessionHash(d: DashboardDeps, secret: string): string {
  return d.hasher.sha256Hex(`session:${secret}`);
}

/** Derived from the session's secret, so it is bound to it without being stored. */
function csrfTokenFor(d: DashboardDeps, secret: string): string {
  return d.hasher.sha256Hex(`csrf:${secret}`);
}

export const DASHBOARD_USAGE = '/dashboard (a private sign-in link) · /dashboard logout-everywhere (end all your dashboard sessions)';

/**
 * The `/dashboard` chat command, the same on every surface: no argument
 * issues a link, `logout-everywhere` ends the person's sessions. The reply
 * is for that person only (surfaces answer ephemerally).
 */
export async function dashboardCommand(deps: Deps, input: { actorId: string; text: string }): Promise<Result<string>> {
  const arg = input.text.trim().toLowerCase();
  if (arg === 'logout-everywhere' || arg === 'logout') {
    const ended = await logoutEverywhere(deps, input);
    if (!ended.ok) return ended;
    return ok(ended.value === 0 ? 'You had no dashboard sessions; unused sign-in links no longer work.' : `Signed out of the dashboard everywhere (${ended.value} session${ended.value === 1 ? '' : 's'} ended).`);
  }
  if (arg !== '') return fail('INPUT.BAD_COMMAND', `Unknown option "${arg.slice(0, 30)}". Usage: ${DASHBOARD_USAGE}`);
  const link = await issueDashboardLink(deps, input);
  if (!link.ok) return link;
  return ok(`Your dashboard sign-in link (only for you, works once, for 10 minutes): ${link.value.url}`);
}
