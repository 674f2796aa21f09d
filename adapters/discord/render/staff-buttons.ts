import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Ticket } from '../../../core/index.js';
import { customId } from '../ids.js';
import { LIMITS, truncate } from './limits.js';

/** "Take it": claims an unassigned ticket (or one an admin holds as fallback). */
export function claimButton(ticket: Pick<Ticket, 'id' | 'ref'>, label = 'Take it'): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label: truncate(label, LIMITS.buttonLabel), custom_id: customId('claim', ticket.id, ticket.ref) };
}

/** "Note…" and "Reply with…" under the moderator card while the ticket is open. */
export function staffCardButtons(ticket: Pick<Ticket, 'id' | 'status'>): APIButtonComponent[] {
  if (ticket.status === 'DONE') return [];
  return [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Note…', custom_id: customId('inote', ticket.id) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Reply with…', custom_id: customId('replywith', ticket.id) },
  ];
}
