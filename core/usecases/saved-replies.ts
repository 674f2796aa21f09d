import type { AuditEntry } from '../domain/audit.js';
import { Errors, fail, ok, type Result } from '../domain/errors.js';
import { isStaff } from '../domain/person.js';
import { fillPlaceholders, savedReplyName, type SavedReply } from '../domain/saved-reply.js';
import { cleanMultilineText } from '../domain/text.js';
import { formatRef, NOTE_MAX, type Ticket } from '../domain/ticket.js';
import { requireAdmin, requireAssigneeOrAdmin } from '../policies/authorization.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { loadActor, type TicketAction } from './actor.js';
import { postMessage } from './ticket-actions.js';

/** What adding a saved reply did. */
export interface SavedReplyOutcome {
  readonly reply: SavedReply;
  /** True when a reply of that name existed and was replaced. */
  readonly replaced: boolean;
}

function auditOf(deps: HelpdeskDeps, actorId: string, at: string, action: AuditEntry['action'], detail: string): AuditEntry {
  return { id: `reply:${deps.ids.newId()}`, at, actorId, action, ticketId: null, ref: null, subjectId: null, detail };
}

/** An admin adds a saved reply, or replaces the one of that name. Placeholders: {requester} {ref} {title} {assignee}. */
export async function addSavedReply(deps: HelpdeskDeps, input: { readonly actorId: string; readonly name: string; readonly text: string }): Promise<Result<SavedReplyOutcome>> {
  const actor = await loadActor(deps, input.actorId);
  if (!actor.ok) return actor;
  const admin = requireAdmin(actor.value);
  if (!admin.ok) return admin;
  const name = savedReplyName(input.name);
  if (!name.ok) return name;
  const text = cleanMultilineText(input.text);
  if (text.length === 0) return fail('INPUT.MESSAGE_EMPTY', `Say what ${name.value} should answer, e.g. /replies add ${name.value} Hi {requester}, try restarting the VPN client.`);
  if (text.length > NOTE_MAX) return fail('INPUT.NOTE_TOO_LONG', `The saved reply is too long (${text.length} characters; at most ${NOTE_MAX}).`);
  const at = nowIso(deps);
  const earlier = await deps.store.getSavedReply(name.value);
  const reply: SavedReply = { name: name.value, text, createdBy: earlier?.createdBy ?? actor.value.id, createdAt: earlier?.createdAt ?? at, updatedAt: at };
  await deps.store.putSavedReply(reply, [auditOf(deps, actor.value.id, at, 'reply-added', `${earlier ? 'replaced' : 'added'} saved reply "${reply.name}"`)]);
  return ok({ reply, replaced: earlier !== null });
}

/** Every saved reply, for staff choosing one. */
export async function listSavedReplies(deps: HelpdeskDeps, input: { readonly actorId: string }): Promise<Result<SavedReply[]>> {
  const actor = await loadActor(deps, input.actorId);
  if (!actor.ok) return actor;
  if (!isStaff(actor.value)) return fail('PERSON.NOT_MODERATOR', 'Saved replies are for moderators and admins.');
  return ok(await deps.store.listSavedReplies());
}

/** An admin removes a saved reply. */
export async function removeSavedReply(deps: HelpdeskDeps, input: { readonly actorId: string; readonly name: string }): Promise<Result<string>> {
  const actor = await loadActor(deps, input.actorId);
  if (!actor.ok) return actor;
  const admin = requireAdmin(actor.value);
  if (!admin.ok) return admin;
  const name = savedReplyName(input.name);
  if (!name.ok) return name;
  const at = nowIso(deps);
  const removed = await deps.store.deleteSavedReply(name.value, [auditOf(deps, actor.value.id, at, 'reply-removed', `removed saved reply "${name.value}"`)]);
  return removed ? ok(name.value) : notFound(name.value);
}

function notFound(name: string): Result<never> {
  return fail('REPLY.NOT_FOUND', `There is no saved reply called "${name.slice(0, 40)}". /replies list shows them; /say #n <message> sends your own words.`);
}

/**
 * The assignee (or an admin) answers with a saved reply: placeholders are
 * filled from the ticket, and the text goes out as a message from them,
 * through the same path as `postMessage` (relayed to the requester, kept in
 * the history with the reply's name, audited).
 */
export async function sendSavedReply(deps: HelpdeskDeps, input: TicketAction & { readonly name: string }): Promise<Result<{ readonly ticket: Ticket; readonly text: string }>> {
  const actor = await loadActor(deps, input.actorId);
  if (!actor.ok) return actor;
  const name = savedReplyName(input.name);
  if (!name.ok) return notFound(input.name.trim());
  const reply = await deps.store.getSavedReply(name.value);
  if (!reply) return notFound(name.value);
  const ticket = await deps.store.getTicket(input.ticketId);
  if (!ticket) return Errors.ticketNotFound(input.ticketId);
  const allowed = requireAssigneeOrAdmin(actor.value, ticket);
  if (!allowed.ok) return allowed;
  const requester = await deps.store.getPerson(ticket.requesterId);
  const assignee = ticket.assigneeId ? await deps.store.getPerson(ticket.assigneeId) : null;
  const text = fillPlaceholders(reply.text, {
    requester: requester?.displayName ?? 'there',
    ref: formatRef(ticket.ref),
    title: ticket.title,
    assignee: (assignee ?? actor.value).displayName,
  });
  const sent = await postMessage(deps, { ticketId: ticket.id, actorId: actor.value.id, text, savedReply: reply.name });
  return sent.ok ? ok({ ticket: sent.value, text }) : sent;
}
