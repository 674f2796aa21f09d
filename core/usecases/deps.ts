import type { SkillCatalog } from '../domain/skills.js';
import type { Notifier } from '../notifications/notifier.js';
import { DEFAULT_LIFECYCLE, type LifecycleSettings } from '../policies/lifecycle.js';
import { DEFAULT_SLA, type SlaSettings } from '../policies/sla.js';
import type { SimilarTicketIndex } from '../ports/similar.js';
import type { TicketStatsStore } from '../ports/stats.js';
import type { DashboardDeps } from '../ports/dashboard.js';
import type { Store } from '../ports/store.js';
import type { Clock, IdGenerator, Logger, WorkSignal } from '../ports/system.js';
import type { TriageEngine } from '../ports/triage.js';

export interface HelpdeskSettings {
  /** Identities (`console:root`, `slack:T1:U1`) that are admins from their first use. */
  readonly adminIdentities: readonly string[];
  /** Tickets one person may file per minute. */
  readonly filingLimitPerMinute: number;
  /** How many similar resolved tickets to attach. */
  readonly similarLimit: number;
  /** Start windows per priority for the SLA workflow; absent means the defaults (HIGH 30 m, MEDIUM 4 h, LOW 24 h). */
  readonly sla?: SlaSettings;
  /** Waiting on the requester: nudge, auto-close and reopening by reply; absent means the defaults. */
  readonly lifecycle?: LifecycleSettings;
}

export const DEFAULT_SETTINGS: HelpdeskSettings = {
  adminIdentities: [],
  filingLimitPerMinute: 5,
  similarLimit: 3,
  sla: DEFAULT_SLA,
  lifecycle: DEFAULT_LIFECYCLE,
};

/** Everything use cases need, as ports. Wired once in `bot/`. */
export interface HelpdeskDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalog: SkillCatalog;
  readonly triage: TriageEngine;
  readonly similar: SimilarTicketIndex;
  readonly notifier: Notifier;
  readonly signal: WorkSignal;
  readonly logger: Logger;
  readonly settings: HelpdeskSettings;
  /** Ticket metrics for /stats, kept by the store's database; absent: no stats. */
  readonly stats?: TicketStatsStore;
  /** Sign-in links and sessions of the web dashboard; absent: the dashboard is off. */
  readonly dashboard?: DashboardDeps;
}

export function nowIso(deps: Pick<HelpdeskDeps, 'clock'>): string {
  return deps.clock.now().toISOString();
}
