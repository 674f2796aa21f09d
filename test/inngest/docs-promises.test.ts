/**
 * What docs/inngest.md promises and no other test proves: the function
 * table (triggers, cancellation, retries, the pipeline's throttle), the
 * outbox relay's resend schedule and its patience, a failed run being
 * logged, and — because Inngest's per-function concurrency key does not
 * serialise different functions of one ticket — follow-ups of one ticket
 * run in the "wrong" order still leaving the right notices and the right
 * similar-ticket suggestions.
 */
import { InngestTestEngine } from '@inngest/test';
import type { InngestFunction } from 'inngest';
import { describe, expect, it } from 'vitest';
import type { Job, Ticket, WorkflowEvent } from '../../core/index.js';
import { SharedSimilarIndex } from '../../core/retrieval/index.js';
import { MemorySimilarIndex } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { SIMILAR_SYNC_MS } from '../../bot/wiring/similar.js';
import { DEFAULT_PIPELINE_THROTTLE } from '../../inngest/functions/options.js';
import { ticketPipelineFunction } from '../../inngest/functions/ticket-pipeline.js';
import { ticketSlaFunction } from '../../inngest/functions/ticket-sla.js';
import { functions, OutboxRelay } from '../../inngest/index.js';
import { relayBackoff } from '../../inngest/outbox-relay.js';
import { DEFAULT_RETRIES } from '../../inngest/workflow-function.js';
import { fixture, person, RecordingLogger, runFunction, runOutbox, testClient, triggerOf, type Fixture, type WaitMock } from './support.js';

/** The table in docs/inngest.md "Inngest functions": function → trigger, and what cancels it. */
const TABLE: Record<string, { trigger: string; cancelledBy: string[] }> = {
  'ticket-pipeline': { trigger: 'ticket/filed', cancelledBy: [] },
  'ticket-started': { trigger: 'ticket/started', cancelledBy: [] },
  'ticket-resolved': { trigger: 'ticket/resolved', cancelledBy: [] },
  'ticket-reopened': { trigger: 'ticket/reopened', cancelledBy: [] },
  'ticket-reassigned': { trigger: 'ticket/assigned', cancelledBy: [] },
  'ticket-message': { trigger: 'ticket/message', cancelledBy: [] },
  'ticket-noted': { trigger: 'ticket/noted', cancelledBy: [] },
  'ticket-sla': { trigger: 'ticket/assigned', cancelledBy: ['ticket/started', 'ticket/resolved'] },
  'ticket-sla-reopened': { trigger: 'ticket/reopened', cancelledBy: ['ticket/started', 'ticket/resolved'] },
  'ticket-sla-rearm': { trigger: 'ticket/timers-rearm', cancelledBy: ['ticket/started', 'ticket/resolved'] },
  'ticket-conversation': { trigger: 'ticket/message', cancelledBy: ['ticket/resolved'] },
  'ticket-conversation-rearm': { trigger: 'ticket/timers-rearm', cancelledBy: ['ticket/resolved'] },
  'ticket-resolution-sla': { trigger: 'ticket/triaged', cancelledBy: ['ticket/resolved'] },
  'ticket-resolution-sla-reopened': { trigger: 'ticket/reopened', cancelledBy: ['ticket/resolved'] },
  'ticket-resolution-sla-rearm': { trigger: 'ticket/timers-rearm', cancelledBy: ['ticket/resolved'] },
  'ticket-rated': { trigger: 'ticket/rated', cancelledBy: [] },
};

