import { formatRef, type Helpdesk, type Person, type Result, type Ticket } from '../../core/index.js';

export const LIFECYCLE_HELP = [
  '  /hold #n [off]                    staff: no nudges or auto-close while waiting for the requester (off: back on)',
  '  /rate #n good|bad [comment]       requester: rate the resolution 👍 or 👎 (rating again changes it)',
];

/** `/hold #n [off]`: the console's switch for waiting-on-requester timers. */
export async function holdCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, args: readonly string[]): Promise<Result<string>> {
  const off = args[0]?.toLowerCase() === 'off';
  const result = await helpdesk.holdTicket({ ticketId: ticket.id, actorId: actor.id, on: !off });
  if (!result.ok) return result;
  return {
    ok: true,
    value: off
      ? `${formatRef(ticket.ref)} is off hold: the requester is nudged and the ticket closes itself again when they do not answer.`
      : `${formatRef(ticket.ref)} is on hold: no nudges or auto-close while it waits for the requester. /hold ${formatRef(ticket.ref)} off to undo.`,
  };
}

/** `/rate #n good|bad [comment]`. */
export async function rateCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, args: readonly string[]): Promise<Result<string>> {
  const word = (args[0] ?? '').toLowerCase();
  const rating = ['good', 'up', '👍', '+'].includes(word) ? 'good' : ['bad', 'down', '👎', '-'].includes(word) ? 'bad' : null;
  if (rating === null) return { ok: false, error: { kind: 'domain-error', code: 'INPUT.BAD_COMMAND', message: `Usage: /rate ${formatRef(ticket.ref)} good|bad [comment]` } };
  const comment = args.slice(1).join(' ');
  const result = await helpdesk.rateTicket({ ticketId: ticket.id, actorId: actor.id, rating, ...(comment ? { comment } : {}) });
  if (!result.ok) return result;
  return { ok: true, value: `Thanks! You rated ${formatRef(ticket.ref)} ${rating === 'good' ? '👍' : '👎'}.${rating === 'bad' ? ` Not solved? /reopen ${formatRef(ticket.ref)}` : ''}` };
}
