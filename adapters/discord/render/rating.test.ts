import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { newTicketRecord, type HelpdeskStats, type Notification, type PersonRef, type Ticket } from '../../../core/index.js';
import { parseCustomId } from '../ids.js';
import { buildModeratorCard } from './cards.js';
import { LIMITS } from './limits.js';
import { renderNotification } from './notifications.js';
import { buildRatingModal, buildStatsEmbed, parseRatingArgs, ratingButtons, ratingField } from './rating.js';

const requester: PersonRef = { id: 'p-alice', displayName: 'Alice', identities: ['discord:111111111111111111'] };

function resolved(extra: Ticket['history'] = []): Ticket {
  const base = newTicketRecord({ id: '0b6c8a52-2c4e-4a57-9d62-7f3f1c2b9e10', title: 'VPN is down', description: 'Cannot connect', requesterId: 'p-alice', origin: { platform: 'discord' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 12);
  const at = '2026-01-05T10:00:00.000Z';
  return { ...base, status: 'DONE', resolution: 'Renewed the certificate', resolvedAt: at, assigneeId: 'p-bob', history: [...base.history, { type: 'resolved', at, actorId: 'p-bob', note: 'Renewed the certificate' }, ...extra] };
}

function embedTotal(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

describe('Discord rating builders', () => {
  it('puts 👍 / 👎 after Reopen on the requester’s "resolved" message, each naming the ticket and the rating', () => {
    const t = resolved();
    const d = renderNotification({ kind: 'ticket.resolved', audience: 'requester', ticket: t, by: { id: 'p-bob', displayName: 'Bob', identities: [] } } as Notification);
    const ids = (d.message.components ?? []).flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids.map((id) => parseCustomId(id)?.action)).toEqual(['reopen', 'rate', 'rate']);
    expect(ratingButtons(t).map((b) => ('custom_id' in b ? parseRatingArgs(parseCustomId(b.custom_id)?.args ?? []) : null))).toEqual([
      { ticketId: t.id, ref: 12, rating: 'good' },
      { ticketId: t.id, ref: 12, rating: 'bad' },
    ]);
    expect(parseRatingArgs([t.id, '12', 'meh'])).toBeNull();
    expect(parseRatingArgs([t.id, 'x', 'good'])).toBeNull();
  });

  it('asks for an optional comment in a form whose title fits 45 characters', () => {
    const m = buildRatingModal({ id: 'id', ref: 12, title: 'A very long title that goes on and on and on' }, 'bad');
    expect(m.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    expect(parseRatingArgs(parseCustomId(m.custom_id)?.args ?? [])).toEqual({ ticketId: 'id', ref: 12, rating: 'bad' });
    expect(m.components[0]).toMatchObject({ component: { custom_id: 'comment', required: false, max_length: 1000 } });
  });

  it('shows the current rating and its comment on the moderator card, escaped, and nothing while unrated', () => {
    expect(buildModeratorCard(resolved(), requester).embeds?.[0]?.fields?.some((f) => f.name === 'Rating')).toBe(false);
    const rated = resolved([
      { type: 'rated', at: '2026-01-05T11:00:00.000Z', actorId: 'p-alice', rating: 'good' },
      { type: 'rated', at: '2026-01-05T12:00:00.000Z', actorId: 'p-alice', rating: 'bad', comment: 'Still **drops**' },
    ]);
    const field = buildModeratorCard(rated, requester).embeds?.[0]?.fields?.find((f) => f.name === 'Rating');
    expect(field?.value).toBe('👎 Rated bad by the requester:\n> Still \\*\\*drops\\*\\*');
    expect(ratingField({ rating: 'bad', comment: 'x'.repeat(5000) })[0]?.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });

  it('keeps /stats within 25 fields, 1,024 characters a value and 6,000 in all, however many moderators', () => {
    const p = { count: 3, p50: 90 * 60_000, p90: 3 * 86_400_000 };
    const stats: HelpdeskStats = {
      created: 40, resolved: 30, backlogByPriority: { HIGH: 1, MEDIUM: 2, LOW: 3 },
      backlogBySkill: Array.from({ length: 300 }, (_, i) => ({ skill: `skill-${i}`, count: i })),
      firstResponse: p, breached: 4, resolution: p, reopened: 3, good: 9, bad: 1,
      perModerator: Array.from({ length: 40 }, (_, i) => ({ assigneeId: `m${i}`, resolved: 1, resolution: p, breached: 0, good: 1, bad: 0 })),
      since: '', until: '', days: 30, skill: null, moderatorId: null,
    };
    const names = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`m${i}`, `${'N'.repeat(300)}${i}`]));
    const embed = buildStatsEmbed(stats, names).embeds![0]!;
    expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embedTotal(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.title).toBe('Stats for the last 30 days');
    expect(embed.fields!.find((f) => f.name === 'Satisfaction')?.value).toBe('90% 👍 (9 👍, 1 👎)');
    expect(embed.fields!.find((f) => f.name === 'First response')?.value).toBe('median 1 h 30 min, p90 3 days (3)');
  });
});
