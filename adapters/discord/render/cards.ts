import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { currentRating, formatRef, type PersonRef, type Ticket } from '../../../core/index.js';
import { customId } from '../ids.js';
import { actionRows, LIMITS, truncate } from './limits.js';
import type { MessageBody } from './message.js';
import { ratingField } from './rating.js';
import { claimButton, staffCardButtons } from './staff-buttons.js';
import { discordText, personText } from './user-text.js';

export const COLORS = { HIGH: 0xe5484d, MEDIUM: 0xf5a524, LOW: 0x3e63dd, DONE: 0x30a46c, INFO: 0x5865f2 } as const;

const STATUS: Record<Ticket['status'], string> = { TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Resolved' };

export function statusLabel(ticket: Pick<Ticket, 'status'>): string {
  return STATUS[ticket.status];
}

/** `#12 · Printer jammed` within the title limit. */
export function cardTitle(ticket: Pick<Ticket, 'ref' | 'title'>): string {
  return truncate(`${formatRef(ticket.ref)} · ${discordText(ticket.title)}`, LIMITS.embedTitle);
}

function colorOf(ticket: Pick<Ticket, 'status' | 'priority'>): number {
  return ticket.status === 'DONE' ? COLORS.DONE : COLORS[ticket.priority];
}

export interface ModeratorCardOptions {
  /**
   * `assignee` (default): the buttons the ticket's status allows;
   * `admin`: nobody holds the ticket, only "Assign…";
   * `former`: the ticket moved to someone else, no buttons.
   */
  readonly mode?: 'assignee' | 'admin' | 'former';
  /** Why this person got the ticket, shown on the first card. */
  readonly reason?: string;
  /** One line above the card (also the push-notification preview). */
  readonly headline?: string;
}

/**
 * The moderator's ticket card: everything triage produced (summary,
 * category, skills, the AI's notes, a suggested fix, similar resolved
 * tickets) plus the actions the ticket's status allows. Only staff ever
 * receive it; requesters get `buildRequesterCard`.
 */
export function buildModeratorCard(ticket: Ticket, requester: PersonRef, options: ModeratorCardOptions = {}): MessageBody {
  const mode = options.mode ?? 'assignee';
  const fields: APIEmbedField[] = [
    { name: 'Status', value: statusLabel(ticket), inline: true },
    { name: 'Priority', value: ticket.priority, inline: true },
    { name: 'Category', value: discordText(ticket.category || 'general'), inline: true },
    { name: 'Skills', value: ticket.skills.length ? discordText(ticket.skills.join(', ')) : 'none', inline: true },
    { name: 'From', value: personText(requester), inline: true },
  ];
  if (options.reason) fields.push({ name: 'Why you', value: discordText(options.reason) });
  if (ticket.notes) fields.push({ name: 'Notes for you', value: discordText(ticket.notes) });
  if (ticket.suggestedFix) fields.push({ name: 'Suggested fix', value: discordText(ticket.suggestedFix) });
  if (ticket.similar.length) {
    const lines = ticket.similar.map((s) => truncate(`**${formatRef(s.ref)}** ${discordText(`${s.title} — ${s.resolution}`)}`, 300));
    fields.push({ name: 'Similar resolved tickets', value: lines.join('\n') });
  }
  if (ticket.status === 'DONE' && ticket.resolution) fields.push({ name: 'Resolution', value: discordText(ticket.resolution) });
  fields.push(...ratingField(currentRating(ticket)));
  if (ticket.origin.messageLink) fields.push({ name: 'Source', value: ticket.origin.messageLink });

  const description = [ticket.summary && ticket.summary !== ticket.title ? `**${discordText(ticket.summary)}**` : '', ticket.description !== ticket.title ? discordText(ticket.description) : '']
    .filter(Boolean)
    .join('\n\n');
  const embed: APIEmbed = {
    title: cardTitle(ticket),
    color: colorOf(ticket),
    fields,
    footer: { text: footerText(ticket, mode) },
    timestamp: ticket.createdAt,
    ...(description ? { description } : {}),
  };
  const buttons = mode === 'former' ? [] : mode === 'admin' ? adminButtons(ticket) : [...moderatorButtons(ticket), ...staffCardButtons(ticket)];
  return {
    ...(options.headline ? { content: options.headline } : {}),
    embeds: [embed],
    components: actionRows(buttons),
  };
}

function footerText(ticket: Ticket, mode: NonNullable<ModeratorCardOptions['mode']>): string {
  const triage = ticket.triage ? ` · triaged by ${ticket.triage.engine}${ticket.triage.model ? ` (${ticket.triage.model})` : ''}` : '';
  if (mode === 'former') return `No longer yours${triage}`;
  return `Reply to this message to write to the requester${triage}`;
}

/** Start / Resolve / Reassign / Edit triage while open, Reopen once resolved. */
export function moderatorButtons(ticket: Pick<Ticket, 'id' | 'status' | 'version'>): APIButtonComponent[] {
  if (ticket.status === 'DONE') return [button('reopen', 'Reopen', ButtonStyle.Secondary, ticket)];
  const out: APIButtonComponent[] = [];
  if (ticket.status === 'TODO') out.push(button('start', 'Start', ButtonStyle.Primary, ticket));
  out.push(button('resolve', 'Resolve', ButtonStyle.Success, ticket));
  out.push(button('reassign', 'Reassign', ButtonStyle.Secondary, ticket));
  out.push(button('triage', 'Edit triage', ButtonStyle.Secondary, ticket));
  return out;
}

/** An admin's notice: "Take it" while nobody works on it, and "Assign…". */
function adminButtons(ticket: Ticket): APIButtonComponent[] {
  return ticket.status === 'DONE' ? [assignButton(ticket)] : [claimButton(ticket), assignButton(ticket)];
}

function assignButton(ticket: Pick<Ticket, 'id' | 'version'>): APIButtonComponent {
  return button('reassign', 'Assign…', ButtonStyle.Primary, ticket);
}

/** The Reopen button under the requester's "resolved" message. */
export function reopenButton(ticket: Pick<Ticket, 'id' | 'version'>): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Not fixed? Reopen', custom_id: customId('reopen', ticket.id, ticket.version, 'requester') };
}

function button(action: 'start' | 'resolve' | 'reassign' | 'reopen' | 'triage', label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success, ticket: Pick<Ticket, 'id' | 'version'>): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.buttonLabel), custom_id: customId(action, ticket.id, ticket.version) };
}

/**
 * The requester's ticket card: what they wrote, never the moderator notes.
 * It holds no status, so it is never out of date; every change arrives as a
 * reply to it.
 */
export function buildRequesterCard(ticket: Ticket): MessageBody {
  const embed: APIEmbed = {
    title: cardTitle(ticket),
    color: COLORS.INFO,
    footer: { text: 'Updates arrive as replies to this message. Reply to it to add details for the moderator.' },
    timestamp: ticket.createdAt,
    ...(ticket.description && ticket.description !== ticket.title ? { description: discordText(ticket.description) } : {}),
  };
  const link: APIButtonComponent[] = ticket.origin.messageLink
    ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Original message', url: ticket.origin.messageLink }]
    : [];
  return { content: `Ticket ${formatRef(ticket.ref)} filed. I'll keep you posted here.`, embeds: [embed], components: actionRows(link) };
}
