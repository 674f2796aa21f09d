/** What `eval:triage` prints, read back for the tests that run it as a command. */
export interface TriageFigures {
  readonly routed_ok: number;
  readonly admin_fallback: number;
  readonly invented: number;
  readonly priority_acc: number;
  readonly high_recall: number;
  /** Tickets with gold skills, with a gold priority, and gold HIGH: what each share is a share of. */
  readonly routable: number;
  readonly priorityScored: number;
  readonly high: number;
}

export function triageFigures(stdout: string): TriageFigures {
  const figure = (name: string) => {
    const m = new RegExp(`^${name}\\s+([0-9.]+)$`, 'm').exec(stdout);
    if (!m?.[1]) throw new Error(`eval:triage printed no ${name}:\n${stdout}`);
    return Number(m[1]);
  };
  const counts = /with gold skills (\d+), with gold priority (\d+) \(HIGH (\d+)\)/.exec(stdout);
  if (!counts) throw new Error(`eval:triage printed no counts:\n${stdout}`);
  return {
    routed_ok: figure('routed_ok'),
    admin_fallback: figure('admin_fallback'),
    invented: figure('invented'),
    priority_acc: figure('priority_acc'),
    high_recall: figure('high_recall'),
    routable: Number(counts[1]),
    priorityScored: Number(counts[2]),
    high: Number(counts[3]),
  };
}
