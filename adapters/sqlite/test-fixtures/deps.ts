import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, Notifier, SkillCatalog, silentLogger, type HelpdeskDeps, type Store } from '../../../core/index.js';
import { CountingSignal, FixedTriage, MemorySimilarIndex } from '../../../core/testing/fakes.js';

/** Use-case dependencies around a real store, with fakes for everything else and no filing limit. */
export function depsWith(store: Store): HelpdeskDeps {
  return {
    store,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    catalog: new SkillCatalog(),
    triage: new FixedTriage(),
    similar: new MemorySimilarIndex(),
    notifier: new Notifier([], silentLogger),
    signal: new CountingSignal(),
    logger: silentLogger,
    settings: { ...DEFAULT_SETTINGS, filingLimitPerMinute: 0 },
  };
}
