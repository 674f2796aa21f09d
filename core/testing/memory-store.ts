/**
 * The in-memory Store: the reference implementation of the store port, used
 * by tests across the project. It keeps the exact semantics the database
 * adapters keep (checked by core/ports/store.contract.ts): values are copied
 * as JSON on the way in and out, so callers can never mutate stored state
 * and anything that would not survive a database does not survive here
 * either. Every method body runs without awaiting, so each call is atomic.
 */
import type { AuditEntry } from '../domain/audit.js';
import { HistoryShortenedError, VersionConflict } from '../domain/errors.js';
import type { SavedReply } from '../domain/saved-reply.js';
import { newPersonRecord, type NewPerson, type Person, type Role } from '../domain/person.js';
import { newTicketRecord, type Iso, type NewTicket, type Ticket } from '../domain/ticket.js';
import type { TicketWithdrawal, WatchedChannel } from '../ports/intake.js';
import type { NewJob } from '../ports/jobs.js';
import type { AuditQuery, CreatedTicket, PersonPatch, Store, TicketQuery, TicketUpdate } from '../ports/store.js';
import type { TicketChangeCursor } from '../ports/store.js';
import { copy, MemoryJobQueue, prepareJob } from './memory-jobs.js';
import { auditOrder, matchesAuditQuery, matchesTicketQuery, normalizeIso, ticketOrder } from './memory-store-rules.js';

/** The in-memory Store; `new MemoryStore()` starts empty. Jobs live in MemoryJobQueue. */
export class MemoryStore extends MemoryJobQueue implements Store {
  readonly description = 'memory';
  private readonly tickets = new Map<string, Ticket>();
  private readonly ticketIdByRef = new Map<number, string>();
  private readonly ticketIdByIdempotencyKey = new Map<string, string>();
  private lastRef = 0;
  private readonly people = new Map<string, Person>();
  private readonly personIdByIdentity = new Map<string, string>();
  private readonly dedupe = new Map<string, number>();
  private readonly values = new Map<string, string>();
  private readonly audit = new Map<string, AuditEntry>();
  private readonly replies = new Map<string, SavedReply>();
  private readonly watched = new Map<string, WatchedChannel>();

  // ---- tickets --------------------------------------------------------

