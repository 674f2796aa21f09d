/**
 * Parsing stored documents into core types and back. Documents are read
 * lean (plain objects) and checked field by field, so a damaged or foreign
 * document fails loudly here instead of leaking odd values into core; no
 * mongoose document ever leaves the adapter.
 */
import { PRIORITY_RANK } from '../../core/index.js';
import type { Availability, EventWait, HistoryEntry, Job, JobState, Origin, Person, Priority, Role, SimilarTicket, Ticket, TicketStatus, TriageStamp } from '../../core/index.js';
import type { JobDoc, PersonDoc, TicketDoc } from './models.js';

export class CorruptDocumentError extends Error {
  constructor(collection: string, id: unknown, field: string) {
    super(`${collection} document ${String(id)} has an invalid ${field}`);
    this.name = 'CorruptDocumentError';
  }
}

type Raw = Record<string, unknown>;

function reader(collection: string, source: object) {
  const doc = source as Raw;
  const bad = (field: string) => new CorruptDocumentError(collection, doc._id, field);
  const str = (f: string): string => {
    const v = doc[f];
    if (typeof v !== 'string') throw bad(f);
    return v;
  };
  const optStr = (f: string): string | null => (doc[f] === null || doc[f] === undefined ? null : str(f));
  const num = (f: string): number => {
    const v = doc[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(f);
    return v;
  };
  const iso = (f: string): string => {
    const v = doc[f];
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw bad(f);
    return v.toISOString();
  };
  const optIso = (f: string): string | null => (doc[f] === null || doc[f] === undefined ? null : iso(f));
  const strings = (f: string): string[] => {
    const v = doc[f] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(f);
    return [...(v as string[])];
  };
  const array = (f: string): unknown[] => {
    const v = doc[f] ?? [];
    if (!Array.isArray(v)) throw bad(f);
    return plain(v) as unknown[];
  };
  const oneOf = <T extends string>(f: string, allowed: readonly T[]): T => {
    const v = str(f);
    if (!(allowed as readonly string[]).includes(v)) throw bad(f);
    return v as T;
  };
  return { bad, str, optStr, num, iso, optIso, strings, array, oneOf };
}

/** A JSON-shaped deep copy: what a domain blob looked like when it was stored. */
export function plain<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

const STATUSES: readonly TicketStatus[] = ['TODO', 'IN_PROGRESS', 'DONE'];
const PRIORITIES: readonly Priority[] = ['LOW', 'MEDIUM', 'HIGH'];
const ROLES: readonly Role[] = ['user', 'moderator', 'admin'];
const AVAILABILITIES: readonly Availability[] = ['available', 'away'];
const JOB_STATES: readonly JobState[] = ['pending', 'running', 'waiting', 'done', 'failed', 'cancelled'];

/**
 * The ticket of a stored document with its history: `history` as read from
 * ticket_history (see history.ts), or the document's own embedded array
 * when it still has one (stored before ticket_history existed).
 */
export function toTicket(source: object, history?: readonly unknown[]): Ticket {
  const doc = source as Raw;
  const r = reader('tickets', doc);
  const origin = doc.origin;
  if (typeof origin !== 'object' || origin === null || typeof (origin as Raw).platform !== 'string') throw r.bad('origin');
  return {
    id: r.str('_id'),
    ref: r.num('ref'),
    title: r.str('title'),
    description: r.str('description'),
    status: r.oneOf('status', STATUSES),
    priority: r.oneOf('priority', PRIORITIES),
    category: r.str('category'),
    skills: r.strings('skills'),
    summary: r.str('summary'),
    notes: r.str('notes'),
    suggestedFix: r.optStr('suggestedFix'),
    similar: r.array('similar') as SimilarTicket[],
    triage: doc.triage === null || doc.triage === undefined ? null : (plain(doc.triage) as TriageStamp),
    requesterId: r.str('requesterId'),
    assigneeId: r.optStr('assigneeId'),
    unassignedReason: r.optStr('unassignedReason'),
    origin: plain(origin) as Origin,
    resolution: r.optStr('resolution'),
    createdAt: r.iso('createdAt'),
    updatedAt: r.iso('updatedAt'),
    startedAt: r.optIso('startedAt'),
    resolvedAt: r.optIso('resolvedAt'),
    version: r.num('version'),
    history: (history === undefined ? r.array('history') : [...history]) as HistoryEntry[],
  };
}

/**
 * The stored fields of a ticket (everything but bookkeeping: ref, key,
 * outbox). The history is not among them, only its length: its entries
 * are documents of their own (see history.ts).
 */
export function ticketFields(t: Ticket): Omit<TicketDoc, '_id' | 'ref' | 'idempotencyKey' | 'pendingSince' | 'outbox' | 'history'> {
  return {
    title: t.title,
    description: t.description,
    titleLower: t.title.toLowerCase(),
    descriptionLower: t.description.toLowerCase(),
    status: t.status,
    priority: t.priority,
    priorityRank: PRIORITY_RANK[t.priority],
    category: t.category,
    skills: [...t.skills],
    summary: t.summary,
    notes: t.notes,
    suggestedFix: t.suggestedFix,
    similar: plain([...t.similar]),
    triage: plain(t.triage),
    requesterId: t.requesterId,
    assigneeId: t.assigneeId,
    unassignedReason: t.unassignedReason,
    origin: plain(t.origin),
    resolution: t.resolution,
    createdAt: date(t.createdAt),
    updatedAt: date(t.updatedAt),
    startedAt: t.startedAt === null ? null : date(t.startedAt),
    resolvedAt: t.resolvedAt === null ? null : date(t.resolvedAt),
    version: t.version,
    historyLength: t.history.length,
  };
}

export function toPerson(source: object): Person {
  const doc = source as Raw;
  const r = reader('people', doc);
  if (typeof doc.prefersEmail !== 'boolean') throw r.bad('prefersEmail');
  return {
    id: r.str('_id'),
    identities: r.strings('identities'),
    displayName: r.str('displayName'),
    email: r.optStr('email'),
    role: r.oneOf('role', ROLES),
    skills: r.strings('skills'),
    availability: r.oneOf('availability', AVAILABILITIES),
    prefersEmail: doc.prefersEmail,
    openTickets: r.num('openTickets'),
    lastAssignedAt: r.optIso('lastAssignedAt'),
    createdAt: r.iso('createdAt'),
    updatedAt: r.iso('updatedAt'),
    version: r.num('version'),
  };
}

export function personFields(p: Person): Omit<PersonDoc, '_id' | 'loadOps'> {
  return {
    identities: [...p.identities],
    displayName: p.displayName,
    email: p.email,
    emailLower: p.email === null ? null : p.email.toLowerCase(),
    role: p.role,
    skills: [...p.skills],
    availability: p.availability,
    prefersEmail: p.prefersEmail,
    openTickets: p.openTickets,
    lastAssignedAt: p.lastAssignedAt === null ? null : date(p.lastAssignedAt),
    createdAt: date(p.createdAt),
    updatedAt: date(p.updatedAt),
    version: p.version,
  };
}

export function toJob(source: object): Job {
  const doc = source as Raw;
  const r = reader('jobs', doc);
  const steps: Record<string, unknown> = {};
  const rawSteps = doc.steps instanceof Map ? Object.fromEntries(doc.steps) : ((doc.steps ?? {}) as Raw);
  for (const [field, text] of Object.entries(rawSteps)) {
    if (typeof text !== 'string') throw r.bad(`steps.${field}`);
    steps[decodeStepId(field)] = JSON.parse(text) as unknown;
  }
  return {
    id: r.str('_id'),
    name: r.str('name'),
    key: r.str('key'),
    data: JSON.parse(r.str('data')) as Record<string, unknown>,
    state: r.oneOf('state', JOB_STATES),
    attempts: r.num('attempts'),
    runAt: r.iso('runAt'),
    leaseOwner: r.optStr('leaseOwner'),
    leaseUntil: r.optIso('leaseUntil'),
    lastError: r.optStr('lastError'),
    steps,
    wait: toWait(doc.wait, r.bad),
    createdAt: r.iso('createdAt'),
    updatedAt: r.iso('updatedAt'),
  };
}

function toWait(raw: unknown, bad: (f: string) => Error): EventWait | null {
  if (raw === null || raw === undefined) return null;
  const w = raw as Raw;
  const fields = ['stepId', 'event', 'matchField', 'matchValue'] as const;
  if (fields.some((f) => typeof w[f] !== 'string') || !(w.until instanceof Date)) throw bad('wait');
  return { stepId: w.stepId as string, event: w.event as string, matchField: w.matchField as string, matchValue: w.matchValue as string, until: w.until.toISOString() };
}

/** The stored form of a wait. */
export function waitFields(wait: EventWait | null): JobDoc['wait'] {
  return wait === null ? null : { stepId: wait.stepId, event: wait.event, matchField: wait.matchField, matchValue: wait.matchValue, until: date(wait.until) };
}

/**
 * Step ids become field names under `steps`, which may not contain `.` or
 * NUL or start with `$`: those (and `%`) are percent-escaped behind a
 * constant prefix, which also keeps the empty id a valid name.
 */
export function encodeStepId(stepId: string): string {
  // NUL is matched on purpose: BSON field names cannot hold it.
  // eslint-disable-next-line no-control-regex
  return `k${stepId.replace(/[%.$\u0000]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)}`;
}

export function decodeStepId(field: string): string {
  return decodeURIComponent(field.slice(1));
}

/** JSON text of a step result or job data; `undefined` is stored as null, as every store does. */
export function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** A Date for an ISO timestamp; a malformed one is a bug, not data. */
export function date(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO timestamp: ${iso}`);
  return d;
}
