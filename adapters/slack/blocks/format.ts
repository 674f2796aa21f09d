import type { PersonRef, Priority, Ticket, TicketStatus } from '../../../core/index.js';
import { slackUserId } from '../identity.js';
import { escapeMrkdwn, userText } from './limits.js';

const STATUS: Record<TicketStatus, string> = { TODO: ':white_circle: To do', IN_PROGRESS: ':large_blue_circle: In progress', DONE: ':white_check_mark: Resolved' };
const PRIORITY: Record<Priority, string> = { HIGH: ':red_circle: High', MEDIUM: ':large_orange_circle: Medium', LOW: ':large_green_circle: Low' };

export function statusLabel(status: TicketStatus): string {
  return STATUS[status];
}

/** Lowercase status for running text: `to do`, `in progress`, `resolved`. */
export function statusWord(status: TicketStatus): string {
  return { TODO: 'to do', IN_PROGRESS: 'in progress', DONE: 'resolved' }[status];
}

export function priorityLabel(priority: Priority): string {
  return PRIORITY[priority];
}

/** A person as mrkdwn: a Slack mention when they have a Slack identity (Slack renders the name), else their name as user text. */
export function personLabel(person: Pick<PersonRef, 'displayName' | 'identities'> | null): string {
  if (!person) return '_nobody yet_';
  const user = slackUserId(person.identities);
  return user ? `<@${user}>` : `*${userText(person.displayName)}*`;
}

/** `#12 Title` for headers and fallback text (plain text, not escaped). */
export function ticketHeadline(ticket: Pick<Ticket, 'ref' | 'title'>): string {
  return `#${ticket.ref} ${ticket.title}`;
}

/** A Slack date token: shown in the reader's time zone, with a plain fallback. */
export function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC>`;
}

/** Quotes multi-line text as a mrkdwn block quote. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}

/** A URL safe to put inside `<url|label>`: https and none of the characters that would end the link early. */
export function safeLink(url: string | undefined): string | null {
  return url && /^https:\/\/[^\s|<>]+$/.test(url) ? url : null;
}
