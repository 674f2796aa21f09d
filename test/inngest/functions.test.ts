import { describe, expect, it } from 'vitest';
import { allWorkflows, type Ticket } from '../../core/index.js';
import { FixedTriage } from '../../core/testing/fakes.js';
import { InlineEngine } from '../../core/testing/inline-engine.js';
import { ticketPipelineFunction } from '../../inngest/functions/ticket-pipeline.js';
import { ticketResolvedFunction } from '../../inngest/functions/ticket-resolved.js';
import { functions } from '../../inngest/index.js';
import { fixture, person, runFunction, runOutbox, runStep, testClient, type Fixture } from './support.js';

async function fileOne(f: Fixture, title = 'VPN drops every hour'): Promise<Ticket> {
  const requester = await f.store.getPerson('p-ann');
  const filed = await f.helpdesk.fileTicket({ requesterId: requester?.id ?? 'p-ann', title, origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  return filed.value.ticket;
}

function expectOk(result: { ok: boolean; error?: { message: string } }): void {
  expect(result.error?.message).toBeUndefined();
}

async function people(f: Fixture) {
  return {
    ann: await person(f.store, 'ann'),
    mo: await person(f.store, 'mo', 'moderator', ['vpn']),
    root: await person(f.store, 'root', 'admin'),
  };
}

describe('ticket pipeline on Inngest', () => {
  it('runs core pipeline: triage, assignment and each notification as its own step', async () => {
    const f = fixture();
    const { ann, mo } = await people(f);
    const ticket = await fileOne(f);

    const out = await runFunction(ticketPipelineFunction(testClient(), f.deps), { name: 'ticket/filed', data: { ticketId: ticket.id } });

    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(out.result).toEqual({ ref: 1, assigneeId: mo.id });
    const stepIds = out.ctx.step.run.mock.calls.map((c: unknown[]) => c[0]);
    expect(new Set(stepIds)).toEqual(new Set(['notify-requester-filed', 'triage', 'assign', 'notify-requester-triaged', 'notify-moderator', 'notify-requester-assigned']));
    expect(f.triage.calls).toHaveLength(1);
    expect(f.chat.kindsFor(ann.id)).toEqual(['ticket.filed', 'ticket.triaged', 'ticket.assigned']);
    expect(f.chat.kindsFor(mo.id)).toEqual(['ticket.assignment']);
    const stored = await f.store.getTicket(ticket.id);
    expect(stored?.assigneeId).toBe(mo.id);
    expect(stored?.priority).toBe('HIGH');
  });

  it('turns a DomainRejection inside a step into NonRetriableError (the step fails for good)', async () => {
    const f = fixture();
    const fn = ticketPipelineFunction(testClient(), f.deps);
    const event = { name: 'ticket/filed', data: { ticketId: 'gone' } };

    const step = await runStep(fn, event, 'notify-requester-filed');
    expect(step.step.op).toBe('StepFailed');
    expect(step.error).toMatchObject({ name: 'NonRetriableError', cause: { name: 'DomainRejection' } });

    const run = await runFunction(fn, event);
    expect('result' in run ? run.result : undefined).toBeUndefined();
    expect('error' in run ? run.error : undefined).toMatchObject({ name: 'NonRetriableError' });
  });

  it('leaves a transient failure retriable and the run failed, never reported as success', async () => {
    const f = fixture({
      triage: new FixedTriage(() => {
        throw new Error('AI provider answered 503');
      }),
    });
    await people(f);
    const ticket = await fileOne(f);
    const fn = ticketPipelineFunction(testClient(), f.deps);
    const event = { name: 'ticket/filed', data: { ticketId: ticket.id } };

    const step = await runStep(fn, event, 'triage');
    expect(step.step.op).toBe('StepError');
    expect(step.error).toMatchObject({ message: 'AI provider answered 503' });

    const run = await runFunction(fn, event);
    expect('result' in run ? run.result : undefined).toBeUndefined();
    expect('error' in run ? run.error : undefined).toMatchObject({ message: 'AI provider answered 503' });
    expect((await f.store.getTicket(ticket.id))?.assigneeId).toBeNull();
  });

  it('rejects event data that does not match core schema without retrying', async () => {
    const f = fixture();
    const run = await runFunction(ticketPipelineFunction(testClient(), f.deps), { name: 'ticket/filed', data: { ticket: 42 } });
    // Inngest checks the trigger's zod schema (core's) before the handler runs; EventValidationError is a NonRetriableError.
    expect('error' in run ? run.error : undefined).toMatchObject({ name: 'EventValidationError', message: expect.stringContaining('ticketId') });
    expect(f.triage.calls).toHaveLength(0);
  });
});

describe('resolved follow-up on Inngest', () => {
  it('adds the ticket to the similar index and tells the requester', async () => {
    const f = fixture();
    const { ann, mo } = await people(f);
    const ticket = await fileOne(f);
    await runOutbox(f.store, f.clock, [ticketPipelineFunction(testClient(), f.deps)]);
    const resolved = await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: mo.id, note: 'Updated the VPN client to 5.2' });
    expect(resolved.ok).toBe(true);

    const out = await runFunction(ticketResolvedFunction(testClient(), f.deps), { name: 'ticket/resolved', data: { ticketId: ticket.id, ref: ticket.ref, actorId: mo.id } });

    expect('error' in out ? out.error : undefined).toBeUndefined();
    expect(f.similar.size).toBe(1);
    expect(await f.similar.search({ title: 'VPN drops', description: '' }, { limit: 1 })).toMatchObject([{ ticketId: ticket.id, resolution: 'Updated the VPN client to 5.2' }]);
    expect(f.chat.kindsFor(ann.id).at(-1)).toBe('ticket.resolved');
    expect(f.chat.kindsFor(mo.id).at(-1)).toBe('ticket.card');
  });
});

