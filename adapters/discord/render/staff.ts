import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  type APISelectMenuOption,
} from 'discord.js';
import { formatRef, NOTE_MAX, type AuditEntry, type Priority, type SavedReply, type Ticket, type TicketPage, type TicketStatus } from '../../../core/index.js';
import { customId, ID_PREFIX } from '../ids.js';
import { claimButton } from './staff-buttons.js';
import { COLORS, statusLabel } from './cards.js';
import { LIMITS, truncate } from './limits.js';
import type { MessageBody } from './message.js';
import { discordText } from './user-text.js';

/** The internal-note field of the "Note…" modal. */
export const NOTE_FIELD = 'internal_note';

/** The modal behind "Note…": staff-only text, said so plainly. */
export function buildNoteModal(ticket: Pick<Ticket, 'id' | 'ref'>): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('inote', ticket.id),
    title: truncate(`Internal note on ${formatRef(ticket.ref)}`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: 'Internal note',
        description: 'Staff only: the requester never sees it.',
        component: { type: ComponentType.TextInput, custom_id: NOTE_FIELD, style: TextInputStyle.Paragraph, min_length: 1, max_length: Math.min(NOTE_MAX, LIMITS.inputValue), required: true },
      },
    ],
  };
}

/** "Reply with…": the saved replies as a select (Discord shows at most 25 options); picking one sends it as the moderator. */
export function buildSavedReplyPicker(ticket: Pick<Ticket, 'id' | 'ref'>, replies: readonly SavedReply[]): MessageBody {
  if (replies.length === 0) return { content: 'No saved replies yet. An admin adds one with `/replies add`.' };
  const options: APISelectMenuOption[] = replies.slice(0, LIMITS.selectOptions).map((r) => ({
    label: truncate(r.name, LIMITS.optionText),
    value: r.name.slice(0, LIMITS.optionText),
    description: truncate(r.text.replace(/\s+/g, ' '), LIMITS.optionText),
  }));
  const more = replies.length > LIMITS.selectOptions ? `\n${replies.length - LIMITS.selectOptions} more: use \`/reply ticket:${formatRef(ticket.ref)} name:<name>\`.` : '';
  return {
    content: `Send a saved reply on ${formatRef(ticket.ref)} as yourself:${more}`,
    components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: customId('replypick', ticket.id), placeholder: 'Choose a reply', min_values: 1, max_values: 1, options }] }],
  };
}

/** The /tickets filters a page button carries: short codes, so the custom id stays within 100 characters. */
export interface ListState {
  readonly scope: 'mine' | 'assigned' | 'unassigned' | 'all' | null;
  readonly status: TicketStatus | null;
  readonly priority: Priority | null;
  readonly skill: string | null;
  readonly search: string | null;
}

const SCOPE_CODES = { mine: 'm', assigned: 'a', unassigned: 'u', all: 'l' } as const;
const STATUS_CODES = { TODO: 'T', IN_PROGRESS: 'I', DONE: 'D' } as const;
const PRIORITY_CODES = { LOW: 'L', MEDIUM: 'M', HIGH: 'H' } as const;

function decode<K extends string>(codes: Record<K, string>, c: string | undefined): K | null {
  return (Object.keys(codes) as K[]).find((k) => codes[k] === c) ?? null;
}

/** The page button's custom id for this state, or null when the filters would not fit (the page then says how to page by hand). */
export function pageId(state: ListState, page: number): string | null {
  const codes = `${state.scope ? SCOPE_CODES[state.scope] : '-'}${state.status ? STATUS_CODES[state.status] : '-'}${state.priority ? PRIORITY_CODES[state.priority] : '-'}`;
  const args = [String(page), codes, state.skill ?? '', state.search ?? ''];
  if (args.some((a) => a.includes(':'))) return null;
  const id = [ID_PREFIX, 'page', ...args].join(':');
  return id.length <= LIMITS.customId ? id : null;
}

/** Reads a page button's arguments back; null for anything malformed. */
export function parsePageArgs(args: readonly string[]): { readonly state: ListState; readonly page: number } | null {
  const [p = '', codes = '', skill = '', ...search] = args;
  const page = /^\d{1,5}$/.test(p) ? Number(p) : 0;
  if (page < 1 || codes.length !== 3) return null;
  const text = search.join(':');
  return {
    page,
    state: { scope: decode(SCOPE_CODES, codes[0]), status: decode(STATUS_CODES, codes[1]), priority: decode(PRIORITY_CODES, codes[2]), skill: skill || null, search: text || null },
  };
}

