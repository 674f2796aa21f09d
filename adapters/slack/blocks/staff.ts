import type { types } from '@slack/bolt';
import { formatRef, NOTE_MAX, type AuditEntry, type SavedReply, type Ticket, type TicketPage } from '../../../core/index.js';
import type { SlackMessage } from './cards.js';
import { ACTIONS, CALLBACKS, INPUTS, ticketButtonValue } from './ids.js';
import { LIMITS, button, capBlocks, clipPlain, context, fallback, inlineCode, plain, section, userText, type KnownBlock } from './limits.js';
import { ticketLine } from './lists.js';

/** What a /tickets page button carries: the filters as typed (without page:) and the page to show. */
export interface ListState {
  readonly q: string;
  readonly p: number;
}

/** The button value for a list page, or null when the filters would not fit Slack's 2,000 characters (the text then says how to page). */
export function listStateValue(state: ListState): string | null {
  const value = JSON.stringify(state);
  return value.length <= LIMITS.buttonValue ? value : null;
}

export function parseListState(value: string | undefined): ListState | null {
  try {
    const v = JSON.parse(value ?? '') as { q?: unknown; p?: unknown };
    return typeof v.q === 'string' && typeof v.p === 'number' && Number.isInteger(v.p) && v.p >= 1 ? { q: v.q, p: v.p } : null;
  } catch {
    return null;
  }
}

/** The filters as typed, without any `page:` word (the page comes from the button). */
export function withoutPage(filterText: string): string {
  return filterText.split(/\s+/).filter((w) => w && !/^page:/i.test(w)).join(' ');
}

/** A "Take it" button; in a list it also carries the page, so the list can be shown again after the claim. */
export function claimButton(ticket: Pick<Ticket, 'id' | 'ref'>, list?: ListState): types.Button {
  const withList = list ? JSON.stringify({ id: ticket.id, ref: ticket.ref, q: list.q, p: list.p }) : null;
  const value = withList && withList.length <= LIMITS.buttonValue ? withList : ticketButtonValue(ticket);
  return button('Take it', ACTIONS.claim, value, 'primary');
}

/**
 * One `/tickets` page: how many match, the rows in queue order (an
 * unassigned row has "Take it" for staff), and Previous / Next.
 */
export function buildTicketPage(page: TicketPage, names: ReadonlyMap<string, string>, filterText: string, options: { readonly staff: boolean }): SlackMessage {
  const q = withoutPage(filterText);
  const shown = q ? ` ${inlineCode(clipPlain(q, 200))}` : '';
  if (page.total === 0) return { text: 'No tickets match.', blocks: [section(`No tickets match${shown}.`)] };
  const heading = `${page.total} ticket${page.total === 1 ? ' matches' : 's match'}${shown} · page ${page.page} of ${page.pages}`;
  const blocks: KnownBlock[] = [section(`*${heading}*`)];
  if (page.tickets.length === 0) blocks.push(context([`There is no page ${page.page}; the last one is ${page.pages}.`]));
  for (const t of page.tickets) {
    const row = section(ticketLine(t, names));
    if (options.staff && t.assigneeId === null && t.status !== 'DONE') row.accessory = claimButton(t, { q, p: page.page });
    blocks.push(row);
  }
  const nav: types.Button[] = [];
  const prev = Math.min(page.page - 1, page.pages);
  const prevValue = prev >= 1 ? listStateValue({ q, p: prev }) : null;
  const nextValue = page.page < page.pages ? listStateValue({ q, p: page.page + 1 }) : null;
  if (prevValue) nav.push(button('Previous', `${ACTIONS.listPage}_prev`, prevValue));
  if (nextValue) nav.push(button('Next', `${ACTIONS.listPage}_next`, nextValue, 'primary'));
  if (nav.length > 0) blocks.push({ type: 'actions', block_id: 'tickets_page', elements: nav });
  else if (page.page < page.pages) blocks.push(context([`Next page: add ${inlineCode(`page:${page.page + 1}`)} to the same /tickets command.`]));
  return { text: fallback(heading), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

/** The modal behind "Note…": staff-only text, said so plainly. */
export function buildNoteModal(ticket: Pick<Ticket, 'id' | 'ref'> & { readonly title?: string }): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.noteModal,
    title: plain(`Note on #${ticket.ref}`, LIMITS.modalTitle),
    submit: plain('Add note', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify({ id: ticket.id, ref: ticket.ref }),
    blocks: [
      section(`*#${ticket.ref}*${ticket.title ? ` ${userText(clipPlain(ticket.title, 300))}` : ''}`),
      {
        type: 'input',
        block_id: INPUTS.internalNote.block,
        label: plain('Internal note', LIMITS.inputLabel),
        hint: plain('Staff only: the requester never sees it. It shows in the card thread and in /show.', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: INPUTS.internalNote.action, multiline: true, max_length: Math.min(NOTE_MAX, LIMITS.plainInputMax), placeholder: plain('What you found, what to try next…', LIMITS.placeholder) },
      },
    ],
  };
}

/** "Reply with…": the saved replies as a select (Slack shows at most 100 options); picking one sends it. */
export function buildSavedReplyPicker(ticket: Pick<Ticket, 'id' | 'ref'>, replies: readonly SavedReply[]): SlackMessage {
  if (replies.length === 0) return { text: 'No saved replies yet.', blocks: [section('No saved replies yet. An admin adds one with `/replies add <name> <text>`.')] };
  const options = replies.slice(0, 100).map((r) => ({
    text: plain(r.name, LIMITS.optionText),
    value: r.name.slice(0, 150),
    description: plain(clipPlain(r.text, LIMITS.optionText), LIMITS.optionText),
  }));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: `reply:${ticket.id}`,
      text: { type: 'mrkdwn', text: `Send a saved reply on *${formatRef(ticket.ref)}* as yourself:` },
      accessory: { type: 'static_select', action_id: ACTIONS.replyPick, placeholder: plain('Choose a reply', LIMITS.placeholder), options },
    },
  ];
  if (replies.length > 100) blocks.push(context([`${replies.length - 100} more: use \`/reply ${formatRef(ticket.ref)} <name>\`.`]));
  return { text: `Saved replies for ${formatRef(ticket.ref)}`, blocks };
}

