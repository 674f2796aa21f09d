import { DomainRejection } from '../domain/errors.js';
import type { JobStore } from '../ports/jobs.js';
import type { WorkflowEvent, WorkflowStep } from '../ports/step.js';
import type { Clock } from '../ports/system.js';
import type { WorkflowDefinition } from '../workflows/workflow.js';

/**
 * A test engine that runs the outbox to completion in the calling task:
 * each event job runs every workflow it triggers, steps run at once,
 * sleeps return immediately and waits resolve to null (time-outs), unless
 * `waits` says otherwise. It has no leases, retries or timers: surfaces'
 * tests use it to see the whole effect of an action deterministically.
 * The production engines are the in-process runner and Inngest.
 */
export class InlineEngine {
  readonly failures: { workflow: string; error: unknown }[] = [];
  /** Waits for these event names resolve with a synthetic event instead of timing out. */
  waits = new Map<string, WorkflowEvent>();

  constructor(
    private readonly jobs: JobStore,
    private readonly workflows: readonly WorkflowDefinition[],
    private readonly clock: Clock,
    private readonly owner = 'inline',
  ) {}

  /** Runs due jobs until none is left; returns how many workflow runs happened. */
  async drain(maxJobs = 10_000): Promise<number> {
    let runs = 0;
    for (let i = 0; i < maxJobs; i++) {
      const now = this.clock.now().toISOString();
      const job = await this.jobs.claimDueJob(this.owner, now, new Date(this.clock.now().getTime() + 60_000).toISOString());
      if (!job) return runs;
      const event: WorkflowEvent = { name: job.name, data: { ...job.data } };
      await this.jobs.deliverEvent(event, now);
      for (const wf of this.workflows.filter((w) => w.trigger === job.name)) {
        runs++;
        try {
          await wf.run(event, this.step());
        } catch (error) {
          this.failures.push({ workflow: wf.id, error });
          if (!(error instanceof DomainRejection)) throw error;
        }
      }
      await this.jobs.completeJob(job.id, this.owner, now);
    }
    throw new Error('InlineEngine.drain: too many jobs; is a workflow looping?');
  }

  private step(): WorkflowStep {
    const now = () => this.clock.now().toISOString();
    return {
      run: async <T>(_id: string, fn: () => Promise<T>) => JSON.parse(JSON.stringify((await fn()) ?? null)) as T,
      sendEvent: async (id, event) => {
        const list = Array.isArray(event) ? event : [event];
        for (const [i, e] of list.entries()) {
          await this.jobs.enqueueJob({ name: e.name, key: `inline:${id}:${i}:${Math.random()}`, data: e.data, runAt: now() }, now());
        }
        return { ids: list.map((_, i) => `${id}-${i}`) };
      },
      sleep: async () => undefined,
      waitForEvent: async (_id, options) => this.waits.get(options.event) ?? null,
    };
  }
}
