import { z } from 'zod';

/**
 * Domain events, declared once. Use cases write them to the store's outbox
 * in the same transaction as the change they describe; the in-process runner
 * or Inngest then runs the workflows they trigger.
 */
export const eventSchemas = {
  'ticket/filed': z.object({ ticketId: z.string() }),
  'ticket/triaged': z.object({ ticketId: z.string(), ref: z.number().int(), engine: z.string() }),
  'ticket/assigned': z.object({
    ticketId: z.string(),
    ref: z.number().int(),
    assigneeId: z.string().nullable(),
    previousAssigneeId: z.string().nullable(),
    priority: z.enum(['LOW', 'MEDIUM', 'HIGH']),
    /** True for the pipeline's first assignment; false for reassignments and escalations. */
    initial: z.boolean(),
    actorId: z.string().nullable(),
    /** Set when staff changed the priority of a ticket that stays with its assignee: the SLA starts over, nobody is reassigned. */
    priorityChanged: z.boolean().optional(),
  }),
  'ticket/started': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string() }),
  'ticket/resolved': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string() }),
  'ticket/reopened': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string() }),
  'ticket/escalated': z.object({ ticketId: z.string(), ref: z.number().int(), reason: z.string() }),
  'ticket/message': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string(), text: z.string(), seq: z.number().int() }),
  /** Timers are set again from the ticket as it stands (a switch of engines, a hold lifted). */
  'ticket/timers-rearm': z.object({ ticketId: z.string(), ref: z.number().int(), reason: z.string() }),
  /** The requester rated the latest resolution; `changed` when it replaces an earlier rating. */
  'ticket/rated': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string(), rating: z.enum(['good', 'bad']), changed: z.boolean() }),
  /**
   * Staff added an internal note; `seq` is the history length after it (the note is entry `seq - 1`).
   * The note's text is read from the ticket, so it never travels in the event; only staff are told.
   */
  'ticket/noted': z.object({ ticketId: z.string(), ref: z.number().int(), actorId: z.string(), seq: z.number().int() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

/** An outbox row for an event; the key makes a retried save enqueue it once. */
export function outboxEvent<N extends EventName>(name: N, data: EventData<N>, key: string, runAt: string) {
  return { name, key: `${name}:${key}`, data: data as Record<string, unknown>, runAt };
}

export function parseEvent<N extends EventName>(name: N, data: unknown): EventData<N> {
  return eventSchemas[name].parse(data) as EventData<N>;
}