describe('the Inngest functions, as docs/inngest.md lists them', () => {
  const fns = functions(testClient(), fixture().deps);

  it('are triggered and cancelled by the events the table names, each per ticket and retried 12 times per step', () => {
    const actual = Object.fromEntries(
      fns.map((fn) => [fn.id(), { trigger: triggerOf(fn), cancelledBy: (fn.opts.cancelOn ?? []).map((c) => c.event) }]),
    );
    expect(actual).toEqual(TABLE);
    for (const fn of fns) {
      expect(fn.opts.retries, fn.id()).toBe(12);
      expect(fn.opts.concurrency, fn.id()).toEqual({ key: 'event.data.ticketId', limit: 1 });
      for (const c of fn.opts.cancelOn ?? []) expect(c.match).toBe('data.ticketId');
    }
    expect(DEFAULT_RETRIES).toBe(12);
  });

  it('throttle the pipeline to 30 runs a minute with bursts of 10 unless told otherwise', () => {
    const pipeline = fns.find((fn) => fn.id() === 'ticket-pipeline');
    expect(pipeline?.opts.throttle).toEqual({ limit: 30, period: '1m', burst: 10 });
    // Throttling queues runs; a rate limit would drop them.
    expect(pipeline?.opts.rateLimit).toBeUndefined();
    expect(DEFAULT_PIPELINE_THROTTLE).toEqual({ limit: 30, period: '1m', burst: 10 });
  });

  it('log a run that failed for good, with its ticket', async () => {
    const logger = new RecordingLogger();
    const fn = functions(testClient(), fixture({ logger }).deps).find((f) => f.id() === 'ticket-started');
    const onFailure = fn?.opts.onFailure as ((args: unknown) => Promise<void>) | undefined;
    await onFailure?.({ error: new Error('chat API down for good'), event: { data: { run_id: 'run-1', event: { name: 'ticket/started', data: { ticketId: 't-9' } } } } });
    expect(logger.entries).toContainEqual({ level: 'error', obj: { runId: 'run-1', ticketId: 't-9', err: 'chat API down for good' }, msg: 'workflow run failed for good' });
  });
});

