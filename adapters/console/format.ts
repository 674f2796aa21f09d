import { formatRef, type Helpdesk, type HistoryEntry, type TicketView } from '../../core/index.js';

const STATUS: Record<string, string> = { TODO: 'to do', IN_PROGRESS: 'in progress', DONE: 'resolved' };

/** One line per ticket for `/tickets`. */
export function ticketLine(t: TicketView, names: ReadonlyMap<string, string>): string {
  const who = t.assigneeId ? (names.get(t.assigneeId) ?? 'someone') : 'unassigned';
  const skills = t.skills.length ? ` [${t.skills.join(', ')}]` : '';
  return `${formatRef(t.ref)} ${STATUS[t.status]} · ${t.priority} · ${who}${skills} — ${t.title}`;
}

/** The full view of one ticket for `/show #n`, notes only when the viewer may see them. */
export function ticketDetails(t: TicketView, names: ReadonlyMap<string, string>): string {
  const name = (id: string | null) => (id ? (names.get(id) ?? 'someone') : 'nobody');
  const lines = [
    `${formatRef(t.ref)} ${t.title}`,
    `Status: ${STATUS[t.status]} · Priority: ${t.priority} · Category: ${t.category}`,
    `Requester: ${name(t.requesterId)} · Assignee: ${name(t.assigneeId)}${t.unassignedReason ? ` (${t.unassignedReason})` : ''}`,
  ];
  if (t.skills.length) lines.push(`Skills: ${t.skills.join(', ')}`);
  if (t.description && t.description !== t.title) lines.push(`Description: ${t.description}`);
  if (t.summary) lines.push(`Summary: ${t.summary}`);
  if (!t.notesHidden && t.notes) lines.push(`Notes:\n${t.notes.split('\n').map((l) => `  ${l}`).join('\n')}`);
  if (!t.notesHidden && t.suggestedFix) lines.push(`Suggested fix: ${t.suggestedFix}`);
  if (!t.notesHidden && t.similar.length) lines.push(`Similar: ${t.similar.map((s) => `${formatRef(s.ref)} ${s.title}`).join('; ')}`);
  if (t.resolution) lines.push(`Resolution: ${t.resolution}`);
  lines.push('History:');
  for (const h of t.history) lines.push(`  ${h.at.slice(0, 16).replace('T', ' ')} ${describe(h, name)}`);
  return lines.join('\n');
}

function describe(h: HistoryEntry, name: (id: string | null) => string): string {
  switch (h.type) {
    case 'filed': return `filed by ${name(h.actorId)}`;
    case 'triaged': return `triaged by ${h.engine}${h.model ? ` (${h.model})` : ''}`;
    case 'assigned': return `assigned to ${name(h.assigneeId)}${by(h.actorId, name)}: ${h.reason.text}`;
    case 'unassigned': return `not assigned: ${h.reason}`;
    case 'started': return `started by ${name(h.actorId)}`;
    case 'resolved': return `resolved by ${name(h.actorId)}: ${h.note}`;
    case 'reassigned': return `reassigned from ${name(h.fromId)} to ${name(h.toId)}${by(h.actorId, name)}${h.reason ? `: ${h.reason.text}` : ''}`;
    case 'reopened': return `reopened by ${name(h.actorId)}`;
    case 'message': return `${name(h.actorId)}${h.savedReply ? ` (saved reply ${h.savedReply})` : ''}: ${h.text}`;
    case 'note': return `Internal note from ${name(h.actorId)}: ${h.text}`;
    case 'reminded': return `reminder sent to ${name(h.assigneeId)}`;
    case 'escalated': return `escalated: ${h.reason}`;
    case 'nudged': return 'requester reminded that an answer is awaited';
    case 'held': return h.on ? `put on hold by ${name(h.actorId)} (no reminders or auto-close while waiting for the requester)` : `hold lifted by ${name(h.actorId)}`;
    case 'rated': return `rated ${h.rating === 'good' ? '👍' : '👎'} by ${name(h.actorId)}${h.comment ? `: ${h.comment}` : ''}`;
    case 'triage-corrected': return `triage changed by ${name(h.actorId)}: ${h.changes.map((c) => `${c.field} ${c.from || '—'} → ${c.to || '—'}`).join('; ')}`;
  }
}

/** Who took a step, when a person did (the pipeline and the SLA act without one). */
function by(actorId: string | null, name: (id: string | null) => string): string {
  return actorId ? ` by ${name(actorId)}` : '';
}

/** Display names by person id (through the helpdesk's read query), as the formatters here take them. */
export async function nameMap(helpdesk: Helpdesk, ids: Iterable<string | null>): Promise<Map<string, string>> {
  return new Map(Object.entries(await helpdesk.displayNames(ids)));
}
