/**
 * In-memory fakes of the small ports, for tests across the project.
 * (The in-memory store lives in memory-store.ts.)
 */
import type { Person } from '../domain/person.js';
import type { SimilarTicket } from '../domain/ticket.js';
import type { Notification } from '../notifications/notification.js';
import type { DeliveryOutcome, NotificationChannel } from '../ports/notifier.js';
import type { ResolvedTicketDoc, SimilarQuery, SimilarTicketIndex } from '../ports/similar.js';
import type { Clock, IdGenerator, WorkSignal } from '../ports/system.js';
import type { TriageEngine, TriageProposal, TriageRequest } from '../ports/triage.js';

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start: string | number = '2026-01-05T09:00:00.000Z') {
    this.t = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

/** Deterministic ids: `id-1`, `id-2`, … */
export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  newId(): string {
    this.n += 1;
    return `${this.prefix}-${this.n}`;
  }
}

export class CountingSignal implements WorkSignal {
  count = 0;
  workAvailable(): void {
    this.count += 1;
  }
}

/** A triage engine that answers with a fixed proposal (or a function of the request) and records calls. */
export class FixedTriage implements TriageEngine {
  readonly name: string;
  readonly calls: TriageRequest[] = [];
  constructor(
    private readonly answer: Partial<TriageProposal> | ((r: TriageRequest) => Partial<TriageProposal>) = {},
    name = 'fixed',
  ) {
    this.name = name;
  }
  async triage(request: TriageRequest): Promise<TriageProposal> {
    this.calls.push(request);
    const a = typeof this.answer === 'function' ? this.answer(request) : this.answer;
    return {
      summary: request.ticket.title,
      category: 'general',
      priority: 'MEDIUM',
      skills: [],
      notes: '',
      suggestedFix: null,
      confidence: null,
      engine: this.name,
      ...a,
    };
  }
}

/** Substring-overlap similar index: good enough to test wiring, not ranking. */
export class MemorySimilarIndex implements SimilarTicketIndex {
  private readonly docs = new Map<string, ResolvedTicketDoc>();
  get size(): number {
    return this.docs.size;
  }
  async add(doc: ResolvedTicketDoc): Promise<void> {
    this.docs.set(doc.ticketId, doc);
  }
  async remove(ticketId: string): Promise<void> {
    this.docs.delete(ticketId);
  }
  async search(query: SimilarQuery, options: { limit: number; excludeIds?: readonly string[] }): Promise<SimilarTicket[]> {
    const scores = await this.score(query, [...this.docs.keys()]);
    return [...scores]
      .filter(([id, s]) => s > 0 && !(options.excludeIds ?? []).includes(id))
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.limit)
      .map(([id, score]) => {
        const d = this.docs.get(id) as ResolvedTicketDoc;
        return { ticketId: d.ticketId, ref: d.ref, title: d.title, resolution: d.resolution, score };
      });
  }
  async score(query: SimilarQuery, ticketIds: readonly string[]): Promise<Map<string, number>> {
    const q = new Set(words(`${query.title} ${query.description}`));
    const out = new Map<string, number>();
    for (const id of ticketIds) {
      const d = this.docs.get(id);
      if (!d) continue;
      const w = new Set(words(`${d.title} ${d.description} ${d.resolution}`));
      let common = 0;
      for (const x of q) if (w.has(x)) common++;
      out.set(id, q.size ? common / q.size : 0);
    }
    return out;
  }
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
}

/** A chat channel that records what it delivered; can be told a person is unreachable or that it is down. */
export class RecordingChannel implements NotificationChannel {
  readonly sent: { person: Person; notification: Notification }[] = [];
  unreachable = new Set<string>();
  failing = false;
  constructor(
    readonly name = 'test',
    readonly kind: 'chat' | 'email' = 'chat',
    private readonly reach: (p: Person) => boolean = (p) => p.identities.some((i) => i.startsWith(`${name}:`)),
  ) {}
  canReach(person: Person): boolean {
    return this.reach(person);
  }
  async deliver(person: Person, notification: Notification): Promise<DeliveryOutcome> {
    if (this.failing) throw new Error(`${this.name} is down`);
    if (this.unreachable.has(person.id)) return { status: 'unreachable', reason: 'DMs closed' };
    this.sent.push({ person, notification });
    return { status: 'delivered' };
  }
  /** What each person was told, as `kind` strings, for compact assertions. */
  kindsFor(personId: string): string[] {
    return this.sent.filter((s) => s.person.id === personId).map((s) => s.notification.kind);
  }
}
