/**
 * Mongoose schemas and models of the MongoDB store, bound to one dedicated
 * connection. Every query the store port serves has an index here; open()
 * builds them all before the store is used, so unique constraints hold from
 * the first write.
 *
 * Times that are compared (createdAt, runAt, dueAt, expiresAt …) are BSON
 * dates; domain blobs (history entries, origin, triage, similar tickets)
 * are stored as plain sub-documents; job data and step results are JSON text because
 * their keys are arbitrary and MongoDB field names may not contain `.` or
 * start with `$`.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { metricsModel, type MetricsDoc } from './stats.js';

const Mixed = Schema.Types.Mixed;
const options = { versionKey: false, strict: 'throw', strictQuery: true, minimize: false, autoIndex: false, autoCreate: false } as const;

export interface TicketDoc {
  _id: string;
  /** Absent while the ticket is being created (see tickets.ts). */
  ref?: number;
  title: string;
  description: string;
  titleLower: string;
  descriptionLower: string;
  status: string;
  priority: string;
  /** Queue order of the priority (HIGH 0, MEDIUM 1, LOW 2), for sorting the queue from an index. */
  priorityRank: number;
  category: string;
  skills: string[];
  summary: string;
  notes: string;
  suggestedFix: string | null;
  similar: unknown[];
  triage: unknown;
  requesterId: string;
  assigneeId: string | null;
  unassignedReason: string | null;
  origin: unknown;
  resolution: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  resolvedAt: Date | null;
  version: number;
  /** How many history entries the ticket has (the entries are in ticket_history, see history.ts). */
  historyLength?: number;
  /** The whole history, as releases before ticket_history kept it; moved out at open (see history.ts). */
  history?: unknown[];
  idempotencyKey?: string;
  /** Set while the ticket has no ref yet, for crash recovery. */
  pendingSince?: Date;
  /** Side effects of saves not yet applied to other documents (see outbox.ts). */
  outbox: OutboxEntry[];
}

/** One side effect of a ticket save, applied after the save and then removed. */
export type OutboxEntry =
  | { id: string; at: Date; op: 'job'; name: string; key: string; data: string; runAt: Date }
  | { id: string; at: Date; op: 'cancel'; keys: string[] }
  | { id: string; at: Date; op: 'load'; personId: string; delta: number }
  | { id: string; at: Date; op: 'assigned'; personId: string; assignedAt: Date }
  | { id: string; at: Date; op: 'audit'; entry: string }
  | { id: string; at: Date; op: 'history'; from: number; entries: unknown[] };

const ticketSchema = new Schema<TicketDoc>(
  {
    _id: { type: String, required: true },
    ref: { type: Number },
    title: { type: String },
    description: { type: String },
    titleLower: { type: String },
    descriptionLower: { type: String },
    status: { type: String },
    priority: { type: String },
    priorityRank: { type: Number },
    category: { type: String },
    skills: { type: [String], default: undefined },
    summary: { type: String },
    notes: { type: String },
    suggestedFix: { type: String, default: null },
    similar: { type: [Mixed], default: undefined },
    triage: { type: Mixed, default: null },
    requesterId: { type: String, required: true },
    assigneeId: { type: String, default: null },
    unassignedReason: { type: String, default: null },
    origin: { type: Mixed, required: true },
    resolution: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    historyLength: { type: Number },
    history: { type: [Mixed], default: undefined },
    idempotencyKey: { type: String },
    pendingSince: { type: Date },
    // Typed loosely for mongoose: entries are written and read only by outbox.ts.
    outbox: { type: [Mixed] as unknown as OutboxEntry[], default: undefined },
  },
  { ...options, collection: 'tickets' },
);
// getTicketByRef, ordering and paging (newest/oldest = ref order), listResolvedTickets.
ticketSchema.index({ ref: 1 }, { unique: true, sparse: true });
ticketSchema.index({ status: 1, ref: -1 });
ticketSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
ticketSchema.index({ requesterId: 1, ref: -1 });
ticketSchema.index({ assigneeId: 1, status: 1, ref: -1 });
ticketSchema.index({ skills: 1, ref: -1 });
ticketSchema.index({ priority: 1, ref: -1 });
ticketSchema.index({ createdAt: -1 });
// The queue: priority, then age; one walk per status of the filter, merged by the server.
ticketSchema.index({ status: 1, priorityRank: 1, createdAt: 1, ref: 1 });
// Crash recovery finds unapplied side effects and unfinished creations without a scan.
ticketSchema.index({ 'outbox.at': 1 }, { sparse: true });
ticketSchema.index({ pendingSince: 1 }, { sparse: true });
// Resolved and reopened tickets in change order: every process's similar-ticket index catches up from it.
ticketSchema.index({ updatedAt: 1, _id: 1 });

