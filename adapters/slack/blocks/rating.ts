import type { types } from '@slack/bolt';
import type { HelpdeskStats, Rating, Ticket } from '../../../core/index.js';
import { statsBacklog, statsDuration, statsShare } from '../../../core/usecases/stats-figures.js';
import { ticketButtonValue } from './ids.js';
import { button, clipPlain, context, fields, header, LIMITS, plain, section, userText, type KnownBlock } from './limits.js';

/** Ids of the rating buttons on the requester's "resolved" reply and of the comment modal they open. */
export const RATING = {
  good: 'ticket_rate_good',
  bad: 'ticket_rate_bad',
  modal: 'rating_modal',
  comment: { block: 'rating_comment', action: 'rating_comment' },
} as const;

/** At most this much comment (the core keeps 1,000 characters). */
const COMMENT_MAX = 1000;

/** 👍 / 👎 under a resolution; each opens the comment modal, and submitting it records the rating. */
export function ratingButtons(ticket: Pick<Ticket, 'id' | 'ref'>): KnownBlock {
  return { type: 'actions', block_id: `rate:${ticket.id}`, elements: [button('👍 Solved', RATING.good, ticketButtonValue(ticket)), button('👎 Not really', RATING.bad, ticketButtonValue(ticket))] };
}

export interface RatingModalMetadata {
  readonly id: string;
  readonly ref: number;
  readonly rating: Rating;
}

/** The rating's optional comment; the rating itself comes from the button clicked. */
export function buildRatingModal(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>, rating: Rating): types.ModalView {
  const metadata: RatingModalMetadata = { id: ticket.id, ref: ticket.ref, rating };
  return {
    type: 'modal',
    callback_id: RATING.modal,
    title: plain(`Rate #${ticket.ref}`, LIMITS.modalTitle),
    submit: plain(rating === 'good' ? 'Send 👍' : 'Send 👎', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(`*#${ticket.ref}* ${userText(clipPlain(ticket.title, 300))}\nYou rate the resolution ${rating === 'good' ? ':+1:' : ':-1:'}. Rating again later changes it.`),
      {
        type: 'input',
        block_id: RATING.comment.block,
        optional: true,
        label: plain('Comment (optional)', LIMITS.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: RATING.comment.action,
          multiline: true,
          max_length: COMMENT_MAX,
          placeholder: plain(rating === 'good' ? 'What went well?' : 'What is still wrong? The moderator reads this.', LIMITS.placeholder),
        },
      },
    ],
  };
}

export function parseRatingMetadata(text: string | undefined): RatingModalMetadata | null {
  try {
    const v = JSON.parse(text ?? '') as Partial<RatingModalMetadata>;
    return typeof v.id === 'string' && typeof v.ref === 'number' && (v.rating === 'good' || v.rating === 'bad') ? { id: v.id, ref: v.ref, rating: v.rating } : null;
  } catch {
    return null;
  }
}

/** The card's line for the requester's current rating (nothing while unrated). */
export function ratingLine(rating: { readonly rating: Rating; readonly comment?: string } | null): KnownBlock[] {
  if (!rating) return [];
  return [section(`${rating.rating === 'good' ? ':+1: Rated good by the requester' : ':-1: Rated bad by the requester'}${rating.comment ? `: ${userText(clipPlain(rating.comment, 500))}` : ''}`)];
}

/** Per-moderator rows shown at most; the rest are counted. */
const MODERATOR_ROWS = 15;

/** `/stats` as an ephemeral Block Kit message (well within 50 blocks and 3,000 characters a section). */
export function buildStatsMessage(s: HelpdeskStats, names: ReadonlyMap<string, string>): { text: string; blocks: KnownBlock[] } {
  const scope = [s.skill ? `skill ${s.skill}` : null, s.moderatorId ? (names.get(s.moderatorId) ?? 'one moderator') : null].filter(Boolean).join(', ');
  const rated = s.good + s.bad;
  const title = `Stats for the last ${s.days} days${scope ? ` (${scope})` : ''}`;
  const skills = s.backlogBySkill.slice(0, 10).map((b) => `${userText(b.skill)} ${b.count}`).join(', ');
  const blocks: KnownBlock[] = [
    header(title),
    fields([
      `*Tickets in / out*\n${s.created} / ${s.resolved}`,
      `*Backlog*\n${statsBacklog(s.backlogByPriority)}`,
      `*First response*\nmedian ${statsDuration(s.firstResponse.p50)}, p90 ${statsDuration(s.firstResponse.p90)} (${s.firstResponse.count})`,
      `*Resolution*\nmedian ${statsDuration(s.resolution.p50)}, p90 ${statsDuration(s.resolution.p90)} (${s.resolution.count})`,
      `*SLA breached*\n${statsShare(s.breached, s.created)}`,
      `*Reopened*\n${statsShare(s.reopened, s.resolved)}`,
      `*Satisfaction*\n${rated ? `${statsShare(s.good, rated)} :+1: (${s.good} :+1:, ${s.bad} :-1:)` : 'no ratings yet'}`,
      ...(skills ? [`*Backlog by skill*\n${skills}`] : []),
    ]),
  ];
  if (s.perModerator.length > 0) {
    const rows = s.perModerator.slice(0, MODERATOR_ROWS).map((m) => `• ${userText(names.get(m.assigneeId) ?? 'someone')}: ${m.resolved} resolved · median ${statsDuration(m.resolution.p50)} · ${m.breached} breached · ${m.good} :+1: / ${m.bad} :-1:`);
    if (s.perModerator.length > MODERATOR_ROWS) rows.push(`_…and ${s.perModerator.length - MODERATOR_ROWS} more_`);
    blocks.push(section(`*Per moderator*\n${rows.join('\n')}`));
  }
  blocks.push(context(['Times are business time when business hours are set.']));
  return { text: `${title}: ${s.created} in, ${s.resolved} out`, blocks };
}
