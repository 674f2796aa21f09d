import { ButtonStyle, ComponentType, TextInputStyle, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { formatRef, type HelpdeskStats, type Rating, type Ticket } from '../../../core/index.js';
import { statsBacklog, statsDuration, statsShare } from '../../../core/usecases/stats-figures.js';
import { customId } from '../ids.js';
import { fitEmbed, LIMITS, truncate } from './limits.js';
import type { MessageBody } from './message.js';
import { discordText, quoteLines } from './user-text.js';

/** The comment field inside the rating form. */
export const RATING_COMMENT = 'comment';

/** At most this much comment (the core keeps 1,000 characters). */
const COMMENT_MAX = 1000;

/**
 * 👍 / 👎 under the requester's "resolved" message. They carry the ticket's
 * id and number, not its version: a later click changes the rating.
 */
export function ratingButtons(ticket: Pick<Ticket, 'id' | 'ref'>): APIButtonComponent[] {
  return (['good', 'bad'] as const).map((rating) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: rating === 'good' ? 'Solved' : 'Not really',
    emoji: { name: rating === 'good' ? '👍' : '👎' },
    custom_id: customId('rate', ticket.id, ticket.ref, rating),
  }));
}

/** `hd:rate:<id>:<ref>:<rating>` → its parts, or null for anything else. */
export function parseRatingArgs(args: readonly string[]): { ticketId: string; ref: number; rating: Rating } | null {
  const [ticketId, refText, rating] = args;
  const ref = Number(refText);
  if (!ticketId || !Number.isInteger(ref) || ref < 1 || (rating !== 'good' && rating !== 'bad')) return null;
  return { ticketId, ref, rating };
}

/** The optional comment asked for by a rating button; the rating itself comes from the button. */
export function buildRatingModal(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>, rating: Rating): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('rate', ticket.id, ticket.ref, rating),
    title: truncate(`${rating === 'good' ? '👍' : '👎'} Rate ${formatRef(ticket.ref)}: ${ticket.title}`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: 'Comment (optional)',
        description: rating === 'good' ? 'What went well? Rating again later changes it.' : 'What is still wrong? The moderator reads this.',
        component: { type: ComponentType.TextInput, custom_id: RATING_COMMENT, style: TextInputStyle.Paragraph, required: false, max_length: COMMENT_MAX },
      },
    ],
  };
}

/** The private confirmation after a rating. */
export function ratingThanks(ticket: Pick<Ticket, 'ref'>, rating: Rating): MessageBody {
  return { content: `Thanks: you rated ${formatRef(ticket.ref)} ${rating === 'good' ? '👍' : '👎'}. Rate again to change it.` };
}

/** The moderator card's field for the requester's current rating (none while unrated). */
export function ratingField(rating: { readonly rating: Rating; readonly comment?: string } | null): APIEmbedField[] {
  if (!rating) return [];
  const verdict = rating.rating === 'good' ? '👍 Rated good by the requester' : '👎 Rated bad by the requester';
  return [{ name: 'Rating', value: truncate(rating.comment ? `${verdict}:\n${quoteLines(discordText(rating.comment))}` : verdict, LIMITS.fieldValue) }];
}

/** Discord's blurple, as on relayed messages (cards.ts imports this file, so not imported from there). */
const STATS_COLOR = 0x5865f2;

/** Per-moderator fields shown at most (the embed holds 25 fields; the figures take 8 or 9). */
const MODERATOR_FIELDS = 12;

/** `/stats` as one embed within Discord's limits (25 fields, 1,024 characters a value, 6,000 in all). */
export function buildStatsEmbed(s: HelpdeskStats, names: Readonly<Record<string, string>>): MessageBody {
  const scope = [s.skill ? `skill ${s.skill}` : null, s.moderatorId ? (names[s.moderatorId] ?? 'one moderator') : null].filter(Boolean).join(', ');
  const rated = s.good + s.bad;
  const fields: APIEmbedField[] = [
    { name: 'Tickets in / out', value: `${s.created} / ${s.resolved}`, inline: true },
    { name: 'Backlog', value: statsBacklog(s.backlogByPriority), inline: true },
    { name: 'SLA breached', value: statsShare(s.breached, s.created), inline: true },
    { name: 'First response', value: `median ${statsDuration(s.firstResponse.p50)}, p90 ${statsDuration(s.firstResponse.p90)} (${s.firstResponse.count})`, inline: true },
    { name: 'Resolution', value: `median ${statsDuration(s.resolution.p50)}, p90 ${statsDuration(s.resolution.p90)} (${s.resolution.count})`, inline: true },
    { name: 'Reopened', value: statsShare(s.reopened, s.resolved), inline: true },
    { name: 'Satisfaction', value: rated ? `${statsShare(s.good, rated)} 👍 (${s.good} 👍, ${s.bad} 👎)` : 'no ratings yet', inline: true },
  ];
  const skills = s.backlogBySkill.map((b) => `${discordText(b.skill)} ${b.count}`).join(', ');
  if (skills) fields.push({ name: 'Backlog by skill', value: truncate(skills, LIMITS.fieldValue) });
  for (const m of s.perModerator.slice(0, MODERATOR_FIELDS)) {
    fields.push({
      name: truncate(discordText(names[m.assigneeId] ?? 'someone'), LIMITS.fieldName),
      value: `${m.resolved} resolved · median ${statsDuration(m.resolution.p50)} · ${m.breached} breached · ${m.good} 👍 / ${m.bad} 👎`,
    });
  }
  if (s.perModerator.length > MODERATOR_FIELDS) fields.push({ name: '…', value: `${s.perModerator.length - MODERATOR_FIELDS} more moderators not shown` });
  const title = `Stats for the last ${s.days} days${scope ? ` (${discordText(scope)})` : ''}`;
  const embed: APIEmbed = { title, color: STATS_COLOR, fields, footer: { text: 'Times are business time when business hours are set.' } };
  return { embeds: [fitEmbed(embed)] };
}
