import type { Ticket } from '../domain/ticket.js';
import type { TicketMetrics } from '../ports/stats.js';
import { businessMsBetween } from './business-hours.js';
import { currentRating, latestResolution } from './lifecycle.js';
import { isStaffReply, slaCalendar, type SlaSettings } from './sla.js';

/** The stats row of a ticket as it stands: first response and resolution in business time on its priority's clock. */
export function ticketMetrics(ticket: Ticket, sla: SlaSettings | undefined): TicketMetrics {
  const calendar = slaCalendar(sla, ticket.priority);
  const created = Date.parse(ticket.createdAt);
  const first = ticket.history.find((h) => h.type === 'started' || isStaffReply(ticket, h));
  const resolution = latestResolution(ticket);
  return {
    ticketId: ticket.id,
    version: ticket.version,
    status: ticket.status,
    priority: ticket.priority,
    skills: [...ticket.skills],
    assigneeId: ticket.assigneeId,
    createdAt: ticket.createdAt,
    resolvedAt: resolution ? resolution.entry.at : null,
    firstResponseMs: first ? businessMsBetween(calendar, created, Date.parse(first.at)) : null,
    resolutionMs: resolution ? businessMsBetween(calendar, created, Date.parse(resolution.entry.at)) : null,
    breached: ticket.history.some((h) => h.type === 'reminded'),
    reopens: ticket.history.filter((h) => h.type === 'reopened').length,
    rating: currentRating(ticket)?.rating ?? null,
  };
}