/** The ticket a saved-reply select belongs to (its block id). */
export function pickerTicketId(blockId: string | undefined): string | null {
  return blockId?.startsWith('reply:') ? blockId.slice('reply:'.length) || null : null;
}

/** What replaces a "Take it" notice once someone has the ticket. */
export function buildTakenNotice(ticket: Pick<Ticket, 'ref' | 'title'>, by: string | null): SlackMessage {
  const text = by === null ? `#${ticket.ref} is yours now; its card is in your DM.` : `#${ticket.ref} was taken by ${by}.`;
  return { text: fallback(text), blocks: [section(`:white_check_mark: *#${ticket.ref}* ${userText(clipPlain(ticket.title, 200))}\n${userText(text)}`)] };
}

/** `/replies list`. */
export function savedRepliesText(replies: readonly SavedReply[]): string {
  if (replies.length === 0) return 'No saved replies yet. An admin adds one with /replies add <name> <text>.';
  return ['Saved replies (send one with /reply #n <name> or "Reply with…" on the card):', ...replies.map((r) => `• ${r.name} — ${clipPlain(r.text, 200)}`)].join('\n');
}

/** `/audit`: one line per entry, newest first. */
export function auditText(entries: readonly AuditEntry[], names: ReadonlyMap<string, string>, info: { total: number; page: number; pages: number; shownAs: string }): string {
  if (info.total === 0) return info.shownAs ? `Nothing recorded for ${info.shownAs}.` : 'Nothing recorded yet.';
  const lines = [`${info.total} audit entr${info.total === 1 ? 'y' : 'ies'}${info.shownAs ? ` for ${info.shownAs}` : ''}, page ${info.page} of ${info.pages} (newest first):`];
  for (const e of entries) lines.push(`• ${e.at.slice(0, 16).replace('T', ' ')} ${names.get(e.actorId) ?? 'someone'} — ${e.action}${e.ref !== null ? ` ${formatRef(e.ref)}` : ''}: ${e.detail}`);
  if (entries.length === 0) lines.push(`(there is no page ${info.page})`);
  if (info.page < info.pages) lines.push(`Next page: /audit ${[info.shownAs, `page:${info.page + 1}`].filter(Boolean).join(' ')}`);
  return lines.join('\n');
}
