import type { AuditEntry } from '../domain/audit.js';
import type { Availability, NewPerson, Person, Role } from '../domain/person.js';
import type { SavedReply } from '../domain/saved-reply.js';
import type { Iso, LoadDelta, NewTicket, Priority, Ticket, TicketStatus } from '../domain/ticket.js';
import type { IntakeStore } from './intake.js';
import type { Job, JobStore, NewJob } from './jobs.js';

/** Filters for listing tickets; every field narrows the result (AND). */
export interface TicketQuery {
  readonly statuses?: readonly TicketStatus[];
  readonly priorities?: readonly Priority[];
  /** Tickets needing any of these canonical skills. */
  readonly skills?: readonly string[];
  readonly requesterId?: string;
  /** A person id, or null for "unassigned". */
  readonly assigneeId?: string | null;
  /**
   * Visible to a moderator: assigned to this person, or unassigned.
   * Combined with the other filters.
   */
  readonly assignedToOrUnassigned?: string;
  /** Only tickets created at or after this time. */
  readonly createdAfter?: Iso;
  /** Case-insensitive substring match on title and description. */
  readonly text?: string;
  /** Only tickets created at or before this time (`older:3d`). */
  readonly createdBefore?: Iso;
  /**
   * Newest first by default. `queue`: priority (HIGH first), then oldest
   * first within a priority (creation time, then ref); served from an index.
   * `updated`: most recently changed first (then the highest ref).
   */
  readonly order?: 'newest' | 'oldest' | 'queue' | 'updated';
  readonly limit?: number;
  readonly offset?: number;
}

export interface TicketUpdate {
  /** The version the caller read; the store rejects the save with VersionConflict otherwise. */
  readonly expectedVersion: number;
  /** Applied to people's `openTickets` in the same transaction. */
  readonly loadDeltas?: readonly LoadDelta[];
  /** Set on the assignee's `lastAssignedAt` when the ticket was (re)assigned. */
  readonly assignedAt?: { readonly personId: string; readonly at: Iso };
  /** Jobs enqueued atomically with the save (follow-ups, SLA timers). */
  readonly jobs?: readonly NewJob[];
  /** Pending jobs cancelled atomically with the save, by exact key. */
  readonly cancelJobKeys?: readonly string[];
  /** Audit entries written with the save (by id: a repeated id is written once). */
  readonly audit?: readonly AuditEntry[];
}

export interface CreatedTicket {
  readonly ticket: Ticket;
  /** False when the idempotency key matched an existing ticket, which is returned instead. */
  readonly created: boolean;
}

export interface PersonPatch {
  readonly displayName?: string;
  readonly email?: string | null;
  readonly role?: Role;
  readonly skills?: readonly string[];
  readonly availability?: Availability;
  readonly prefersEmail?: boolean;
}

export interface TicketStore {
  /**
   * Allocates the next ref and stores the ticket and its jobs in one
   * transaction. With an idempotency key already used, stores nothing and
   * returns the earlier ticket with `created: false`.
   */
  createTicket(input: NewTicket, jobs: readonly NewJob[]): Promise<CreatedTicket>;
  getTicket(id: string): Promise<Ticket | null>;
  getTicketByRef(ref: number): Promise<Ticket | null>;
  /** The ticket created with this idempotency key (a retried delivery), if any. */
  findTicketByIdempotencyKey(key: string): Promise<Ticket | null>;
  /** Saves `next` (whose version must be `expectedVersion`); returns it with version + 1. */
  updateTicket(next: Ticket, update: TicketUpdate): Promise<Ticket>;
  listTickets(query: TicketQuery): Promise<Ticket[]>;
  countTickets(query: TicketQuery): Promise<number>;
  /** Resolved tickets in ref order after `afterRef`, for (re)building the similar-ticket index. */
  listResolvedTickets(afterRef: number, limit: number): Promise<Ticket[]>;
  /**
   * Tickets that are or were resolved (status DONE, or a resolution kept
   * after a reopen) whose `updatedAt` is after `after` (ties broken by id),
   * oldest change first: what every process's similar-ticket index catches
   * up from. `null` starts from the beginning. Served from an index on
   * (updatedAt, id).
   */
  listResolvedChanges(after: TicketChangeCursor | null, limit: number): Promise<Ticket[]>;
}

/** A position in the (updatedAt, id) order of ticket changes. */
export interface TicketChangeCursor {
  readonly updatedAt: Iso;
  readonly id: string;
}