describe('the outbox relay, as docs/inngest.md describes it', () => {
  it('resends after 1 s, 2 s, 4 s … up to 5 minutes', () => {
    const longest = (attempt: number) => relayBackoff(attempt, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30].map(longest)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
    // With jitter a delay is between half and all of its step.
    expect(relayBackoff(3, () => 0)).toBe(2_000);
  });

  it('keeps an event for as long as Inngest refuses it, and marks it sent only once Inngest took it', async () => {
    const f = fixture();
    await person(f.store, 'ann');
    const filed = await f.helpdesk.fileTicket({ requesterId: 'p-ann', title: 'VPN drops every hour', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    const key = `ticket/filed:${filed.value.ticket.id}`;
    const REFUSALS = 40;
    let calls = 0;
    let accept: (ids: readonly string[]) => void = () => undefined;
    const accepted = new Promise<readonly string[]>((resolve) => (accept = resolve));
    const states: (string | undefined)[] = [];
    const relay = new OutboxRelay({
      jobs: f.store,
      clock: f.clock,
      logger: new RecordingLogger(),
      owner: 'relay-docs',
      backoff: () => 0,
      inngest: {
        send: async (payload: unknown) => {
          calls++;
          states.push((await f.store.getJobByKey(key))?.state);
          if (calls <= REFUSALS) throw new Error('503 Service Unavailable');
          const ids = (payload as { id: string }[]).map((e) => e.id);
          accept(ids);
          return { ids };
        },
      } as unknown as ConstructorParameters<typeof OutboxRelay>[0]['inngest'],
    });
    relay.start();
    try {
      expect(await accepted).toEqual([key]);
      await relay.idle();
    } finally {
      await relay.stop();
    }
    expect(calls).toBe(REFUSALS + 1);
    // Still in the outbox (leased, not done) on every try, done only after the accepted one.
    expect(states.every((s) => s === 'running')).toBe(true);
    expect(await f.store.getJobByKey(key)).toMatchObject({ state: 'done', attempts: REFUSALS });
  });
});

describe("one ticket's follow-ups interleaved on Inngest (different functions are not serialised)", () => {
  /** A helpdesk whose functions use a similar-ticket index kept in step with the store, as the bot's is. */
  async function setUp() {
    const logger = new RecordingLogger();
    const f = fixture({ logger });
    const similar = new SharedSimilarIndex({ inner: new MemorySimilarIndex(), tickets: f.store });
    await similar.sync();
    const fns = new Map(functions(testClient(), { ...f.deps, similar }).map((fn) => [fn.id(), fn]));
    const ann = await person(f.store, 'ann');
    const mo = await person(f.store, 'mo', 'moderator', ['vpn']);
    const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops every hour', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await runOutbox(f.store, f.clock, [...fns.values()]);
    return { f, fns, similar, ann, mo, logger, ticket: filed.value.ticket };
  }

  /** Takes the events the outbox holds now without running anything: they are then run in the order a test picks. */
  async function takeEvents(store: MemoryStore, f: Fixture): Promise<WorkflowEvent[]> {
    const events: WorkflowEvent[] = [];
    for (let job: Job | null; (job = await store.claimDueJob('docs-test', f.clock.now().toISOString(), new Date(f.clock.now().getTime() + 60_000).toISOString())); ) {
      events.push({ name: job.name, data: { ...job.data } });
      await store.completeJob(job.id, 'docs-test', f.clock.now().toISOString());
    }
    return events;
  }

  async function run(fns: Map<string, InngestFunction.Any>, id: string, events: readonly WorkflowEvent[], name: string): Promise<void> {
    const event = events.filter((e) => e.name === name).at(-1);
    if (!event) throw new Error(`no ${name} event`);
    const out = await runFunction(fns.get(id) as InngestFunction.Any, event);
    expect('error' in out ? out.error : undefined).toBeUndefined();
  }

  const suggested = async (similar: SharedSimilarIndex, t: Ticket) => (await similar.search({ title: 'VPN drops', description: '' }, { limit: 3 })).map((s) => s.ticketId).includes(t.id);

  it('a "started" notice that runs after the resolved follow-up is dropped (logged at debug level), so the requester hears the end last', async () => {
    const { f, fns, ann, mo, logger, ticket } = await setUp();
    expect((await f.helpdesk.startTicket({ ticketId: ticket.id, actorId: mo.id })).ok).toBe(true);
    expect((await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: mo.id, note: 'Updated the VPN client to 5.2' })).ok).toBe(true);
    const events = await takeEvents(f.store, f);
    await run(fns, 'ticket-resolved', events, 'ticket/resolved');
    await run(fns, 'ticket-started', events, 'ticket/started');
    const told = f.chat.kindsFor(ann.id);
    expect(told.at(-1)).toBe('ticket.resolved');
    expect(told).not.toContain('ticket.started');
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'debug', obj: expect.objectContaining({ ticketId: ticket.id, notice: 'started' }), msg: 'notice dropped: the ticket has moved on since its event' }));
  });

  it('a resolved follow-up that runs after the reopening neither suggests the ticket nor tells the requester it is resolved', async () => {
    const { f, fns, similar, ann, mo, ticket } = await setUp();
    expect((await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: mo.id, note: 'Updated the VPN client to 5.2' })).ok).toBe(true);
    expect((await f.helpdesk.reopenTicket({ ticketId: ticket.id, actorId: ann.id })).ok).toBe(true);
    const events = await takeEvents(f.store, f);
    await run(fns, 'ticket-reopened', events, 'ticket/reopened');
    await run(fns, 'ticket-resolved', events, 'ticket/resolved');
    expect(await suggested(similar, ticket)).toBe(false);
    expect(f.chat.kindsFor(ann.id)).not.toContain('ticket.resolved');
  });

  it('a reopened follow-up that runs after the ticket was resolved again leaves it suggested and tells nobody it is open', async () => {
    const { f, fns, similar, ann, mo, ticket } = await setUp();
    expect((await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: mo.id, note: 'Updated the VPN client to 5.2' })).ok).toBe(true);
    await runOutbox(f.store, f.clock, [...fns.values()]);
    expect(await suggested(similar, ticket)).toBe(true);
    expect((await f.helpdesk.reopenTicket({ ticketId: ticket.id, actorId: ann.id })).ok).toBe(true);
    expect((await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: mo.id, note: 'Reinstalled the VPN client' })).ok).toBe(true);
    const events = await takeEvents(f.store, f);
    await run(fns, 'ticket-resolved', events, 'ticket/resolved');
    await run(fns, 'ticket-reopened', events, 'ticket/reopened');
    expect(await suggested(similar, ticket)).toBe(true);
    expect(f.chat.kindsFor(mo.id)).not.toContain('ticket.reopened');
    expect(f.chat.kindsFor(ann.id).at(-1)).toBe('ticket.resolved');
  });

  it('other processes catch up with the store every second', () => {
    expect(SIMILAR_SYNC_MS).toBe(1_000);
  });
});

