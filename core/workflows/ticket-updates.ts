import { parseEvent } from '../domain/events.js';
import type { Ticket } from '../domain/ticket.js';
import type { HelpdeskDeps } from '../usecases/deps.js';
import { loadTicket, notifyAdmins, notifyPerson, refOf } from './notify.js';
import type { WorkflowDefinition } from './workflow.js';

/** Requester told, moderator's card refreshed. */
export function ticketStarted(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-started',
    trigger: 'ticket/started',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, actorId } = parseEvent('ticket/started', event.data);
      await step.run('notify-requester', () =>
        whileCurrent(deps, ticketId, 'started', (t) => t.status === 'IN_PROGRESS', async (ticket) =>
          notifyPerson(deps, ticket.requesterId, { kind: 'ticket.started', audience: 'requester', ticket, by: await refOf(deps, actorId) }),
        ),
      );
      await step.run('refresh-card', () => refreshCard(deps, ticketId));
    },
  };
}

/** Resolved follow-up: the requester gets the note, the ticket joins the similar-ticket index. */
export function ticketResolved(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-resolved',
    trigger: 'ticket/resolved',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, actorId } = parseEvent('ticket/resolved', event.data);
      await step.run('index-similar', async () => {
        const ticket = await loadTicket(deps, ticketId);
        if (ticket.status !== 'DONE' || !ticket.resolution) return { indexed: false };
        await deps.similar.add({ ticketId, ref: ticket.ref, title: ticket.title, description: ticket.description, resolution: ticket.resolution });
        return { indexed: true };
      });
      await step.run('notify-requester', () =>
        whileCurrent(deps, ticketId, 'resolved', (t) => t.status === 'DONE', async (ticket) =>
          notifyPerson(deps, ticket.requesterId, { kind: 'ticket.resolved', audience: 'requester', ticket, by: await refOf(deps, actorId) }),
        ),
      );
      await step.run('refresh-card', () => refreshCard(deps, ticketId));
    },
  };
}

/** Reopened: the moderator and the requester hear of it; the ticket leaves the similar index. */
export function ticketReopened(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-reopened',
    trigger: 'ticket/reopened',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, actorId } = parseEvent('ticket/reopened', event.data);
      await step.run('unindex-similar', async () => {
        await deps.similar.remove(ticketId);
        return true;
      });
      // Reopened means back in the queue: once started or resolved again, the notice is stale.
      const reopened = (t: Ticket) => t.status === 'TODO';
      await step.run('notify-moderator', () =>
        whileCurrent(deps, ticketId, 'reopened', reopened, async (ticket) => {
          if (!ticket.assigneeId || ticket.assigneeId === actorId) return null;
          return notifyPerson(deps, ticket.assigneeId, { kind: 'ticket.reopened', audience: 'moderator', ticket, by: await refOf(deps, actorId) });
        }),
      );
      await step.run('notify-requester', () =>
        whileCurrent(deps, ticketId, 'reopened', reopened, async (ticket) => {
          if (ticket.requesterId === actorId) return null;
          return notifyPerson(deps, ticket.requesterId, { kind: 'ticket.reopened', audience: 'requester', ticket, by: await refOf(deps, actorId) });
        }),
      );
      await step.run('refresh-card', () => refreshCard(deps, ticketId));
    },
  };
}