export interface PersonStore {
  getPerson(id: string): Promise<Person | null>;
  findPersonByIdentity(identity: string): Promise<Person | null>;
  /** People whose email matches (case-insensitive), for admin-confirmed linking. */
  findPeopleByEmail(email: string): Promise<Person[]>;
  /** Creates the person unless the identity exists; either way returns the owner. Race-safe. */
  ensurePerson(input: NewPerson): Promise<Person>;
  /**
   * Applies a patch; the version check guards admin edits that race.
   * `audit` entries are written with the change (in the same transaction
   * where the database has them).
   */
  updatePerson(id: string, patch: PersonPatch, expectedVersion: number, at: Iso, audit?: readonly AuditEntry[]): Promise<Person>;
  /** Adds an identity to a person. Fails if another person holds it. */
  addIdentity(personId: string, identity: string, at: Iso): Promise<Person>;
  listPeople(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Promise<Person[]>;
  /**
   * Available moderators and admins holding any of `skills`, plus every
   * available admin (the fallback). Served from indexes, not a scan.
   */
  listAssignmentCandidates(skills: readonly string[]): Promise<Person[]>;
  /** Distinct skills held by moderators and admins, for triage. */
  listStaffSkills(): Promise<string[]>;
}

/** Remembers keys for a while, so a retried delivery or double click acts once. */
export interface DedupeStore {
  /** True the first time a key is seen within `ttlMs`; false for repeats. */
  claimOnce(key: string, ttlMs: number, now: Iso): Promise<boolean>;
}

/** Small durable key-value space for adapters (Slack thread ids, email Message-IDs, cursors). */
export interface KeyValueStore {
  getValue(namespace: string, key: string): Promise<string | null>;
  setValue(namespace: string, key: string, value: string): Promise<void>;
}

/** Which audit entries to read: newest first, a page at a time. */
export interface AuditQuery {
  /** Entries this person did or that were about them. */
  readonly involving?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The admin record of staff actions (see AuditEntry). Entries are written with the changes they describe. */
export interface AuditStore {
  /** Newest first (time, then id). */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  countAudit(query: AuditQuery): Promise<number>;
}

/** Saved replies, keyed by name. Each change is written with its audit entries. */
export interface SavedReplyStore {
  getSavedReply(name: string): Promise<SavedReply | null>;
  /** Every saved reply, by name. */
  listSavedReplies(): Promise<SavedReply[]>;
  /** Creates or replaces the reply of that name. */
  putSavedReply(reply: SavedReply, audit: readonly AuditEntry[]): Promise<void>;
  /** False when no reply has that name (and then nothing is written). */
  deleteSavedReply(name: string, audit: readonly AuditEntry[]): Promise<boolean>;
}

/** Everything the helpdesk persists. One implementation per database; one contract suite for all. */
export interface Store extends TicketStore, PersonStore, JobStore, DedupeStore, KeyValueStore, IntakeStore, AuditStore, SavedReplyStore {
  /** Human name for the start-up log (`sqlite:./data/helpdesk.db`). */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * One durable record of a store, as `npm run store:copy` moves it between
 * stores. Refs, ids, versions, history and job state travel unchanged.
 */
export type StoreRecord =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'ticket'; readonly ticket: Ticket; readonly idempotencyKey: string | null }
  | { readonly kind: 'job'; readonly job: Job }
  | { readonly kind: 'value'; readonly namespace: string; readonly key: string; readonly value: string }
  | { readonly kind: 'reply'; readonly reply: SavedReply }
  | { readonly kind: 'audit'; readonly entry: AuditEntry };

export type StoreRecordKind = StoreRecord['kind'];

/** What importing one record did to the target. */
export type ImportOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Optional bulk export and import, implemented by the database stores so a
 * helpdesk can move between them. Dedupe keys are not copied (they expire
 * within minutes); finished jobs are not copied (they are history).
 */
export interface StoreCopy {
  /**
   * Every person, then every ticket in ref order, then every unfinished
   * job (pending, waiting, or running with its lease), then every
   * key-value pair, saved reply and audit entry.
   */
  exportRecords(): AsyncIterable<StoreRecord>;
  /**
   * Writes one record, keyed by id (people, tickets, audit entries), key
   * (jobs), name (saved replies) or namespace and key (values). Idempotent: a record equal to the stored
   * one is left alone. Refs stay as they are and later tickets are numbered
   * after the highest ref. Throws when the record clashes with different
   * data (another ticket with the same ref, an identity held by another
   * person).
   */
  importRecord(record: StoreRecord): Promise<ImportOutcome>;
  /** How many records of each kind `exportRecords` yields right now. */
  countRecords(): Promise<Record<StoreRecordKind, number>>;
}
