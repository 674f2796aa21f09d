import type { Connection, mongo } from 'mongoose';

type Collection<T extends mongo.Document> = mongo.Collection<T>;
import type { DashboardSessionRecord, DashboardSessionStore, LoginTokenRecord } from '../../core/index.js';

interface LinkDoc {
  _id: string;
  personId: string;
  createdAt: string;
  expiresAt: Date;
}

interface SessionDoc {
  _id: string;
  personId: string;
  createdAt: string;
  lastSeenAt: Date;
}

/**
 * The web dashboard's sign-in links and sessions on MongoDB, keyed by the
 * SHA-256 of their secrets. Spending a link is one findOneAndDelete, so two
 * racing uses cannot both sign in, on any deployment.
 */
export class MongoDashboardSessions implements DashboardSessionStore {
  private readonly links: Collection<LinkDoc>;
  private readonly sessions: Collection<SessionDoc>;
  private indexed: Promise<unknown> | null = null;

  constructor(conn: Connection) {
    this.links = conn.collection<LinkDoc>('dashboard_links');
    this.sessions = conn.collection<SessionDoc>('dashboard_sessions');
  }

  /** The person indexes, made on first use (small collections; logging out everywhere filters by person). */
  private ready(): Promise<unknown> {
    this.indexed ??= Promise.all([this.links.createIndex({ personId: 1 }), this.sessions.createIndex({ personId: 1 })]);
    return this.indexed;
  }

  async putLoginToken(r: LoginTokenRecord): Promise<void> {
    await this.ready();
    await this.links.replaceOne({ _id: r.tokenHash }, { personId: r.personId, createdAt: r.createdAt, expiresAt: new Date(r.expiresAt) }, { upsert: true });
  }

  async consumeLoginToken(tokenHash: string, now: string): Promise<string | null> {
    const doc = await this.links.findOneAndDelete({ _id: tokenHash });
    return doc && Date.parse(now) < doc.expiresAt.getTime() ? doc.personId : null;
  }

  async putSession(r: DashboardSessionRecord): Promise<void> {
    await this.ready();
    await this.sessions.replaceOne({ _id: r.sessionHash }, { personId: r.personId, createdAt: r.createdAt, lastSeenAt: new Date(r.lastSeenAt) }, { upsert: true });
  }

  async getSession(sessionHash: string): Promise<DashboardSessionRecord | null> {
    const doc = await this.sessions.findOne({ _id: sessionHash });
    return doc ? { sessionHash: doc._id, personId: doc.personId, createdAt: doc.createdAt, lastSeenAt: doc.lastSeenAt.toISOString() } : null;
  }

  async touchSession(sessionHash: string, at: string): Promise<void> {
    await this.sessions.updateOne({ _id: sessionHash }, { $set: { lastSeenAt: new Date(at) } });
  }

  async deleteSession(sessionHash: string): Promise<void> {
    await this.sessions.deleteOne({ _id: sessionHash });
  }

  async deleteSessionsOf(personId: string): Promise<number> {
    await this.links.deleteMany({ personId });
    return (await this.sessions.deleteMany({ personId })).deletedCount;
  }

  async pruneDashboard(now: string, idleBefore: string): Promise<void> {
    await this.links.deleteMany({ expiresAt: { $lte: new Date(now) } });
    await this.sessions.deleteMany({ lastSeenAt: { $lt: new Date(idleBefore) } });
  }
}
