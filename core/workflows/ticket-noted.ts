import { parseEvent } from '../domain/events.js';
import type { HelpdeskDeps } from '../usecases/deps.js';
import { loadTicket, notifyPerson, refOf } from './notify.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * An internal note (`ticket/noted`) reaches the staff side only: the
 * ticket's assignee, in their card thread on whichever platform they work
 * from, so a note added on Slack by an admin shows on the Discord card of
 * the moderator who holds the ticket. The requester is never a recipient,
 * not even when they hold the ticket themselves.
 */
export function ticketNoted(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-noted',
    trigger: 'ticket/noted',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, actorId, seq } = parseEvent('ticket/noted', event.data);
      return step.run('notify-assignee', async () => {
        const ticket = await loadTicket(deps, ticketId);
        const entry = ticket.history[seq - 1];
        if (entry?.type !== 'note') return { skipped: 'no note at that place in the history' };
        const to = ticket.assigneeId;
        if (to === null || to === ticket.requesterId) return { skipped: 'no staff member holds the ticket' };
        return notifyPerson(deps, to, { kind: 'ticket.note', audience: 'moderator', ticket, from: await refOf(deps, actorId), text: entry.text });
      });
    },
  };
}
