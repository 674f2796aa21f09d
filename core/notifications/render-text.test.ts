import { describe, expect, it } from 'vitest';
import { newTicketRecord, type Ticket } from '../domain/ticket.js';
import type { PersonRef } from './notification.js';
import { moderatorCard, renderText } from './render-text.js';

const requester: PersonRef = { id: 'p-alice', displayName: 'Alice', identities: [] };

function resolved(extra: Ticket['history'] = []): Ticket {
  const base = newTicketRecord({ id: 't1', title: 'VPN is down', description: 'Cannot connect', requesterId: 'p-alice', origin: { platform: 'console' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 7);
  const at = '2026-01-05T10:00:00.000Z';
  return { ...base, status: 'DONE', resolution: 'Renewed it', resolvedAt: at, history: [...base.history, { type: 'resolved', at, actorId: 'p-bob', note: 'Renewed it' }, ...extra] };
}

describe('the moderator card as text', () => {
  it('shows the requester’s current rating with its comment, and nothing while unrated', () => {
    expect(moderatorCard(resolved(), requester).join('\n')).not.toContain('Rating');
    const t = resolved([
      { type: 'rated', at: '2026-01-05T11:00:00.000Z', actorId: 'p-alice', rating: 'bad', comment: 'Still drops' },
      { type: 'rated', at: '2026-01-05T12:00:00.000Z', actorId: 'p-alice', rating: 'good' },
    ]);
    expect(moderatorCard(t, requester)).toContain('Rating: 👍 good (by the requester)');
    const card = renderText({ kind: 'ticket.card', audience: 'moderator', ticket: resolved([{ type: 'rated', at: '2026-01-05T11:00:00.000Z', actorId: 'p-alice', rating: 'bad', comment: 'Still drops' }]), requester });
    expect(card.split('\n')).toEqual(['Update on #7 VPN is down: resolved', 'Resolution: Renewed it', 'Rating: 👎 bad (by the requester): Still drops', 'Actions: /reopen #7']);
  });

  it('drops a rating once the ticket is reopened', () => {
    const t = resolved([{ type: 'rated', at: '2026-01-05T11:00:00.000Z', actorId: 'p-alice', rating: 'bad' }, { type: 'reopened', at: '2026-01-05T12:00:00.000Z', actorId: 'p-alice' }]);
    expect(moderatorCard({ ...t, status: 'TODO' }, requester).join('\n')).not.toContain('Rating');
  });
});
