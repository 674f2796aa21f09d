import { currentRating, type PersonRef, type Ticket } from '../../../core/index.js';
import { ACTIONS, ticketButtonValue } from './ids.js';
import { ratingLine } from './rating.js';
import { LIMITS, button, capBlocks, clipPlain, context, fallback, fields, header, section, userText, type KnownBlock } from './limits.js';
import { personLabel, priorityLabel, quote, safeLink, slackDate, statusLabel, statusWord, ticketHeadline } from './format.js';

/** A message ready for chat.postMessage / chat.update. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const SIMILAR_ITEM_MAX = 400;

/**
 * The moderator's ticket card: everything triage found (summary, AI notes,
 * suggested fix, similar resolved tickets) and the buttons for the next
 * step. Updated in place after every action, so it always shows the
 * current state.
 */
export function buildModeratorCard(ticket: Ticket, requester: PersonRef | null): SlackMessage {
  const blocks: KnownBlock[] = [header(ticketHeadline(ticket)), fields(cardFields(ticket, requester))];
  if (ticket.summary) blocks.push(section(`*Summary*\n${userText(ticket.summary)}`));
  if (ticket.description && ticket.description !== ticket.title) blocks.push(section(`*Description*\n${quote(userText(ticket.description))}`));
  if (ticket.notes) blocks.push(section(`*AI notes*\n${userText(ticket.notes)}`));
  if (ticket.suggestedFix) blocks.push(section(`*Suggested fix*\n${userText(ticket.suggestedFix)}`));
  if (ticket.similar.length > 0) {
    const lines = ticket.similar.map((s) => `• *#${s.ref}* ${userText(clipPlain(`${s.title} — ${s.resolution}`, SIMILAR_ITEM_MAX))}`);
    blocks.push(section(`*Similar resolved tickets*\n${lines.join('\n')}`));
  }
  if (ticket.resolution) blocks.push(section(`*Resolution*\n${quote(userText(ticket.resolution))}`));
  blocks.push(...ratingLine(currentRating(ticket)));
  const link = safeLink(ticket.origin.messageLink);
  if (link) blocks.push(context([`From <${link}|this message>`]));
  const meta = [triageLine(ticket), assignmentLine(ticket)].filter((x): x is string => x !== null);
  if (meta.length > 0) blocks.push(context(meta));
  blocks.push({ type: 'actions', block_id: `ticket:${ticket.id}`, elements: moderatorButtons(ticket) });
  return { text: fallback(`${ticketHeadline(ticket)} — ${ticket.priority.toLowerCase()} priority, ${statusWord(ticket.status)}`), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

/** The card of a moderator who no longer holds the ticket: no buttons, and who has it now. */
export function buildHandedOverCard(ticket: Ticket, to: PersonRef | null): SlackMessage {
  const where = to ? `Reassigned to ${personLabel(to)}` : 'Reassigned; waiting for a moderator';
  return {
    text: fallback(`${ticketHeadline(ticket)} — reassigned`),
    blocks: [header(ticketHeadline(ticket)), section(`${statusLabel(ticket.status)} · ${priorityLabel(ticket.priority)}`), context([`${where}. You no longer need to act on it.`])],
  };
}

/**
 * The requester's ticket card, the root of their thread. Never shows what
 * is staff-only (AI notes, suggested fix, similar tickets).
 */
export function buildRequesterCard(ticket: Ticket): SlackMessage {
  const blocks: KnownBlock[] = [
    header(ticketHeadline(ticket)),
    fields([`*Status*\n${statusLabel(ticket.status)}`, `*Priority*\n${priorityLabel(ticket.priority)}`, ...(ticket.triage ? [`*Category*\n${userText(ticket.category)}`] : [])]),
  ];
  if (ticket.summary) blocks.push(section(`*Summary*\n${userText(ticket.summary)}`));
  if (ticket.resolution && ticket.status === 'DONE') blocks.push(section(`*Resolution*\n${quote(userText(ticket.resolution))}`));
  blocks.push(context([`Filed ${slackDate(ticket.createdAt)} · Reply in this thread to talk to whoever handles it.`]));
  if (ticket.status === 'DONE') blocks.push({ type: 'actions', block_id: `ticket:${ticket.id}`, elements: [button('Reopen', ACTIONS.reopen, ticketButtonValue(ticket))] });
  return { text: fallback(`Your ticket ${ticketHeadline(ticket)}: ${statusWord(ticket.status)}`), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

/**
 * For admins: a ticket nobody could take, or one escalated past its SLA,
 * with the moderator's view of it and a button to assign it.
 */
export function buildAdminAlert(ticket: Ticket, headline: string, reason: string): SlackMessage {
  const blocks: KnownBlock[] = [
    section(`:rotating_light: *${userText(headline)}*: ${userText(reason)}`),
    header(ticketHeadline(ticket)),
    fields(cardFields(ticket, null)),
  ];
  if (ticket.summary) blocks.push(section(`*Summary*\n${userText(ticket.summary)}`));
  if (ticket.notes) blocks.push(section(`*AI notes*\n${userText(ticket.notes)}`));
  // Staff reading the notice can take the ticket themselves ("Take it"), or an admin hands it to someone.
  const take = ticket.status !== 'DONE' ? [button('Take it', ACTIONS.claim, ticketButtonValue(ticket), 'primary')] : [];
  blocks.push({ type: 'actions', block_id: `ticket:${ticket.id}`, elements: [...take, button('Assign…', ACTIONS.reassign, ticketButtonValue(ticket), take.length ? undefined : 'primary')] });
  return { text: fallback(`${headline}: ${ticketHeadline(ticket)} — ${reason}`), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

function cardFields(ticket: Ticket, requester: PersonRef | null): string[] {
  const out = [`*Status*\n${statusLabel(ticket.status)}`, `*Priority*\n${priorityLabel(ticket.priority)}`, `*Category*\n${userText(ticket.category)}`];
  if (requester) out.push(`*Requester*\n${personLabel(requester)}`);
  out.push(`*Skills*\n${ticket.skills.length ? userText(ticket.skills.join(', ')) : '_none_'}`);
  return out;
}

function moderatorButtons(ticket: Ticket) {
  const value = ticketButtonValue(ticket);
  if (ticket.status === 'DONE') return [button('Reopen', ACTIONS.reopen, value)];
  const out = [];
  if (ticket.status === 'TODO') out.push(button('Start', ACTIONS.start, value, 'primary'));
  out.push(button('Resolve…', ACTIONS.resolve, value, ticket.status === 'IN_PROGRESS' ? 'primary' : undefined));
  out.push(button('Reassign…', ACTIONS.reassign, value));
  out.push(button('Edit triage…', ACTIONS.editTriage, value));
  // Staff-only notes, and saved replies that go to the requester.
  out.push(button('Note…', ACTIONS.note, value));
  out.push(button('Reply with…', ACTIONS.replyWith, value));
  return out;
}

function triageLine(ticket: Ticket): string | null {
  if (!ticket.triage) return null;
  const t = ticket.triage;
  const model = t.model ? ` (${userText(t.model)})` : '';
  const confidence = typeof t.confidence === 'number' ? ` · confidence ${Math.round(t.confidence * 100)}%` : '';
  return `Triaged by ${userText(t.engine)}${model}${confidence}`;
}

/** Why the current assignee got the ticket, from the history. */
function assignmentLine(ticket: Ticket): string | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const h = ticket.history[i];
    if (h?.type === 'assigned' && h.assigneeId === ticket.assigneeId) return `Why: ${userText(h.reason.text)}`;
    if (h?.type === 'reassigned' && h.toId === ticket.assigneeId) return h.reason ? `Why: ${userText(h.reason.text)}` : null;
  }
  return null;
}