describe('the function list', () => {
  it('has one function per core workflow, each limited to one run per ticket at a time', () => {
    const f = fixture();
    const fns = functions(testClient(), f.deps);
    expect(fns.map((fn) => fn.id()).sort()).toEqual(allWorkflows(f.deps).map((w) => w.id).sort());
    for (const fn of fns) expect(fn.opts.concurrency).toEqual({ key: 'event.data.ticketId', limit: 1 });
  });

  it('makes the pipeline idempotent per ticket and throttles it; the SLA is cancelled by start and resolution', () => {
    const f = fixture();
    const fns = new Map(functions(testClient(), f.deps, { pipelineThrottle: { limit: 5, period: '1m' } }).map((fn) => [fn.id(), fn]));
    const pipeline = fns.get('ticket-pipeline');
    expect(pipeline?.opts.idempotency).toBe('event.data.ticketId');
    expect(pipeline?.opts.throttle).toEqual({ limit: 5, period: '1m' });
    expect(fns.get('ticket-sla')?.opts.cancelOn).toEqual([
      { event: 'ticket/started', match: 'data.ticketId' },
      { event: 'ticket/resolved', match: 'data.ticketId' },
    ]);
    // Other functions run once per event (the outbox key is the event id), not once per ticket.
    expect(fns.get('ticket-started')?.opts.idempotency).toBeUndefined();
  });
});

describe('same behaviour on both engines', () => {
  /** A whole ticket life: filed, reassigned by hand, messages, started, resolved, reopened. */
  async function lifecycle(f: Fixture, drain: () => Promise<void>) {
    const { ann, mo, root } = await people(f);
    const other = await person(f.store, 'max', 'moderator', ['printers']);
    const ticket = await fileOne(f);
    await drain();
    expectOk(await f.helpdesk.reassignTicket({ ticketId: ticket.id, actorId: mo.id, to: other.id }));
    await drain();
    expectOk(await f.helpdesk.postMessage({ ticketId: ticket.id, actorId: ann.id, text: 'It happens on Wi-Fi only' }));
    expectOk(await f.helpdesk.startTicket({ ticketId: ticket.id, actorId: other.id }));
    await drain();
    expectOk(await f.helpdesk.resolveTicket({ ticketId: ticket.id, actorId: other.id, note: 'Disabled Wi-Fi power saving' }));
    await drain();
    expectOk(await f.helpdesk.reopenTicket({ ticketId: ticket.id, actorId: ann.id }));
    await drain();
    const finalTicket = await f.store.getTicket(ticket.id);
    return {
      told: Object.fromEntries([ann, mo, root, other].map((p) => [p.displayName, f.chat.kindsFor(p.id)])),
      history: finalTicket?.history.map((h) => h.type),
      status: finalTicket?.status,
      indexed: f.similar.size,
    };
  }

  it('gives the same notifications and history with the inline engine and with the Inngest functions', async () => {
    const inline = fixture();
    const engine = new InlineEngine(inline.store, allWorkflows(inline.deps), inline.clock);
    const viaInline = await lifecycle(inline, async () => {
      await engine.drain();
    });

    const inn = fixture();
    const fns = functions(testClient(), inn.deps);
    const viaInngest = await lifecycle(inn, async () => {
      const runs = await runOutbox(inn.store, inn.clock, fns);
      for (const r of runs) expect(r.error, `${r.fn} on ${r.event}`).toBeUndefined();
    });

    expect(viaInngest).toEqual(viaInline);
    expect(viaInngest.told['max']).toContain('ticket.message');
    expect(viaInngest.told['max']?.[0]).toBe('ticket.assignment');
    expect(viaInngest.status).toBe('TODO');
  });
});
