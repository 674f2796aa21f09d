import { eventType } from 'inngest';
import { eventSchemas, type EventName } from '../core/index.js';

/**
 * Inngest event types built from core's zod schemas, so every event is
 * declared once (core/domain/events.ts). Inngest validates trigger data
 * against these schemas before a function runs.
 */
export const ticketFiled = eventType('ticket/filed', { schema: eventSchemas['ticket/filed'] });
export const ticketTriaged = eventType('ticket/triaged', { schema: eventSchemas['ticket/triaged'] });
export const ticketAssigned = eventType('ticket/assigned', { schema: eventSchemas['ticket/assigned'] });
export const ticketStarted = eventType('ticket/started', { schema: eventSchemas['ticket/started'] });
export const ticketResolved = eventType('ticket/resolved', { schema: eventSchemas['ticket/resolved'] });
export const ticketReopened = eventType('ticket/reopened', { schema: eventSchemas['ticket/reopened'] });
export const ticketEscalated = eventType('ticket/escalated', { schema: eventSchemas['ticket/escalated'] });
export const ticketMessage = eventType('ticket/message', { schema: eventSchemas['ticket/message'] });
export const ticketTimersRearm = eventType('ticket/timers-rearm', { schema: eventSchemas['ticket/timers-rearm'] });
export const ticketRated = eventType('ticket/rated', { schema: eventSchemas['ticket/rated'] });
export const ticketNoted = eventType('ticket/noted', { schema: eventSchemas['ticket/noted'] });

/** Every domain event by name. */
export const inngestEvents = {
  'ticket/filed': ticketFiled,
  'ticket/triaged': ticketTriaged,
  'ticket/assigned': ticketAssigned,
  'ticket/started': ticketStarted,
  'ticket/resolved': ticketResolved,
  'ticket/reopened': ticketReopened,
  'ticket/escalated': ticketEscalated,
  'ticket/message': ticketMessage,
  'ticket/timers-rearm': ticketTimersRearm,
  'ticket/rated': ticketRated,
  'ticket/noted': ticketNoted,
} as const satisfies { readonly [N in EventName]: unknown };
