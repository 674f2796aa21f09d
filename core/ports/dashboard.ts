import type { Iso } from '../domain/ticket.js';
import type { Hasher } from './system.js';

/**
 * A one-time sign-in link as stored: only the SHA-256 of its secret is
 * kept, so a copy of the database opens nothing.
 */
export interface LoginTokenRecord {
  readonly tokenHash: string;
  readonly personId: string;
  readonly createdAt: Iso;
  readonly expiresAt: Iso;
}

/** A dashboard session as stored, keyed by the SHA-256 of the cookie's secret. */
export interface DashboardSessionRecord {
  readonly sessionHash: string;
  readonly personId: string;
  readonly createdAt: Iso;
  /** The last request seen (written at most every few minutes); the idle timeout counts from it. */
  readonly lastSeenAt: Iso;
}

/** Sign-in links and sessions of the web dashboard. One contract suite for every store. */
export interface DashboardSessionStore {
  putLoginToken(record: LoginTokenRecord): Promise<void>;
  /**
   * Uses a link: true exactly once for a stored, unexpired token (`now` is
   * before `expiresAt`), atomically, so two clicks racing cannot both sign in.
   * Returns the person the link was issued to, or null.
   */
  consumeLoginToken(tokenHash: string, now: Iso): Promise<string | null>;
  putSession(record: DashboardSessionRecord): Promise<void>;
  getSession(sessionHash: string): Promise<DashboardSessionRecord | null>;
  touchSession(sessionHash: string, at: Iso): Promise<void>;
  deleteSession(sessionHash: string): Promise<void>;
  /** Ends every session of the person and drops their unused links; returns how many sessions ended. */
  deleteSessionsOf(personId: string): Promise<number>;
  /** Forgets links that expired before `now` and sessions idle since before `idleBefore`. */
  pruneDashboard(now: Iso, idleBefore: Iso): Promise<void>;
}

/** Unguessable secrets for links and cookies (a CSPRNG in production). */
export interface SecretSource {
  /** At least 128 bits of randomness, URL-safe. */
  newSecret(): string;
}

/** What the web dashboard needs besides the helpdesk's own ports; absent: the dashboard is off. */
export interface DashboardDeps {
  readonly sessions: DashboardSessionStore;
  readonly hasher: Hasher;
  readonly secrets: SecretSource;
  /** Where people open the dashboard (`PUBLIC_URL`), without a trailing slash. */
  readonly baseUrl: string;
}
