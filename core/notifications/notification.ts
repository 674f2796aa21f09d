import type { Person } from '../domain/person.js';
import type { Rating, SlaKind, Ticket } from '../domain/ticket.js';

/** The little a message needs to name a person. */
export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
  readonly identities: readonly string[];
}

export function personRef(p: Pick<Person, 'id' | 'displayName' | 'identities'>): PersonRef {
  return { id: p.id, displayName: p.displayName, identities: [...p.identities] };
}

/**
 * Everything the helpdesk tells people. `audience` decides what a renderer
 * may show: requester-facing messages never include moderator notes.
 * Chat adapters render these as cards and threaded replies; console and
 * email render them as text.
 */
export type Notification =
  /** Requester: the ticket card, sent once when the ticket is filed. */
  | { readonly kind: 'ticket.filed'; readonly audience: 'requester'; readonly ticket: Ticket }
  /** Requester: triage done (category, priority, summary). */
  | { readonly kind: 'ticket.triaged'; readonly audience: 'requester'; readonly ticket: Ticket }
  /**
   * Requester: who is handling the ticket, or that it waits for someone.
   * `adminsTold`: with nobody assigned, whether an admin was actually reached (only then may the text say so).
   */
  | { readonly kind: 'ticket.assigned'; readonly audience: 'requester'; readonly ticket: Ticket; readonly assignee: PersonRef | null; readonly adminsTold?: boolean }
  /** Moderator: the ticket card with notes, similar tickets and actions. */
  | { readonly kind: 'ticket.assignment'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly requester: PersonRef; readonly reason: string }
  /** Moderator: the card changed (started, resolved, reopened); update it in place. */
  | { readonly kind: 'ticket.card'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly requester: PersonRef }
  /** Previous moderator: the ticket moved to someone else. */
  | { readonly kind: 'ticket.unassigned-from'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly to: PersonRef | null }
  /** Admins: nobody could take the ticket. */
  | { readonly kind: 'ticket.needs-assignee'; readonly audience: 'admin'; readonly ticket: Ticket; readonly reason: string }
  | { readonly kind: 'ticket.started'; readonly audience: 'requester'; readonly ticket: Ticket; readonly by: PersonRef }
  /** Requester: resolved, with the note and a way to reopen. */
  | { readonly kind: 'ticket.resolved'; readonly audience: 'requester'; readonly ticket: Ticket; readonly by: PersonRef }
  | { readonly kind: 'ticket.reopened'; readonly audience: 'moderator' | 'requester'; readonly ticket: Ticket; readonly by: PersonRef }
  /** A relayed message between requester and moderator. */
  | { readonly kind: 'ticket.message'; readonly audience: 'moderator' | 'requester'; readonly ticket: Ticket; readonly from: PersonRef; readonly text: string }
  /** Assignee: a service level was missed (`sla`; absent: first response, the ticket was not started or answered in time). */
  | { readonly kind: 'sla.reminder'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly dueAt: string; readonly sla?: SlaKind }
  /** Admins: the ticket was escalated after a second window. */
  | { readonly kind: 'sla.escalated'; readonly audience: 'admin'; readonly ticket: Ticket; readonly reason: string; readonly sla?: SlaKind }
  /** Requester: staff wait for their answer; `closesAt`: when the ticket closes itself without one (null: it does not). */
  | { readonly kind: 'ticket.nudge'; readonly audience: 'requester'; readonly ticket: Ticket; readonly from: PersonRef; readonly closesAt: string | null }
  /** Assignee: the requester rated the resolution (a 👎 comes with the offer to reopen). */
  /** Assignee: an internal note on their ticket (staff only; never sent to the requester). */
  | { readonly kind: 'ticket.note'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly from: PersonRef; readonly text: string }
  | { readonly kind: 'ticket.rated'; readonly audience: 'moderator'; readonly ticket: Ticket; readonly by: PersonRef; readonly rating: Rating; readonly comment: string | null };

export type NotificationKind = Notification['kind'];
