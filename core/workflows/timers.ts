import type { Iso } from '../domain/ticket.js';
import type { WorkflowStep } from '../ports/step.js';
import type { HelpdeskDeps } from '../usecases/deps.js';

/** Durable waits resolve no sooner than a second on Inngest; the same floor keeps both engines alike. */
const MIN_WAIT_MS = 1_000;
/** How far an engine's timer may run ahead of this server's clock and still count as on time. */
const CLOCK_GRACE_MS = 5_000;
/**
 * How many times a wait that ended before its deadline (the engine's timer
 * ran ahead of this server's clock, or the clock was set back) waits out
 * the rest before the run gives up rather than act early.
 */
const MAX_ROUNDS = 6;

export type WaitOutcome = 'due' | 'woken' | 'early';

/**
 * Waits until `deadline` on this server's clock: a durable sleep, or a wait
 * for `wake` (an event with the same `ticketId`) that ends it sooner. The
 * deadline is absolute, so a run that resumes late (a restart, an outbox
 * backlog, the clock jumping forward) is not late again, and a timer that
 * fires early (the clock jumped back) waits out the rest. The clock is read
 * inside steps, so a replay takes the same path; each round has its own
 * step ids, so a timer fires once.
 */
export async function waitUntil(deps: HelpdeskDeps, step: WorkflowStep, id: string, deadline: Iso, wake?: { readonly event: string }): Promise<WaitOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stepId = round === 0 ? id : round === 1 ? `${id}-rest` : `${id}-rest-${round}`;
    const remaining = Math.max(MIN_WAIT_MS, Date.parse(deadline) - deps.clock.now().getTime());
    if (wake) {
      const event = await step.waitForEvent(stepId, { event: wake.event, timeout: remaining, match: 'data.ticketId' });
      if (event) return 'woken';
    } else {
      await step.sleep(stepId, remaining);
    }
    const reached = await step.run(`${stepId}-deadline`, async () => deps.clock.now().getTime() >= Date.parse(deadline) - CLOCK_GRACE_MS);
    if (reached) return 'due';
  }
  deps.logger.warn({ step: id, deadline }, 'timer ended before its deadline again and again; not acting early (check the clocks)');
  return 'early';
}
