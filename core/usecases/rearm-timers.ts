import { outboxEvent } from '../domain/events.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';

const NAMESPACE = 'timers';
const ENGINE_KEY = 'engine';
const PAGE = 500;

/** `inngest (cloud)` and `inngest (dev server)` are one engine as far as timers go. */
function engineFamily(name: string): string {
  return name.startsWith('inngest') ? 'inngest' : name;
}

/**
 * Timers (SLA windows, waiting on the requester) live with the engine that
 * set them: the in-process runner keeps them in the store, Inngest keeps them
 * in Inngest. When the helpdesk starts on a different engine than last time
 * (or for the first time with these timers), every open ticket gets a
 * `ticket/timers-rearm` event, and the timer workflows set their timers
 * again from the ticket's history with the original deadlines. Reminders
 * and escalations already recorded in the history are not repeated, so a
 * timer the old engine still fires later does nothing. Returns how many
 * tickets were rearmed (0 when the engine did not change).
 */
export async function rearmTimersAfterEngineSwitch(deps: HelpdeskDeps, engine: string): Promise<number> {
  const family = engineFamily(engine);
  const previous = await deps.store.getValue(NAMESPACE, ENGINE_KEY);
  if (previous === family) return 0;
  let rearmed = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.store.listTickets({ statuses: ['TODO', 'IN_PROGRESS'], order: 'oldest', limit: PAGE, offset });
    const now = nowIso(deps);
    for (const ticket of page) {
      await deps.store.enqueueJob(outboxEvent('ticket/timers-rearm', { ticketId: ticket.id, ref: ticket.ref, reason: `engine ${previous ?? 'unknown'} → ${family}` }, `${family}:${ticket.id}:${ticket.version}`, now), now);
      rearmed++;
    }
    if (page.length < PAGE) break;
  }
  await deps.store.setValue(NAMESPACE, ENGINE_KEY, family);
  if (rearmed > 0) deps.signal.workAvailable();
  return rearmed;
}
