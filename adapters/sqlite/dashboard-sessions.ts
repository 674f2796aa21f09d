import type Database from 'better-sqlite3';
import type { DashboardSessionRecord, DashboardSessionStore, LoginTokenRecord } from '../../core/index.js';

/**
 * The web dashboard's sign-in links and sessions in the helpdesk database
 * (tables from migration 5). Only hashes of the secrets are stored.
 */
export class SqliteDashboardSessions implements DashboardSessionStore {
  private readonly s: Record<'putToken' | 'consume' | 'putSession' | 'get' | 'touch' | 'del' | 'delOf' | 'delTokensOf' | 'pruneTokens' | 'pruneSessions', Database.Statement>;

  constructor(private readonly db: Database.Database) {
    this.s = {
      putToken: db.prepare('INSERT OR REPLACE INTO dashboard_links (token_hash, person_id, created_at, expires_ms) VALUES (?, ?, ?, ?)'),
      // One statement: deleting the row is what spends the link, so two racing uses cannot both get it.
      consume: db.prepare('DELETE FROM dashboard_links WHERE token_hash = ? RETURNING person_id, expires_ms'),
      putSession: db.prepare('INSERT OR REPLACE INTO dashboard_sessions (session_hash, person_id, created_at, last_seen_ms) VALUES (?, ?, ?, ?)'),
      get: db.prepare('SELECT session_hash, person_id, created_at, last_seen_ms FROM dashboard_sessions WHERE session_hash = ?'),
      touch: db.prepare('UPDATE dashboard_sessions SET last_seen_ms = ? WHERE session_hash = ?'),
      del: db.prepare('DELETE FROM dashboard_sessions WHERE session_hash = ?'),
      delOf: db.prepare('DELETE FROM dashboard_sessions WHERE person_id = ?'),
      delTokensOf: db.prepare('DELETE FROM dashboard_links WHERE person_id = ?'),
      pruneTokens: db.prepare('DELETE FROM dashboard_links WHERE expires_ms <= ?'),
      pruneSessions: db.prepare('DELETE FROM dashboard_sessions WHERE last_seen_ms < ?'),
    };
  }

  async putLoginToken(r: LoginTokenRecord): Promise<void> {
    this.s.putToken.run(r.tokenHash, r.personId, r.createdAt, Date.parse(r.expiresAt));
  }

  async consumeLoginToken(tokenHash: string, now: string): Promise<string | null> {
    const row = this.s.consume.get(tokenHash) as { person_id: string; expires_ms: number } | undefined;
    return row && Date.parse(now) < row.expires_ms ? row.person_id : null;
  }

  async putSession(r: DashboardSessionRecord): Promise<void> {
    this.s.putSession.run(r.sessionHash, r.personId, r.createdAt, Date.parse(r.lastSeenAt));
  }

  async getSession(sessionHash: string): Promise<DashboardSessionRecord | null> {
    const row = this.s.get.get(sessionHash) as { session_hash: string; person_id: string; created_at: string; last_seen_ms: number } | undefined;
    return row ? { sessionHash: row.session_hash, personId: row.person_id, createdAt: row.created_at, lastSeenAt: new Date(row.last_seen_ms).toISOString() } : null;
  }

  async touchSession(sessionHash: string, at: string): Promise<void> {
    this.s.touch.run(Date.parse(at), sessionHash);
  }

  async deleteSession(sessionHash: string): Promise<void> {
    this.s.del.run(sessionHash);
  }

  async deleteSessionsOf(personId: string): Promise<number> {
    return this.db.transaction(() => {
      this.s.delTokensOf.run(personId);
      return this.s.delOf.run(personId).changes;
    })();
  }

  async pruneDashboard(now: string, idleBefore: string): Promise<void> {
    this.db.transaction(() => {
      this.s.pruneTokens.run(Date.parse(now));
      this.s.pruneSessions.run(Date.parse(idleBefore));
    })();
  }
}