/** One history entry of a ticket; `_id` is `<ticket id>:<seq>`, so writing it again is a duplicate key. */
export interface HistoryDoc {
  _id: string;
  ticketId: string;
  /** Its position in the ticket's history, from 0. */
  seq: number;
  entry: unknown;
}
const historySchema = new Schema<HistoryDoc>(
  {
    _id: { type: String, required: true },
    ticketId: { type: String, required: true },
    seq: { type: Number, required: true },
    entry: { type: Mixed, required: true },
  },
  { ...options, collection: 'ticket_history' },
);
// A ticket's history in order, and a page of tickets' histories in one query.
historySchema.index({ ticketId: 1, seq: 1 });

export interface PersonDoc {
  _id: string;
  identities: string[];
  displayName: string;
  email: string | null;
  emailLower: string | null;
  role: string;
  skills: string[];
  availability: string;
  prefersEmail: boolean;
  openTickets: number;
  lastAssignedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Ids of the last load changes applied, so a replayed outbox entry counts once. */
  loadOps: string[];
}

const personSchema = new Schema<PersonDoc>(
  {
    _id: { type: String, required: true },
    identities: { type: [String], default: undefined },
    displayName: { type: String },
    email: { type: String, default: null },
    emailLower: { type: String, default: null },
    role: { type: String },
    skills: { type: [String], default: undefined },
    availability: { type: String },
    prefersEmail: { type: Boolean, required: true },
    openTickets: { type: Number, required: true },
    lastAssignedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    loadOps: { type: [String], default: undefined },
  },
  { ...options, collection: 'people' },
);
// Each identity belongs to one person: the unique multikey index makes ensurePerson race-safe.
personSchema.index({ identities: 1 }, { unique: true });
personSchema.index({ emailLower: 1 }, { sparse: true });
// Assignment candidates (skill match, then role and availability) and staff skills.
personSchema.index({ skills: 1, role: 1, availability: 1 });
personSchema.index({ role: 1, availability: 1 });
personSchema.index({ createdAt: 1 });

export interface JobDoc {
  _id: string;
  name: string;
  key: string;
  /** JSON text. */
  data: string;
  state: string;
  attempts: number;
  runAt: Date;
  /** When the job can next be claimed: runAt, or leaseUntil while running; absent once finished. */
  dueAt?: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  /** Step id (escaped, see jobs.ts) → JSON text of its result. */
  steps: Record<string, string>;
  wait: { stepId: string; event: string; matchField: string; matchValue: string; until: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}

const jobSchema = new Schema<JobDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    key: { type: String, required: true },
    data: { type: String },
    state: { type: String, required: true },
    attempts: { type: Number, required: true },
    runAt: { type: Date, required: true },
    dueAt: { type: Date },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    steps: { type: Map, of: String, default: undefined },
    wait: {
      type: new Schema({ stepId: String, event: String, matchField: String, matchValue: String, until: Date }, { _id: false, strict: 'throw' }),
      default: null,
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...options, collection: 'jobs' },
);
jobSchema.index({ key: 1 }, { unique: true });
// claimDueJob and nextJobDueAt scan only dated keys: finished jobs have no dueAt and sort apart.
jobSchema.index({ dueAt: 1, _id: 1 });
jobSchema.index({ name: 1, dueAt: 1, _id: 1 });
// Waking waiters: (awaited event, match value) narrows a delivery to the jobs waiting on one ticket.
jobSchema.index({ 'wait.event': 1, 'wait.matchValue': 1 }, { sparse: true });
jobSchema.index({ state: 1, name: 1 });
// Pruning finished jobs by age.
jobSchema.index({ state: 1, updatedAt: 1 });

