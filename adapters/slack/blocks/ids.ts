/** Action, callback and block ids shared by the builders and the listeners that handle them. */
export const ACTIONS = {
  start: 'ticket_start',
  resolve: 'ticket_resolve',
  reassign: 'ticket_reassign',
  reopen: 'ticket_reopen',
  editTriage: 'ticket_edit_triage',
  homeFile: 'home_file_ticket',
  /** "Take it" on an unassigned ticket (admin notice, /tickets rows, App Home). */
  claim: 'ticket_claim',
  /** "Note…" on the moderator card opens the internal-note modal. */
  note: 'ticket_note',
  /** "Reply with…" on the moderator card offers the saved replies; picking one sends it. */
  replyWith: 'ticket_reply_with',
  replyPick: 'ticket_reply_pick',
  /** Previous / Next under a /tickets page. */
  listPage: 'tickets_page',
} as const;

export const CALLBACKS = {
  ticketModal: 'ticket_modal',
  resolveModal: 'resolve_modal',
  reassignModal: 'reassign_modal',
  triageModal: 'triage_modal',
  noteModal: 'note_modal',
  messageShortcut: 'ticket_from_message',
} as const;

/** Input blocks: the block id is where Slack shows a validation error; the action id names the value. */
export const INPUTS = {
  title: { block: 'title', action: 'title' },
  description: { block: 'description', action: 'description' },
  urgency: { block: 'urgency', action: 'urgency' },
  system: { block: 'system', action: 'system' },
  note: { block: 'note', action: 'note' },
  assignee: { block: 'assignee', action: 'assignee' },
  priority: { block: 'priority', action: 'priority' },
  category: { block: 'category', action: 'category' },
  skills: { block: 'skills', action: 'skills' },
  otherSkills: { block: 'other_skills', action: 'other_skills' },
  internalNote: { block: 'internal_note', action: 'internal_note' },
} as const;

/** What ticket buttons carry: the ticket id and its ref, so handlers need no lookup to name it. */
export function ticketButtonValue(ticket: { readonly id: string; readonly ref: number }): string {
  return JSON.stringify({ id: ticket.id, ref: ticket.ref });
}

export function parseTicketButtonValue(value: string | undefined): { id: string; ref: number } | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as { id?: unknown; ref?: unknown };
    return typeof v.id === 'string' && typeof v.ref === 'number' ? { id: v.id, ref: v.ref } : null;
  } catch {
    return null;
  }
}