  async createTicket(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket> {
    const key = input.idempotencyKey;
    const earlierId = key === undefined ? undefined : this.ticketIdByIdempotencyKey.get(key);
    if (earlierId !== undefined) return { ticket: copy(this.mustGetTicket(earlierId)), created: false };
    if (this.tickets.has(input.id)) throw new Error(`ticket ${input.id} already exists`);
    // Copy everything before changing anything, so a bad value changes nothing.
    const ticket = copy(newTicketRecord(input, this.lastRef + 1));
    const newJobs = jobs.map(prepareJob);
    this.lastRef = ticket.ref;
    this.tickets.set(ticket.id, ticket);
    this.ticketIdByRef.set(ticket.ref, ticket.id);
    if (key !== undefined) this.ticketIdByIdempotencyKey.set(key, ticket.id);
    for (const job of newJobs) this.insertJob(job, input.createdAt);
    return { ticket: copy(ticket), created: true };
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const t = this.tickets.get(id);
    return t ? copy(t) : null;
  }

  async findTicketByIdempotencyKey(key: string): Promise<Ticket | null> {
    const id = this.ticketIdByIdempotencyKey.get(key);
    return id === undefined ? null : copy(this.mustGetTicket(id));
  }

  async getTicketByRef(ref: number): Promise<Ticket | null> {
    const id = this.ticketIdByRef.get(ref);
    return id === undefined ? null : copy(this.mustGetTicket(id));
  }

  async updateTicket(next: Ticket, update: TicketUpdate): Promise<Ticket> {
    const stored = this.tickets.get(next.id);
    if (!stored) throw new Error(`ticket ${next.id} does not exist`);
    if (stored.version !== update.expectedVersion) throw new VersionConflict('ticket', next.id);
    // History is append-only in every store (the database stores never rewrite a stored entry).
    if (next.history.length < stored.history.length) throw new HistoryShortenedError(next.id, stored.history.length, next.history.length);
    // The ref, id and requester never change; the version is the store's to count.
    const saved: Ticket = copy({ ...next, id: stored.id, ref: stored.ref, version: stored.version + 1 });
    const newJobs = (update.jobs ?? []).map(prepareJob);
    const audit = copy(update.audit ?? []);
    this.tickets.set(saved.id, saved);
    this.writeAudit(audit);
    for (const { personId, delta } of update.loadDeltas ?? []) {
      const p = this.people.get(personId);
      if (p) this.people.set(personId, { ...p, openTickets: p.openTickets + delta });
    }
    if (update.assignedAt) {
      const p = this.people.get(update.assignedAt.personId);
      if (p) this.people.set(p.id, { ...p, lastAssignedAt: update.assignedAt.at });
    }
    for (const job of newJobs) this.insertJob(job, saved.updatedAt);
    if (update.cancelJobKeys?.length) this.cancelByKeys(update.cancelJobKeys, saved.updatedAt);
    return copy(saved);
  }

  async listTickets(query: TicketQuery): Promise<Ticket[]> {
    const rows = [...this.tickets.values()].filter((t) => matchesTicketQuery(t, query)).sort(ticketOrder(query.order));
    const offset = query.offset ?? 0;
    const end = query.limit === undefined ? undefined : offset + query.limit;
    return rows.slice(offset, end).map(copy);
  }

  async countTickets(query: TicketQuery): Promise<number> {
    let n = 0;
    for (const t of this.tickets.values()) if (matchesTicketQuery(t, query)) n++;
    return n;
  }

  async listResolvedTickets(afterRef: number, limit: number): Promise<Ticket[]> {
    return [...this.tickets.values()]
      .filter((t) => t.status === 'DONE' && t.ref > afterRef)
      .sort((a, b) => a.ref - b.ref)
      .slice(0, limit)
      .map(copy);
  }

  async listResolvedChanges(after: TicketChangeCursor | null, limit: number): Promise<Ticket[]> {
    const later = (t: Ticket) => !after || t.updatedAt > after.updatedAt || (t.updatedAt === after.updatedAt && t.id > after.id);
    return [...this.tickets.values()]
      .filter((t) => (t.status === 'DONE' || t.resolution !== null) && later(t))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map(copy);
  }

  // ---- people ---------------------------------------------------------

  async getPerson(id: string): Promise<Person | null> {
    const p = this.people.get(id);
    return p ? copy(p) : null;
  }

  async findPersonByIdentity(identity: string): Promise<Person | null> {
    const id = this.personIdByIdentity.get(identity);
    return id === undefined ? null : this.getPerson(id);
  }

  async findPeopleByEmail(email: string): Promise<Person[]> {
    const wanted = email.toLowerCase();
    return [...this.people.values()].filter((p) => p.email !== null && p.email.toLowerCase() === wanted).map(copy);
  }

  async ensurePerson(input: NewPerson): Promise<Person> {
    const owner = this.personIdByIdentity.get(input.identity);
    if (owner !== undefined) return copy(this.mustGetPerson(owner));
    if (this.people.has(input.id)) throw new Error(`person ${input.id} already exists`);
    const person = copy(newPersonRecord(input));
    this.people.set(person.id, person);
    this.personIdByIdentity.set(input.identity, person.id);
    return copy(person);
  }

  async updatePerson(id: string, patch: PersonPatch, expectedVersion: number, at: Iso, audit: readonly AuditEntry[] = []): Promise<Person> {
    const p = this.mustGetPerson(id);
    if (p.version !== expectedVersion) throw new VersionConflict('person', id);
    const next: Person = copy({ ...p, ...patch, updatedAt: at, version: p.version + 1 });
    const entries = copy(audit);
    this.people.set(id, next);
    this.writeAudit(entries);
    return copy(next);
  }

  async addIdentity(personId: string, identity: string, at: Iso): Promise<Person> {
    const p = this.mustGetPerson(personId);
    const owner = this.personIdByIdentity.get(identity);
    if (owner === personId) return copy(p);
    if (owner !== undefined) throw new Error(`identity ${identity} already belongs to another person`);
    const next: Person = { ...p, identities: [...p.identities, identity], updatedAt: at, version: p.version + 1 };
    this.people.set(personId, next);
    this.personIdByIdentity.set(identity, personId);
    return copy(next);
  }

  async listPeople(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]> {
    const { roles, skill, limit } = filter;
    const rows = [...this.people.values()].filter(
      (p) => (roles === undefined || roles.includes(p.role)) && (skill === undefined || p.skills.includes(skill)),
    );
    return rows.slice(0, limit).map(copy);
  }

  async listAssignmentCandidates(skills: readonly string[]): Promise<Person[]> {
    const wanted = new Set(skills);
    return [...this.people.values()]
      .filter(
        (p) =>
          p.availability === 'available' &&
          (p.role === 'admin' || (p.role === 'moderator' && p.skills.some((s) => wanted.has(s)))),
      )
      .map(copy);
  }

  async listStaffSkills(): Promise<string[]> {
    const skills = new Set<string>();
    for (const p of this.people.values()) if (p.role !== 'user') for (const s of p.skills) skills.add(s);
    return [...skills].sort();
  }

  // ---- dedupe and key-value ---------------------------------------------

  async claimOnce(key: string, ttlMs: number, now: Iso): Promise<boolean> {
    const nowMs = Date.parse(now);
    const expiresAt = this.dedupe.get(key);
    if (expiresAt !== undefined && expiresAt > nowMs) return false;
    this.dedupe.set(key, nowMs + ttlMs);
    return true;
  }

  async getValue(namespace: string, key: string): Promise<string | null> {
    return this.values.get(`${namespace}\u0000${key}`) ?? null;
  }

  async setValue(namespace: string, key: string, value: string): Promise<void> {
    this.values.set(`${namespace}\u0000${key}`, value);
  }

  // ---- intake ---------------------------------------------------------

  async watchChannel(channel: WatchedChannel): Promise<boolean> {
    const key = `${channel.platform}:${channel.channelId}`;
    if (this.watched.has(key)) return false;
    this.watched.set(key, copy(channel));
    return true;
  }

  async unwatchChannel(platform: string, channelId: string): Promise<boolean> {
    return this.watched.delete(`${platform}:${channelId}`);
  }

  async getWatchedChannel(platform: string, channelId: string): Promise<WatchedChannel | null> {
    const w = this.watched.get(`${platform}:${channelId}`);
    return w ? copy(w) : null;
  }

  async listWatchedChannels(platform: string): Promise<WatchedChannel[]> {
    return [...this.watched.values()].filter((w) => w.platform === platform).map(copy);
  }

  async withdrawTicket(id: string, withdrawal: TicketWithdrawal): Promise<void> {
    const stored = this.tickets.get(id);
    if (!stored || stored.version !== withdrawal.expectedVersion) throw new VersionConflict('ticket', id);
    this.tickets.delete(id);
    this.ticketIdByRef.delete(stored.ref);
    for (const [key, ticketId] of this.ticketIdByIdempotencyKey) if (ticketId === id) this.ticketIdByIdempotencyKey.delete(key);
    for (const { personId, delta } of withdrawal.loadDeltas) {
      const p = this.people.get(personId);
      if (p) this.people.set(personId, { ...p, openTickets: p.openTickets + delta });
    }
    if (withdrawal.cancelJobKeys.length) this.cancelByKeys(withdrawal.cancelJobKeys, withdrawal.at);
  }

  // ---- audit and saved replies ------------------------------------------

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = [...this.audit.values()].filter((e) => matchesAuditQuery(e, query)).sort(auditOrder);
    const offset = query.offset ?? 0;
    return rows.slice(offset, query.limit === undefined ? undefined : offset + query.limit).map(copy);
  }

