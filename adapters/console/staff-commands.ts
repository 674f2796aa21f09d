/**
 * The console's staff workflow: the queue a page at a time, claiming,
 * internal notes, saved replies and the audit record. Each command calls
 * one core use case, as a Slack or Discord button for the same action would.
 */
import {
  fail, formatRef, parseTicketFilters,
  type Helpdesk, type Person, type Result, type Ticket, type TicketFilters,
} from '../../core/index.js';
import { nameMap, ticketLine } from './format.js';

/** Turns `@bob` into `console:bob`. */
export type Mention = (token: string) => string | null;

/** `/tickets [filters]`: how many match, one page in queue order, and how to get the next. */
export async function listCommand(helpdesk: Helpdesk, actor: Person, rest: string, mention: Mention): Promise<Result<string>> {
  const filters = parseTicketFilters(rest, (s) => helpdesk.normalizeSkill(s), mention);
  if (!filters.ok) return filters;
  const listed = await helpdesk.listTickets(actor, filters.value);
  if (!listed.ok) return listed;
  const { tickets, total, page, pages } = listed.value;
  if (total === 0) return { ok: true, value: 'No tickets match.' };
  const head = `${total} ticket${total === 1 ? ' matches' : 's match'}, page ${page} of ${pages}`;
  if (tickets.length === 0) return { ok: true, value: `${head}: there is no page ${page}. ${pageHint(rest, pages, 'The last one is')}` };
  const names = await nameMap(helpdesk, tickets.map((t) => t.assigneeId));
  const lines = [`${head}:`, ...tickets.map((t) => ticketLine(t, names))];
  if (page < pages) lines.push(pageHint(rest, page + 1, 'Next page:'));
  return { ok: true, value: lines.join('\n') };
}

function pageHint(rest: string, page: number, lead: string): string {
  const others = rest.split(/\s+/).filter((w) => w && !/^page:/i.test(w));
  return `${lead} /tickets ${[...others, `page:${page}`].join(' ')}`;
}

/** `/claim #n`: take the ticket; a lost race says who won. */
export async function claimCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket): Promise<Result<string>> {
  const claimed = await helpdesk.claimTicket({ ticketId: ticket.id, actorId: actor.id });
  if (!claimed.ok) return claimed;
  const from = claimed.value.previousAssigneeId ? (await helpdesk.personById(claimed.value.previousAssigneeId))?.displayName : null;
  return { ok: true, value: `${formatRef(ticket.ref)} is yours now${from ? ` (taken from ${from})` : ''}. The requester has been told.` };
}

/** `/note #n <text>`: an internal note, for staff only. */
export async function noteCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, text: string): Promise<Result<string>> {
  const noted = await helpdesk.addNote({ ticketId: ticket.id, actorId: actor.id, text });
  return noted.ok ? { ok: true, value: `Internal note added to ${formatRef(ticket.ref)}; the requester does not see it.` } : noted;
}

/** `/reply #n <name>`: send a saved reply as yourself. */
export async function replyCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, name: string): Promise<Result<string>> {
  if (!name) return fail('INPUT.BAD_COMMAND', 'Say which saved reply, like /reply #12 vpn-reset. /replies list shows them.');
  const sent = await helpdesk.sendSavedReply({ ticketId: ticket.id, actorId: actor.id, name });
  if (!sent.ok) return sent;
  const requester = (await helpdesk.personById(ticket.requesterId))?.displayName ?? 'the requester';
  return { ok: true, value: `Sent to ${requester} on ${formatRef(ticket.ref)}:\n${sent.value.text}` };
}

export const REPLIES_USAGE = 'Usage: /replies list · /replies add <name> <text> · /replies remove <name>. Placeholders: {requester} {ref} {title} {assignee}.';

/** `/replies list|add|remove`. */
export async function repliesCommand(helpdesk: Helpdesk, actor: Person, rest: string): Promise<Result<string>> {
  const [op = 'list', name = ''] = rest.split(/\s+/).filter(Boolean);
  const text = rest.trim().slice(op.length).trim().slice(name.length).trim();
  switch (op.toLowerCase()) {
    case 'list': {
      const replies = await helpdesk.listSavedReplies({ actorId: actor.id });
      if (!replies.ok) return replies;
      if (replies.value.length === 0) return { ok: true, value: 'No saved replies yet. An admin adds one with /replies add <name> <text>.' };
      return { ok: true, value: ['Saved replies (send one with /reply #n <name>):', ...replies.value.map((r) => `${r.name} — ${r.text}`)].join('\n') };
    }
    case 'add': {
      if (!name) return fail('INPUT.BAD_COMMAND', REPLIES_USAGE);
      const added = await helpdesk.addSavedReply({ actorId: actor.id, name, text });
      return added.ok ? { ok: true, value: `Saved reply ${added.value.reply.name} ${added.value.replaced ? 'replaced' : 'added'}. Send it with /reply #n ${added.value.reply.name}.` } : added;
    }
    case 'remove': {
      if (!name) return fail('INPUT.BAD_COMMAND', REPLIES_USAGE);
      const removed = await helpdesk.removeSavedReply({ actorId: actor.id, name });
      return removed.ok ? { ok: true, value: `Saved reply ${removed.value} removed.` } : removed;
    }
    default:
      return fail('INPUT.BAD_COMMAND', REPLIES_USAGE);
  }
}

/** `/audit [@h] [page:n]`: admins read who did what. */
export async function auditCommand(helpdesk: Helpdesk, actor: Person, rest: string, mention: Mention): Promise<Result<string>> {
  let involving: string | null = null;
  let shownAs = '';
  let page = 1;
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    if (/^page:/i.test(token)) {
      const raw = token.slice(5);
      const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
      if (n < 1) return fail('INPUT.BAD_FILTER', `page: takes a page number from 1, like page:2, not "${raw.slice(0, 30)}".`);
      page = n;
      continue;
    }
    const identity = mention(token);
    if (!identity) return fail('INPUT.BAD_COMMAND', `"${token.slice(0, 40)}" is not a @handle. Usage: /audit [@someone] [page:2]`);
    const person = await helpdesk.personByIdentity(identity);
    if (!person) return fail('PERSON.UNKNOWN_HANDLE', `I don't know anyone called ${token.slice(0, 60)}.`);
    involving = person.id;
    shownAs = token;
  }
  const listed = await helpdesk.listAudit({ actorId: actor.id, involving, page });
  if (!listed.ok) return listed;
  const { entries, total, pages } = listed.value;
  if (total === 0) return { ok: true, value: involving ? `Nothing recorded for ${shownAs}.` : 'Nothing recorded yet.' };
  const names = await nameMap(helpdesk, entries.map((e) => e.actorId));
  const lines = [`${total} audit entr${total === 1 ? 'y' : 'ies'}${involving ? ` for ${shownAs}` : ''}, page ${page} of ${pages} (newest first):`];
  for (const e of entries) {
    const ticket = e.ref !== null ? ` ${formatRef(e.ref)}` : '';
    lines.push(`  ${e.at.slice(0, 16).replace('T', ' ')} ${names.get(e.actorId) ?? 'someone'} — ${e.action}${ticket}: ${e.detail}`);
  }
  if (entries.length === 0) lines.push(`  (there is no page ${page})`);
  if (page < pages) lines.push(`Next page: /audit ${[shownAs, `page:${page + 1}`].filter(Boolean).join(' ')}`);
  return { ok: true, value: lines.join('\n') };
}

export type { TicketFilters };
