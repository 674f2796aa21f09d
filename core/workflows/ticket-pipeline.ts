import { parseEvent } from '../domain/events.js';
import { unwrap } from '../domain/errors.js';
import type { Ticket } from '../domain/ticket.js';
import type { WorkflowStep } from '../ports/step.js';
import { autoAssign } from '../usecases/assign-ticket.js';
import type { HelpdeskDeps } from '../usecases/deps.js';
import { triageTicket } from '../usecases/triage-ticket.js';
import { loadTicket, notifyAdmins, notifyPerson, refOf } from './notify.js';
import { whileCurrent } from './ticket-updates.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * Ticket filed → receipt → triage (with similar tickets) → assign → notify
 * moderator and requester (or admins when nobody could take it). Each stage
 * is its own step: retried on its own, skipped when resumed after a crash.
 */
export function ticketPipeline(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-pipeline',
    trigger: 'ticket/filed',
    concurrencyKey: 'ticketId',
    async run(event, step: WorkflowStep) {
      const { ticketId } = parseEvent('ticket/filed', event.data);
      const filed = await step.run('notify-requester-filed', async () => {
        const ticket = await loadTicket(deps, ticketId);
        await notifyPerson(deps, ticket.requesterId, { kind: 'ticket.filed', audience: 'requester', ticket });
        return { ref: ticket.ref, requesterId: ticket.requesterId };
      });
      await step.run('triage', async () => {
        const t = unwrap(await triageTicket(deps, ticketId));
        return { engine: t.triage?.engine ?? null, skills: [...t.skills], priority: t.priority };
      });
      const assigned = await step.run('assign', async () => {
        const t = unwrap(await autoAssign(deps, ticketId, { actorId: null, initial: true }));
        return { assigneeId: t.assigneeId, reason: t.unassignedReason };
      });
      // After a crash the pipeline may finish late: a notice about a state the ticket has left is not sent.
      const stillOpen = (t: Ticket) => t.status !== 'DONE';
      await step.run('notify-requester-triaged', () =>
        whileCurrent(deps, ticketId, 'triaged', stillOpen, (ticket) => notifyPerson(deps, filed.requesterId, { kind: 'ticket.triaged', audience: 'requester', ticket })),
      );
      let adminsTold = false;
      if (assigned.assigneeId) {
        const assigneeId = assigned.assigneeId;
        await step.run('notify-moderator', () =>
          whileCurrent(deps, ticketId, 'assignment', (t) => stillOpen(t) && t.assigneeId === assigneeId, async (ticket) => {
            const reason = lastAssignmentReason(ticket.history) ?? 'assigned by policy';
            return notifyPerson(deps, assigneeId, { kind: 'ticket.assignment', audience: 'moderator', ticket, requester: await refOf(deps, ticket.requesterId), reason });
          }),
        );
      } else {
        const delivered = await step.run('notify-admins', async () => {
          const ticket = await loadTicket(deps, ticketId);
          return notifyAdmins(deps, { kind: 'ticket.needs-assignee', audience: 'admin', ticket, reason: assigned.reason ?? 'nobody is available' });
        });
        adminsTold = delivered > 0;
      }
      await step.run('notify-requester-assigned', () =>
        whileCurrent(deps, ticketId, 'assigned', (t) => stillOpen(t) && t.assigneeId === assigned.assigneeId, async (ticket) => {
          const assignee = ticket.assigneeId ? await refOf(deps, ticket.assigneeId) : null;
          return notifyPerson(deps, filed.requesterId, { kind: 'ticket.assigned', audience: 'requester', ticket, assignee, adminsTold });
        }),
      );
      return { ref: filed.ref, assigneeId: assigned.assigneeId };
    },
  };
}

function lastAssignmentReason(history: readonly { type: string }[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i] as { type: string; reason?: { text?: string } | null };
    if ((h.type === 'assigned' || h.type === 'reassigned') && h.reason?.text) return h.reason.text;
  }
  return null;
}
