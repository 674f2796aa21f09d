import type { EventWait } from './jobs.js';

/**
 * Whether an event wakes a job parked on `wait`: same event name, and the
 * event's `data.<matchField>` (a dotted path) equals the stored match value.
 * Numbers and booleans compare by their string form, as the match value was
 * taken from the job's own data. Shared by every JobStore so they agree.
 */
export function eventMatchesWait(wait: EventWait, event: { readonly name: string; readonly data: Readonly<Record<string, unknown>> }): boolean {
  if (event.name !== wait.event) return false;
  let value: unknown = event.data;
  for (const part of wait.matchField.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return value === wait.matchValue;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value) === wait.matchValue;
  return false;
}

/**
 * Every string, number and boolean in the event data (as strings): the
 * values a wait can match on. Stores look waiters up by (event name, one of
 * these values) in an index, then confirm each with eventMatchesWait.
 */
export function eventMatchValues(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.add(String(value));
  else if (typeof value === 'object' && value !== null && depth < 8) for (const v of Object.values(value)) eventMatchValues(v, out, depth + 1);
  return out;
}
