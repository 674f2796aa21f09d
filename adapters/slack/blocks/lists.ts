import type { types } from '@slack/bolt';
import type { Ticket } from '../../../core/index.js';
import type { SlackMessage } from './cards.js';
import { priorityLabel, statusWord } from './format.js';
import { ACTIONS, ticketButtonValue } from './ids.js';
import { LIMITS, button, capBlocks, clipPlain, context, fallback, inlineCode, userText, header, section, type KnownBlock } from './limits.js';

const TITLE_IN_LIST = 90;

/** One line per ticket: ref, title, priority, status and who has it. */
export function ticketLine(ticket: Ticket, names: ReadonlyMap<string, string>): string {
  const who = ticket.assigneeId ? userText(names.get(ticket.assigneeId) ?? 'assigned') : '_unassigned_';
  return `*#${ticket.ref}* ${userText(clipPlain(ticket.title, TITLE_IN_LIST))} — ${priorityLabel(ticket.priority)} · ${statusWord(ticket.status)} · ${who}`;
}

/** Packs lines into as few sections as the 3,000-character limit allows. */
export function packLines(lines: readonly string[]): types.SectionBlock[] {
  const out: types.SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > LIMITS.sectionText && current) {
      out.push(section(current));
      current = line;
    } else {
      current = next;
    }
  }
  if (current) out.push(section(current));
  return out;
}

/** The ephemeral `/tickets` answer. */
export function buildTicketList(tickets: readonly Ticket[], names: ReadonlyMap<string, string>, filterText: string): SlackMessage {
  if (tickets.length === 0) {
    return { text: 'No tickets match.', blocks: [section(`No tickets match${filterText ? ` ${inlineCode(clipPlain(filterText, 200))}` : ''}.`)] };
  }
  const heading = `${tickets.length} ticket${tickets.length === 1 ? '' : 's'}${filterText ? ` matching ${inlineCode(clipPlain(filterText, 200))}` : ''}`;
  const blocks: KnownBlock[] = [section(`*${heading}*`), ...packLines(tickets.map((t) => ticketLine(t, names)))];
  return { text: fallback(heading), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

export interface HomeSection {
  readonly title: string;
  readonly tickets: readonly Ticket[];
  readonly empty: string;
  /** How many match in all, when more than the rows shown. */
  readonly total?: number;
  /** Unassigned tickets a staff viewer can take: each row gets "Take it". */
  readonly claimable?: boolean;
}

/** The App Home tab: a button to file a ticket, then the viewer's lists. */
export function buildHomeView(sections: readonly HomeSection[], names: ReadonlyMap<string, string>): types.HomeView {
  const blocks: KnownBlock[] = [
    header('Helpdesk'),
    section('File a ticket here or with `/ticket` anywhere; list tickets with `/tickets`.'),
    { type: 'actions', elements: [button('File a ticket', ACTIONS.homeFile, 'home', 'primary')] },
  ];
  for (const s of sections) {
    const count = s.total !== undefined && s.total > s.tickets.length ? `${s.tickets.length} of ${s.total}` : `${s.tickets.length}`;
    blocks.push({ type: 'divider' }, section(`*${userText(s.title)}* (${count})`));
    if (s.tickets.length === 0) blocks.push(context([userText(s.empty)]));
    else if (s.claimable)
      blocks.push(...s.tickets.map((t) => ({ ...section(ticketLine(t, names)), accessory: button('Take it', ACTIONS.claim, ticketButtonValue(t), 'primary') })));
    else blocks.push(...packLines(s.tickets.map((t) => ticketLine(t, names))));
  }
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.viewBlocks) };
}