  async countAudit(query: AuditQuery): Promise<number> {
    let n = 0;
    for (const e of this.audit.values()) if (matchesAuditQuery(e, query)) n++;
    return n;
  }

  async getSavedReply(name: string): Promise<SavedReply | null> {
    const r = this.replies.get(name);
    return r ? copy(r) : null;
  }

  async listSavedReplies(): Promise<SavedReply[]> {
    return [...this.replies.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(copy);
  }

  async putSavedReply(reply: SavedReply, audit: readonly AuditEntry[]): Promise<void> {
    const entries = copy(audit);
    this.replies.set(reply.name, copy(reply));
    this.writeAudit(entries);
  }

  async deleteSavedReply(name: string, audit: readonly AuditEntry[]): Promise<boolean> {
    if (!this.replies.has(name)) return false;
    const entries = copy(audit);
    this.replies.delete(name);
    this.writeAudit(entries);
    return true;
  }

  async close(): Promise<void> {
    // Nothing to release; data lives as long as the object.
  }

  /** Audit entries are keyed by id: a repeated save writes its entry once. */
  private writeAudit(entries: readonly AuditEntry[]): void {
    for (const e of entries) if (!this.audit.has(e.id)) this.audit.set(e.id, { ...e, at: normalizeIso(e.at) });
  }

  // ---- internals --------------------------------------------------------

  private mustGetTicket(id: string): Ticket {
    const t = this.tickets.get(id);
    if (!t) throw new Error(`ticket ${id} is missing from its index`);
    return t;
  }

  private mustGetPerson(id: string): Person {
    const p = this.people.get(id);
    if (!p) throw new Error(`person ${id} does not exist`);
    return p;
  }
}
