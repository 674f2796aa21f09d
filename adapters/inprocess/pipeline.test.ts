import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../core/index.js';
import { FakeClock, RecordingChannel } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { WorkSignalRelay } from './relay.js';
import { InProcessRunner } from './runner.js';
import { helpdeskOn, person, RecordingLogger } from './test-support.js';

const runners: InProcessRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

/** The production wiring in miniature: use cases signal the runner through a relay. */
function wire(store: Store, clock: FakeClock, options: { owner?: string; channel?: RecordingChannel } = {}) {
  const relay = new WorkSignalRelay();
  const logger = new RecordingLogger();
  const fixture = helpdeskOn(store, clock, relay, { logger, ...(options.channel ? { channel: options.channel } : {}) });
  const runner = new InProcessRunner({ jobs: store, workflows: fixture.helpdesk.workflows(), clock, logger, owner: options.owner ?? 'runner-a', backoff: () => 1_000 });
  relay.attach(runner);
  runners.push(runner);
  return { ...fixture, runner, logger };
}

async function staff(store: Store) {
  return {
    root: await person(store, 'root', 'admin'),
    bob: await person(store, 'bob', 'moderator', ['vpn', 'networking']),
    alice: await person(store, 'alice'),
  };
}

describe('the ticket pipeline on the in-process runner', () => {
  it('files → triage → assign → notifications, each exactly once; later actions reach the right people', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { root, bob, alice } = await staff(store);
    const { helpdesk, channel, runner, logger } = wire(store, clock);
    runner.start();

    const filed = await helpdesk.fileTicket({ requesterId: alice.id, title: 'VPN drops every hour', description: 'Since Monday.', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    const ticketId = filed.value.ticket.id;
    await runner.idle();

    const ticket = await store.getTicket(ticketId);
    expect(ticket?.assigneeId).toBe(bob.id);
    expect(ticket?.history.map((h) => h.type)).toEqual(['filed', 'triaged', 'assigned']);
    expect(channel.kindsFor(alice.id)).toEqual(['ticket.filed', 'ticket.triaged', 'ticket.assigned']);
    expect(channel.kindsFor(bob.id)).toEqual(['ticket.assignment']);
    expect(channel.kindsFor(root.id)).toEqual([]);
    // The SLA timer is parked for later and does not hold idle() up.
    expect(await store.listJobs({ states: ['waiting'], names: ['run:ticket-sla'] })).toHaveLength(1);
    expect(logger.at('error')).toEqual([]);
    expect(logger.entries.find((e) => e.msg === 'workflow run completed' && e.bindings['workflow'] === 'ticket-pipeline')?.bindings).toMatchObject({
      ticketId,
      attempt: 1,
    });

    expect((await helpdesk.startTicket({ ticketId, actorId: bob.id })).ok).toBe(true);
    await runner.idle();
    expect((await helpdesk.resolveTicket({ ticketId, actorId: bob.id, note: 'Renewed the VPN certificate.' })).ok).toBe(true);
    await runner.idle();
    expect(channel.kindsFor(alice.id)).toEqual(['ticket.filed', 'ticket.triaged', 'ticket.assigned', 'ticket.started', 'ticket.resolved']);
    expect(channel.kindsFor(bob.id)).toEqual(['ticket.assignment', 'ticket.card', 'ticket.card']);
    // Starting ended the SLA wait: nothing is left running, waiting or failed.
    expect(await store.listJobs({ states: ['pending', 'running', 'waiting', 'failed'] })).toEqual([]);
  });

  it('tells the admins when nobody can take the ticket', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const admin = await person(store, 'root', 'admin');
    const root = await store.updatePerson(admin.id, { availability: 'away' }, admin.version, clock.now().toISOString());
    const alice = await person(store, 'alice');
    const { helpdesk, channel, runner } = wire(store, clock);
    runner.start();
    await helpdesk.fileTicket({ requesterId: alice.id, title: 'Printer on fire', origin: { platform: 'console' } });
    await runner.idle();
    expect(channel.kindsFor(root.id)).toEqual(['ticket.needs-assignee']);
    expect(channel.kindsFor(alice.id)).toEqual(['ticket.filed', 'ticket.triaged', 'ticket.assigned']);
  });

  it('two runners on one store deliver every notification of many tickets exactly once', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { bob, alice } = await staff(store);
    const channel = new RecordingChannel('console');
    const a = wire(store, clock, { owner: 'process-a', channel });
    const b = wire(store, clock, { owner: 'process-b', channel });
    a.runner.start();
    b.runner.start();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const filed = await a.helpdesk.fileTicket({ requesterId: alice.id, title: `VPN issue ${i}`, origin: { platform: 'console' } });
      if (filed.ok) ids.push(filed.value.ticket.id);
    }
    b.runner.workAvailable();
    // Each idle() speaks for its own process; after both, a last look finds nothing either left.
    await a.runner.idle();
    await b.runner.idle();
    await a.runner.idle();

    expect(ids).toHaveLength(30);
    for (const id of ids) {
      const sent = channel.sent.filter((s) => s.notification.ticket.id === id).map((s) => `${s.person.id}:${s.notification.kind}`);
      expect(sent.sort()).toEqual([`${alice.id}:ticket.assigned`, `${alice.id}:ticket.filed`, `${alice.id}:ticket.triaged`, `${bob.id}:ticket.assignment`]);
      const t = await store.getTicket(id);
      expect(t?.history.filter((h) => h.type === 'triaged')).toHaveLength(1);
      expect(t?.history.filter((h) => h.type === 'assigned')).toHaveLength(1);
    }
  });
});
