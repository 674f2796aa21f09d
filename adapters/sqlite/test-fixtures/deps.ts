import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, type HelpdeskDeps, type Store } from '../../../core/index.js';
import { depsAround } from '../../../core/testing/harness.js';

/** Use-case dependencies around a real store, with fakes for everything else and no filing limit. */
export function depsWith(store: Store): HelpdeskDeps {
  return depsAround(store, { ids: { newId: () => randomUUID() }, settings: { ...DEFAULT_SETTINGS, filingLimitPerMinute: 0 } });
}
