import type { DashboardSessionRecord, DashboardSessionStore, LoginTokenRecord } from '../ports/dashboard.js';

/** Sign-in links and sessions in memory: the reference for the contract suite, and the store for tests. */
export class MemoryDashboardSessions implements DashboardSessionStore {
  private readonly tokens = new Map<string, LoginTokenRecord>();
  private readonly sessions = new Map<string, DashboardSessionRecord>();

  async putLoginToken(record: LoginTokenRecord): Promise<void> {
    this.tokens.set(record.tokenHash, record);
  }

  async consumeLoginToken(tokenHash: string, now: string): Promise<string | null> {
    const record = this.tokens.get(tokenHash);
    if (!record) return null;
    this.tokens.delete(tokenHash);
    return Date.parse(now) < Date.parse(record.expiresAt) ? record.personId : null;
  }

  async putSession(record: DashboardSessionRecord): Promise<void> {
    this.sessions.set(record.sessionHash, record);
  }

  async getSession(sessionHash: string): Promise<DashboardSessionRecord | null> {
    return this.sessions.get(sessionHash) ?? null;
  }

  async touchSession(sessionHash: string, at: string): Promise<void> {
    const s = this.sessions.get(sessionHash);
    if (s) this.sessions.set(sessionHash, { ...s, lastSeenAt: at });
  }

  async deleteSession(sessionHash: string): Promise<void> {
    this.sessions.delete(sessionHash);
  }

  async deleteSessionsOf(personId: string): Promise<number> {
    let n = 0;
    for (const [k, s] of this.sessions) if (s.personId === personId) n += this.sessions.delete(k) ? 1 : 0;
    for (const [k, t] of this.tokens) if (t.personId === personId) this.tokens.delete(k);
    return n;
  }

  async pruneDashboard(now: string, idleBefore: string): Promise<void> {
    for (const [k, t] of this.tokens) if (Date.parse(t.expiresAt) <= Date.parse(now)) this.tokens.delete(k);
    for (const [k, s] of this.sessions) if (Date.parse(s.lastSeenAt) < Date.parse(idleBefore)) this.sessions.delete(k);
  }
}
