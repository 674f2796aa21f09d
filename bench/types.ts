/** One benchmark figure, printed as a table row or a JSON line. */
export interface Metric {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Human statement of the target, e.g. `< 1` or `>= 500`. */
  readonly target?: string;
}

/** A benchmark suite: a file in bench/suites/ whose default export is one of these. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<Metric[]>;
}