describe('SLA timers towards an absolute deadline on Inngest', () => {
  const MINUTE = 60_000;

  /** A HIGH ticket (30 minutes to start) assigned by the pipeline; its ticket/assigned event is left for ticket-sla. */
  async function assigned() {
    const f = fixture();
    const ann = await person(f.store, 'ann');
    await person(f.store, 'mo', 'moderator', ['vpn']);
    await person(f.store, 'max', 'moderator', ['vpn']);
    const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops every hour', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await runOutbox(f.store, f.clock, functions(testClient(), f.deps).filter((fn) => fn.id() !== 'ticket-sla'));
    const ticket = await f.store.getTicket(filed.value.ticket.id);
    if (!ticket?.assigneeId) throw new Error('the pipeline did not assign the ticket');
    const event: WorkflowEvent = { name: 'ticket/assigned', data: { ticketId: ticket.id, ref: ticket.ref, assigneeId: ticket.assigneeId, previousAssigneeId: null, priority: ticket.priority, initial: true, actorId: null } };
    return { f, ticket, assigneeId: ticket.assigneeId, event };
  }

  /**
   * Inngest's waits, each ending after `elapsed(id, timeout)` on the helpdesk's clock instead of its
   * timeout; a replay of the run meets a finished wait again and gets its memoized result at once.
   */
  function waits(f: Fixture, elapsed: (id: string, timeout: number) => number) {
    const timeouts: [string, number][] = [];
    const mock: WaitMock = async (id, options) => {
      if (timeouts.some(([seen]) => seen === id)) return null;
      const timeout = Number(options.timeout);
      timeouts.push([id, timeout]);
      f.clock.advance(elapsed(id, timeout));
      return null;
    };
    return { mock, timeouts };
  }

  it('a wait that ends early (the clock was set back) waits out the rest as a step of its own, then reminds once', async () => {
    const { f, assigneeId, event } = await assigned();
    // The first wait ends after 10 of its 30 minutes by this server's clock.
    const w = waits(f, (id, timeout) => (id === 'wait-start' ? 10 * MINUTE : timeout));
    const out = await runFunction(ticketSlaFunction(testClient(), f.deps), event, { waitForEvent: w.mock });
    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(w.timeouts.slice(0, 2)).toEqual([
      ['wait-start', 30 * MINUTE],
      ['wait-start-rest', 20 * MINUTE],
    ]);
    expect(f.chat.kindsFor(assigneeId).filter((k) => k === 'sla.reminder')).toHaveLength(1);
  });

  it('a wait that ends late (the process was down) acts at once, without waiting again', async () => {
    const { f, assigneeId, event } = await assigned();
    const w = waits(f, (id, timeout) => (id === 'wait-start' ? 3 * 60 * MINUTE : timeout));
    const out = await runFunction(ticketSlaFunction(testClient(), f.deps), event, { waitForEvent: w.mock });
    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(w.timeouts.map(([id]) => id)).not.toContain('wait-start-rest');
    expect(f.chat.kindsFor(assigneeId)).toContain('sla.reminder');
  });
});

describe('several bot processes on Inngest', () => {
  it('any process can run the next step of a run another one started: the run keeps no state in the process', async () => {
    const store = new MemoryStore();
    const a = fixture({ store });
    const b = fixture({ store });
    const ann = await person(store, 'ann');
    const mo = await person(store, 'mo', 'moderator', ['vpn']);
    const filed = await a.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops every hour', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    const events: [{ name: string; data: Record<string, unknown> }] = [{ name: 'ticket/filed', data: { ticketId: filed.value.ticket.id } }];

    // Process A runs the steps up to and including triage, then Inngest calls process B for the rest.
    const inA = await new InngestTestEngine({ function: ticketPipelineFunction(testClient(), a.deps), events }).executeStep('triage');
    const done = await Promise.all(Object.entries(inA.state).map(async ([id, result]) => ({ id, idIsHashed: true, handler: () => result })));
    const steps = [...done, { id: inA.step.id, idIsHashed: true, handler: () => inA.step.data }];
    const inB = await new InngestTestEngine({ function: ticketPipelineFunction(testClient(), b.deps), events, steps }).execute();

    expect('error' in inB ? inB.error : undefined).toBeUndefined();
    expect(inB.result).toEqual({ ref: 1, assigneeId: mo.id });
    expect([a.triage.calls.length, b.triage.calls.length]).toEqual([1, 0]);
    // (@inngest/test's executeStep may replay A's first step on its way to triage; Inngest memoizes it.)
    expect(new Set(a.chat.kindsFor(ann.id))).toEqual(new Set(['ticket.filed']));
    expect(b.chat.kindsFor(ann.id)).toEqual(['ticket.triaged', 'ticket.assigned']);
    expect((await store.getTicket(filed.value.ticket.id))?.assigneeId).toBe(mo.id);
  });
});
