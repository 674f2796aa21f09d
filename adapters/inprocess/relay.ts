import type { WorkSignal } from '../../core/index.js';

/**
 * Breaks the wiring cycle between use cases and the runner: HelpdeskDeps
 * needs a WorkSignal before the workflows (and so the runner) can be built.
 * Hand this to the deps, then `attach(runner)`; signals sent before that are
 * remembered and passed on at attach time.
 */
export class WorkSignalRelay implements WorkSignal {
  private target: WorkSignal | null = null;
  private missed = false;

  attach(target: WorkSignal): void {
    this.target = target;
    if (this.missed) {
      this.missed = false;
      target.workAvailable();
    }
  }

  workAvailable(): void {
    if (this.target) this.target.workAvailable();
    else this.missed = true;
  }
}