export interface CounterDoc {
  _id: string;
  seq: number;
}
const counterSchema = new Schema<CounterDoc>({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { ...options, collection: 'counters' });

export interface DedupeDoc {
  _id: string;
  expiresAt: Date;
}
const dedupeSchema = new Schema<DedupeDoc>({ _id: { type: String, required: true }, expiresAt: { type: Date, required: true } }, { ...options, collection: 'dedupe' });
// The expiry check in claimOnce decides; the TTL monitor only cleans up.
dedupeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface ValueDoc {
  namespace: string;
  key: string;
  value: string;
}
const valueSchema = new Schema<ValueDoc>(
  { namespace: { type: String, required: true }, key: { type: String, required: true }, value: { type: String } },
  { ...options, collection: 'kv' },
);
valueSchema.index({ namespace: 1, key: 1 }, { unique: true });

/** A support channel (see core/ports/intake.ts); `_id` is `<platform>:<channel id>`. */
export interface WatchedChannelDoc {
  _id: string;
  platform: string;
  channelId: string;
  name: string;
  addedBy: string;
  addedAt: string;
}
const watchedChannelSchema = new Schema<WatchedChannelDoc>(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    channelId: { type: String, required: true },
    name: { type: String, required: true },
    addedBy: { type: String, required: true },
    addedAt: { type: String, required: true },
  },
  { ...options, collection: 'watched_channels' },
);
watchedChannelSchema.index({ platform: 1, addedAt: 1 });

/** One audit entry (see core/domain/audit.ts); `_id` is its id. */
export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  action: string;
  ticketId: string | null;
  ref: number | null;
  subjectId: string | null;
  detail: string;
}
const auditSchema = new Schema<AuditDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    ticketId: { type: String, default: null },
    ref: { type: Number, default: null },
    subjectId: { type: String, default: null },
    detail: { type: String },
  },
  { ...options, collection: 'audit' },
);
// Newest first, all of it or one person's (as actor or as subject).
auditSchema.index({ at: -1, _id: -1 });
auditSchema.index({ actorId: 1, at: -1, _id: -1 });
auditSchema.index({ subjectId: 1, at: -1, _id: -1 }, { sparse: true });

/** A saved reply; `_id` is its name. */
export interface SavedReplyDoc {
  _id: string;
  text: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
const savedReplySchema = new Schema<SavedReplyDoc>(
  {
    _id: { type: String, required: true },
    text: { type: String },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...options, collection: 'saved_replies' },
);

export interface Models {
  readonly tickets: Model<TicketDoc>;
  readonly ticketHistory: Model<HistoryDoc>;
  readonly people: Model<PersonDoc>;
  readonly jobs: Model<JobDoc>;
  readonly counters: Model<CounterDoc>;
  readonly dedupe: Model<DedupeDoc>;
  readonly values: Model<ValueDoc>;
  readonly watchedChannels: Model<WatchedChannelDoc>;
  readonly audit: Model<AuditDoc>;
  readonly savedReplies: Model<SavedReplyDoc>;
  /** Ticket metrics for /stats (see stats.ts). */
  readonly ticketMetrics: Model<MetricsDoc>;
}

/** Registers the models on `conn` (never on mongoose's global connection). */
export function bindModels(conn: Connection): Models {
  return {
    tickets: conn.model<TicketDoc>('Ticket', ticketSchema),
    ticketHistory: conn.model<HistoryDoc>('TicketHistory', historySchema),
    people: conn.model<PersonDoc>('Person', personSchema),
    jobs: conn.model<JobDoc>('Job', jobSchema),
    counters: conn.model<CounterDoc>('Counter', counterSchema),
    dedupe: conn.model<DedupeDoc>('Dedupe', dedupeSchema),
    values: conn.model<ValueDoc>('Value', valueSchema),
    watchedChannels: conn.model<WatchedChannelDoc>('WatchedChannel', watchedChannelSchema),
    audit: conn.model<AuditDoc>('Audit', auditSchema),
    savedReplies: conn.model<SavedReplyDoc>('SavedReply', savedReplySchema),
    ticketMetrics: metricsModel(conn),
  };
}

// Indexes are built by indexes.ts, which first compares them with those already on the server.
