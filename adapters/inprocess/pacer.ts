/**
 * Shares the event loop between background runs and everything else the
 * process does (answering Slack within its 3 seconds, serving HTTP).
 *
 * Each workflow step waits for `turn()` before it starts. Steps go ahead at
 * once while the current slice of `sliceMs` lasts; a slice ends when it is
 * used up or when the event loop comes round to its next check phase. Steps
 * that find the slice used up wait for a later turn of the event loop, after
 * Node has polled for I/O, and are then let through one per `setImmediate`
 * callback, so each one's synchronous work (triage, rendering a message,
 * reading the ticket) is over before the clock is read again. Requests that
 * arrive meanwhile are therefore handled within about one slice plus one
 * commit however much background work is queued, while the runner still
 * gets most of an otherwise idle CPU.
 */
export class Pacer {
  private readonly queue: (() => void)[] = [];
  /** Id of the scheduled batch of releases; releases of an older batch do nothing. */
  private batch = 0;
  /** Releases of the current batch not run yet. */
  private left = 0;
  /** When the open slice started, or null when none is open. */
  private sliceStart: number | null = null;
  /** The current slice length: shrinks while turns of the event loop run long, grows back while they are short. */
  private sliceMs: number;

  constructor(private readonly options: { readonly maxSliceMs: number; readonly targetTurnMs: number }) {
    this.sliceMs = options.maxSliceMs;
  }

  /** The current slice as a share of the longest one: 1 while the process is at ease, less while it is busy. */
  get share(): number {
    return this.sliceMs / this.options.maxSliceMs;
  }

  /** Resolves when the caller may run its next piece of work. */
  turn(): Promise<void> {
    if (this.queue.length === 0 && this.admit()) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push(resolve);
      // With a slice open (and used up), its end arms the releases; arming
      // from here could let them run before the next poll for I/O.
      if (this.left === 0 && this.sliceStart === null) this.arm();
    });
  }

  /** True while the open slice has time left; opens a slice when none is open. */
  private admit(): boolean {
    const now = performance.now();
    if (this.sliceStart === null) {
      this.sliceStart = now;
      // Runs in the next check phase, after the I/O poll: the slice never outlives one turn of the loop.
      setImmediate(this.endSlice);
      return true;
    }
    return now - this.sliceStart < this.sliceMs;
  }

  private readonly endSlice = (): void => {
    if (this.sliceStart === null) return;
    // From the slice's start to the next check phase: about one turn of the event loop.
    const turn = performance.now() - this.sliceStart;
    this.sliceStart = null;
    this.sliceMs = turn > this.options.targetTurnMs ? Math.max(MIN_SLICE_MS, this.sliceMs / 2) : Math.min(this.options.maxSliceMs, this.sliceMs + MIN_SLICE_MS);
    // Scheduled from a check phase, the releases run in the next turn, after the poll for I/O.
    if (this.left === 0 && this.queue.length > 0) this.arm();
  };

  /**
   * One release per waiter, each in its own setImmediate callback. Always
   * called from a check phase (a release or the end of a slice), so they run
   * in the next turn of the loop, after Node has polled for I/O.
   */
  private arm(): void {
    const id = ++this.batch;
    this.left = this.queue.length;
    for (let i = 0; i < this.left; i++) setImmediate(() => this.release(id));
  }

  private release(id: number): void {
    if (id !== this.batch) return;
    this.left--;
    if (!this.admit()) {
      // This turn's share is used up: the rest go after the next poll for I/O.
      this.arm();
      return;
    }
    this.queue.shift()?.();
    if (this.left === 0 && this.queue.length > 0) this.arm();
  }
}

/** The shortest slice: one step still runs per turn, however busy the process is. */
const MIN_SLICE_MS = 0.5;
