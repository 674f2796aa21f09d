import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Job } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { ticketPipelineFunction } from '../../inngest/functions/ticket-pipeline.js';
import { createInngestClient, OutboxRelay } from '../../inngest/index.js';
import { FakeEventApi } from './fake-event-api.js';
import { freePort } from './http.js';
import { fixture, person, runFunction, testClient } from './support.js';

/** Resend delays are real time here, so the helpdesk's clock follows the wall clock too. */
class WallClock extends FakeClock {
  override now(): Date {
    return new Date();
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A relay sending to `baseUrl` with a short resend delay; its store doubles as the helpdesk's. */
function relayTo(baseUrl: string, store: MemoryStore) {
  const inngest = createInngestClient({ id: 'helpdesk-bot', isDev: false, eventKey: 'test-event-key', baseUrl, logger: silentLogger });
  const relay = new OutboxRelay({ jobs: store, inngest, clock: new WallClock(), logger: silentLogger, owner: 'relay-test', backoff: () => 20, pollMs: 50 });
  cleanup.push(() => relay.stop());
  return relay;
}

async function startApi(port = 0): Promise<FakeEventApi> {
  const api = await new FakeEventApi().start(port);
  cleanup.push(() => api.stop());
  return api;
}

/** A helpdesk whose use cases wake the relay; the filing person is answered by fileTicket alone. */
async function fileWith(relaySignal: { workAvailable(): void }, store: MemoryStore) {
  const f = fixture({ store, clock: new WallClock(), signal: relaySignal });
  const ann = await person(store, 'ann');
  await person(store, 'mo', 'moderator', ['vpn']);
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  return { f, ticket: filed.value.ticket };
}

async function filedJob(store: MemoryStore, ticketId: string): Promise<Job | null> {
  return store.getJobByKey(`ticket/filed:${ticketId}`);
}

describe('OutboxRelay', () => {
  it('sends pending events with the job key as the event id and completes the job after Inngest accepted it', async () => {
    const api = await startApi();
    const store = new MemoryStore();
    const relay = relayTo(api.url, store);
    // Filed while no relay runs (a restart): the event waits in the store.
    const { ticket } = await fileWith({ workAvailable: () => undefined }, store);
    expect((await filedJob(store, ticket.id))?.state).toBe('pending');

    relay.start();
    await waitFor(() => api.accepted.has(`ticket/filed:${ticket.id}`), 'the event at the API');
    await relay.idle();

    expect(api.paths[0]).toBe('POST /e/test-event-key');
    expect(api.accepted.get(`ticket/filed:${ticket.id}`)).toEqual({ id: `ticket/filed:${ticket.id}`, name: 'ticket/filed', data: { ticketId: ticket.id }, ts: expect.any(Number) });
    expect((await filedJob(store, ticket.id))?.state).toBe('done');
  });

  it('keeps the event through a 503 outage and resends it; the ticket is triaged exactly once', async () => {
    const api = await startApi();
    api.mode = 'unavailable';
    const store = new MemoryStore();
    const relay = relayTo(api.url, store);
    relay.start();
    const { f, ticket } = await fileWith(relay, store);
    // The person who filed already has the answer: fileTicket returned with the ticket.
    expect(ticket.ref).toBe(1);

    await waitFor(async () => ((await filedJob(store, ticket.id))?.attempts ?? 0) >= 2, 'two failed sends');
    const waiting = await filedJob(store, ticket.id);
    expect(waiting?.state).toBe('pending');
    expect(waiting?.lastError).toMatch(/503|unavailable/i);
    expect(api.accepted.size).toBe(0);

    api.mode = 'ok';
    await waitFor(async () => (await filedJob(store, ticket.id))?.state === 'done', 'the event sent after the outage');
    expect([...api.accepted.keys()]).toEqual([`ticket/filed:${ticket.id}`]);

    for (const event of api.accepted.values()) {
      const run = await runFunction(ticketPipelineFunction(testClient(), f.deps), event);
      expect('error' in run ? run.error : undefined).toBeUndefined();
    }
    expect(f.triage.calls).toHaveLength(1);
    expect((await store.getTicket(ticket.id))?.assigneeId).toBe('p-mo');
  });

  it('rides out connection refused until the event API comes up', async () => {
    const port = await freePort();
    const store = new MemoryStore();
    const relay = relayTo(`http://127.0.0.1:${port}`, store);
    relay.start();
    const { ticket } = await fileWith(relay, store);

    await waitFor(async () => ((await filedJob(store, ticket.id))?.attempts ?? 0) >= 1, 'a refused send');
    expect((await filedJob(store, ticket.id))?.state).toBe('pending');

    const api = await startApi(port);
    await waitFor(async () => (await filedJob(store, ticket.id))?.state === 'done', 'the event sent once the API is up');
    expect(api.deliveries.filter((e) => e.id === `ticket/filed:${ticket.id}`)).toHaveLength(1);
  });

  it('resends when the answer is lost; the repeated id runs the pipeline once', async () => {
    const api = await startApi();
    api.mode = 'lose-reply-once';
    const store = new MemoryStore();
    const relay = relayTo(api.url, store);
    relay.start();
    const { f, ticket } = await fileWith(relay, store);
    const id = `ticket/filed:${ticket.id}`;

    await waitFor(async () => (await filedJob(store, ticket.id))?.state === 'done', 'the resent event');
    expect(api.deliveries.filter((e) => e.id === id).length).toBeGreaterThanOrEqual(2);
    expect(api.accepted.size).toBe(1);

    // Even if every delivery ran (Inngest runs one per id), triage happens once per ticket.
    for (const event of api.deliveries) await runFunction(ticketPipelineFunction(testClient(), f.deps), event);
    expect(f.triage.calls).toHaveLength(1);
  });

  it('leaves unsent events in the store when stopped, for the next relay', async () => {
    const api = await startApi();
    api.mode = 'unavailable';
    const store = new MemoryStore();
    const first = relayTo(api.url, store);
    first.start();
    const { ticket } = await fileWith(first, store);
    await waitFor(async () => ((await filedJob(store, ticket.id))?.attempts ?? 0) >= 1, 'a failed send');
    await first.stop();

    api.mode = 'ok';
    const second = relayTo(api.url, store);
    second.start();
    await waitFor(async () => (await filedJob(store, ticket.id))?.state === 'done', 'the event sent by the next relay');
    expect(api.accepted.has(`ticket/filed:${ticket.id}`)).toBe(true);
  });
});