/** Reassignment (not the pipeline's first assignment): new and old moderator and the requester are told. */
export function ticketReassigned(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-reassigned',
    trigger: 'ticket/assigned',
    concurrencyKey: 'ticketId',
    startsFor: (data) => data.initial !== true,
    async run(event, step) {
      const data = parseEvent('ticket/assigned', event.data);
      if (data.initial) return { skipped: 'initial assignment is notified by the pipeline' };
      if (data.priorityChanged) {
        // Same assignee, new priority: only the requester needs to hear it (the SLA restarts on this event).
        await step.run('notify-requester-priority', async () => {
          const ticket = await loadTicket(deps, data.ticketId);
          return notifyPerson(deps, ticket.requesterId, { kind: 'ticket.triaged', audience: 'requester', ticket });
        });
        return { notified: 'requester' };
      }
      const { ticketId, assigneeId, previousAssigneeId } = data;
      // Still with the assignee this event names (or still unassigned) and not resolved since.
      const stillAssigned = (t: Ticket) => t.assigneeId === assigneeId && t.status !== 'DONE';
      let adminsTold = false;
      if (assigneeId) {
        await step.run('notify-new-moderator', () =>
          whileCurrent(deps, ticketId, 'reassigned', stillAssigned, async (ticket) => {
            const reason = `reassigned${data.actorId ? ` by ${(await refOf(deps, data.actorId)).displayName}` : ''}`;
            return notifyPerson(deps, assigneeId, { kind: 'ticket.assignment', audience: 'moderator', ticket, requester: await refOf(deps, ticket.requesterId), reason });
          }),
        );
      } else {
        const delivered = await step.run('notify-admins', () =>
          whileCurrent(deps, ticketId, 'unassigned', stillAssigned, (ticket) =>
            notifyAdmins(deps, { kind: 'ticket.needs-assignee', audience: 'admin', ticket, reason: ticket.unassignedReason ?? 'nobody is available' }),
          ),
        );
        adminsTold = typeof delivered === 'number' && delivered > 0;
      }
      if (previousAssigneeId && previousAssigneeId !== data.actorId) {
        await step.run('notify-previous-moderator', () =>
          whileCurrent(deps, ticketId, 'unassigned-from', (t) => t.assigneeId !== previousAssigneeId, async (ticket) =>
            notifyPerson(deps, previousAssigneeId, { kind: 'ticket.unassigned-from', audience: 'moderator', ticket, to: assigneeId ? await refOf(deps, assigneeId) : null }),
          ),
        );
      }
      await step.run('notify-requester', () =>
        whileCurrent(deps, ticketId, 'reassigned', stillAssigned, async (ticket) =>
          notifyPerson(deps, ticket.requesterId, { kind: 'ticket.assigned', audience: 'requester', ticket, assignee: assigneeId ? await refOf(deps, assigneeId) : null, adminsTold }),
        ),
      );
    },
  };
}

/** Relay: a message from one side of the ticket reaches the other. */
export function ticketMessage(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-message',
    trigger: 'ticket/message',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, actorId, text } = parseEvent('ticket/message', event.data);
      await step.run('relay', async () => {
        const ticket = await loadTicket(deps, ticketId);
        const from = await refOf(deps, actorId);
        const recipients = [ticket.requesterId, ticket.assigneeId].filter((id): id is string => id !== null && id !== actorId);
        const results = [];
        for (const id of recipients) {
          const audience = id === ticket.requesterId ? 'requester' : 'moderator';
          results.push(await notifyPerson(deps, id, { kind: 'ticket.message', audience, ticket, from, text }));
        }
        return results;
      });
    },
  };
}

/** What a notice step returns when the ticket has moved on since its event (memoized like any result). */
export interface SupersededNotice {
  readonly skipped: 'superseded';
  readonly notice: string;
}

/**
 * Sends a notice only while the ticket still is as its event left it. A
 * follow-up can run late (a crash or a retry between the action and its
 * notice) after the ticket moved on: "started" once it is resolved,
 * "assigned to X" once it is with Y. Such a notice is dropped, so the
 * requester never hears of events out of order; the ticket's current state
 * reached them, or will, through the later event's own notice.
 */
export async function whileCurrent<T>(
  deps: HelpdeskDeps,
  ticketId: string,
  notice: string,
  isCurrent: (ticket: Ticket) => boolean,
  send: (ticket: Ticket) => Promise<T>,
): Promise<T | SupersededNotice> {
  const ticket = await loadTicket(deps, ticketId);
  if (!isCurrent(ticket)) {
    deps.logger.debug({ ticketId, notice, status: ticket.status, version: ticket.version }, 'notice dropped: the ticket has moved on since its event');
    return { skipped: 'superseded', notice };
  }
  return send(ticket);
}

/** Updates the assignee's ticket card in place (chat) or sends a short update (console, email). */
async function refreshCard(deps: HelpdeskDeps, ticketId: string) {
  const ticket = await loadTicket(deps, ticketId);
  if (!ticket.assigneeId) return null;
  return notifyPerson(deps, ticket.assigneeId, { kind: 'ticket.card', audience: 'moderator', ticket, requester: await refOf(deps, ticket.requesterId) });
}
