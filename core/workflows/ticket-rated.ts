import { parseEvent } from '../domain/events.js';
import { currentRating } from '../policies/lifecycle.js';
import type { HelpdeskDeps } from '../usecases/deps.js';
import { loadTicket, notifyPerson, refOf } from './notify.js';
import { whileCurrent } from './ticket-updates.js';
import type { WorkflowDefinition } from './workflow.js';

/**
 * The requester rated a resolution (`ticket/rated`): the assignee's card
 * shows it; a 👎 also tells the assignee, with the offer to reopen. Dropped
 * when the rating was changed again or the ticket reopened meanwhile.
 */
export function ticketRated(deps: HelpdeskDeps): WorkflowDefinition {
  return {
    id: 'ticket-rated',
    trigger: 'ticket/rated',
    concurrencyKey: 'ticketId',
    async run(event, step) {
      const { ticketId, rating, actorId } = parseEvent('ticket/rated', event.data);
      const stillSo = (t: Parameters<typeof currentRating>[0]) => currentRating(t)?.rating === rating;
      if (rating === 'bad')
        await step.run('notify-assignee', () =>
          whileCurrent(deps, ticketId, 'rated', stillSo, async (ticket) => {
            if (!ticket.assigneeId) return null;
            return notifyPerson(deps, ticket.assigneeId, { kind: 'ticket.rated', audience: 'moderator', ticket, by: await refOf(deps, actorId), rating, comment: currentRating(ticket)?.comment ?? null });
          }),
        );
      await step.run('refresh-card', async () => {
        const ticket = await loadTicket(deps, ticketId);
        if (!ticket.assigneeId) return null;
        return notifyPerson(deps, ticket.assigneeId, { kind: 'ticket.card', audience: 'moderator', ticket, requester: await refOf(deps, ticket.requesterId) });
      });
    },
  };
}