/**
 * One `/tickets` page: how many match, one line per ticket in queue order,
 * "Take it #n" for each unassigned open row (staff only), and Previous /
 * Next. Discord allows five rows of five buttons: four rows for claims,
 * one for paging.
 */
export function buildTicketPage(page: TicketPage, names: ReadonlyMap<string, string>, heading: string, state: ListState, options: { readonly staff: boolean }): MessageBody {
  if (page.total === 0) return { content: `${heading}: none match. Try other filters, e.g. status:done or scope:all (admins).` };
  const lines = page.tickets.map((t) => {
    const who = t.assigneeId ? (names.get(t.assigneeId) ?? 'someone') : 'unassigned';
    return truncate(`**${formatRef(t.ref)}** ${discordText(t.title)} — ${statusLabel(t)}, ${t.priority}, ${discordText(who)}`, 190);
  });
  if (page.tickets.length === 0) lines.push(`There is no page ${page.page}; the last one is ${page.pages}.`);
  const claims = options.staff ? page.tickets.filter((t) => t.assigneeId === null && t.status !== 'DONE').slice(0, (LIMITS.rows - 1) * LIMITS.buttonsPerRow) : [];
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < claims.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: claims.slice(i, i + LIMITS.buttonsPerRow).map((t) => claimButton(t, `Take it ${formatRef(t.ref)}`)) });
  }
  const nav: APIButtonComponent[] = [];
  const prev = Math.min(page.page - 1, page.pages);
  const prevId = prev >= 1 ? pageId(state, prev) : null;
  const nextId = page.page < page.pages ? pageId(state, page.page + 1) : null;
  if (prevId) nav.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Previous', custom_id: prevId });
  if (nextId) nav.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Next', custom_id: nextId });
  if (nav.length > 0) rows.push({ type: ComponentType.ActionRow, components: nav });
  const hint = nav.length === 0 && page.page < page.pages ? `\nNext page: run /tickets again with page: ${page.page + 1}.` : '';
  const description = truncate(lines.join('\n'), LIMITS.embedDescription - hint.length - 1) + hint;
  const title = `${heading}: ${page.total} ticket${page.total === 1 ? ' matches' : 's match'} · page ${page.page} of ${page.pages}`;
  return { embeds: [{ title: truncate(title, LIMITS.embedTitle), color: COLORS.INFO, description }], components: rows };
}

/**
 * The message a "Take it" sat on, redrawn after the claim: that button
 * becomes a disabled one saying who has the ticket; everything else stays.
 */
export function withClaimSettled(components: readonly APIActionRowComponent<APIComponentInMessageActionRow>[], clickedId: string, text: string): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return components.map((row) => ({
    ...row,
    components: row.components.map((c) =>
      c.type === ComponentType.Button && 'custom_id' in c && c.custom_id === clickedId ? { ...c, style: ButtonStyle.Secondary, label: truncate(text, LIMITS.buttonLabel), disabled: true } : c,
    ),
  }));
}

/** `/replies list`. */
export function savedRepliesText(replies: readonly SavedReply[]): string {
  if (replies.length === 0) return 'No saved replies yet. An admin adds one with /replies add.';
  return ['Saved replies (send one with /reply or "Reply with…" on the card):', ...replies.map((r) => `• **${discordText(r.name)}** — ${discordText(truncate(r.text, 200))}`)].join('\n');
}

/** `/audit`: one line per entry, newest first. */
export function auditText(entries: readonly AuditEntry[], names: ReadonlyMap<string, string>, info: { total: number; page: number; pages: number; shownAs: string }): string {
  if (info.total === 0) return info.shownAs ? `Nothing recorded for ${info.shownAs}.` : 'Nothing recorded yet.';
  const lines = [`${info.total} audit entr${info.total === 1 ? 'y' : 'ies'}${info.shownAs ? ` for ${info.shownAs}` : ''}, page ${info.page} of ${info.pages} (newest first):`];
  for (const e of entries) lines.push(`• ${e.at.slice(0, 16).replace('T', ' ')} ${discordText(names.get(e.actorId) ?? 'someone')} — ${e.action}${e.ref !== null ? ` ${formatRef(e.ref)}` : ''}: ${discordText(e.detail)}`);
  if (entries.length === 0) lines.push(`(there is no page ${info.page})`);
  if (info.page < info.pages) lines.push(`Next page: /audit page: ${info.page + 1}`);
  return lines.join('\n');
}
