import { z } from 'zod';
import { fail, ok, type Result } from '../domain/errors.js';
import { outboxEvent } from '../domain/events.js';
import { cleanMultilineText, cleanTitle } from '../domain/text.js';
import { DESCRIPTION_MAX, TITLE_MAX, type Origin, type Priority, type Ticket } from '../domain/ticket.js';
import type { HelpdeskDeps } from './deps.js';

export interface FileTicketInput {
  readonly requesterId: string;
  readonly title: string;
  readonly description?: string;
  readonly origin: Origin;
  /** The requester's own urgency hint; triage may raise or lower it. */
  readonly urgency?: Priority;
  /** Extra context from a form field (affected system); appended to the description. */
  readonly affectedSystem?: string;
  /** Platform delivery id; a retried delivery with the same key returns the first ticket. */
  readonly idempotencyKey?: string;
}

export interface FiledTicket {
  readonly ticket: Ticket;
  /** False when the idempotency key matched an earlier filing. */
  readonly created: boolean;
}

const textSchema = z.object({
  title: z
    .string()
    .transform(cleanTitle)
    .pipe(z.string().min(1, 'INPUT.TITLE_EMPTY').max(TITLE_MAX, 'INPUT.TITLE_TOO_LONG')),
  description: z
    .string()
    .transform(cleanMultilineText)
    .pipe(z.string().max(DESCRIPTION_MAX, 'INPUT.DESCRIPTION_TOO_LONG')),
});

/** Validates title and description as every surface must before filing; control characters and escape sequences are cleaned out first. */
export function validateTicketText(title: string, description: string): Result<{ title: string; description: string }> {
  const parsed = textSchema.safeParse({ title, description });
  if (parsed.success) return ok(parsed.data);
  const code = parsed.error.issues[0]?.message;
  if (code === 'INPUT.TITLE_EMPTY') return fail('INPUT.TITLE_EMPTY', 'The ticket needs a title: say in a few words what is wrong.');
  if (code === 'INPUT.TITLE_TOO_LONG')
    return fail('INPUT.TITLE_TOO_LONG', `The title is too long (${title.trim().length} characters; at most ${TITLE_MAX}). Put the details in the description.`);
  if (code === 'INPUT.DESCRIPTION_TOO_LONG')
    return fail('INPUT.DESCRIPTION_TOO_LONG', `The description is too long (${description.trim().length} characters; at most ${DESCRIPTION_MAX}). Attach logs as a file or link instead.`);
  return fail('INPUT.INVALID', 'The ticket text is not valid.');
}

/**
 * Files a ticket: validates, enforces the per-person filing limit, then
 * stores the ticket and its `ticket/filed` pipeline event in one
 * transaction, so a ticket is never stored without its pipeline (nor the
 * reverse). The surface answers the person right after this returns.
 */
export async function fileTicket(deps: HelpdeskDeps, input: FileTicketInput): Promise<Result<FiledTicket>> {
  const rawDescription = [input.description ?? '', input.affectedSystem ? `Affected system: ${input.affectedSystem}` : '']
    .filter((s) => s.trim() !== '')
    .join('\n\n');
  const text = validateTicketText(input.title, rawDescription || input.title);
  if (!text.ok) return text;

  const now = deps.clock.now();
  const at = now.toISOString();
  // A retried delivery gets the ticket it filed, even when the person has used up their limit since.
  if (input.idempotencyKey !== undefined) {
    const earlier = await deps.store.findTicketByIdempotencyKey(input.idempotencyKey);
    if (earlier) return ok({ ticket: earlier, created: false });
  }
  if (deps.settings.filingLimitPerMinute > 0) {
    const recent = await deps.store.countTickets({ requesterId: input.requesterId, createdAfter: new Date(now.getTime() - 60_000).toISOString() });
    if (recent >= deps.settings.filingLimitPerMinute)
      return fail('RATE.LIMITED', `You have filed ${recent} tickets in the last minute. Please wait a moment before filing another.`);
  }

  const id = deps.ids.newId();
  const created = await deps.store.createTicket(
    {
      id,
      title: text.value.title,
      description: text.value.description,
      requesterId: input.requesterId,
      origin: input.origin,
      priority: input.urgency ?? 'MEDIUM',
      createdAt: at,
      ...(input.idempotencyKey !== undefined ? { idempotencyKey: input.idempotencyKey } : {}),
    },
    [outboxEvent('ticket/filed', { ticketId: id }, id, at)],
  );
  if (created.created) {
    deps.signal.workAvailable();
    deps.logger.info({ ticketId: created.ticket.id, ref: created.ticket.ref }, 'ticket filed');
  }
  return ok({ ticket: created.ticket, created: created.created });
}
