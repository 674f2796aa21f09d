import { domainError, formatRef, parseRef } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { actorOf } from '../../people.js';
import type { CommandHandler } from '../types.js';

const HOLD_USAGE = 'Usage: /hold ticket:#n [off:true]';

/**
 * `/hold ticket:#n [off]`: staff turn the waiting-on-requester nudges and
 * auto-close off for one ticket, or back on. Core decides who may; the
 * answer is private.
 */
export const holdCommand: CommandHandler = {
  name: COMMANDS.hold,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const actor = await actorOf(ctx, interaction);
    if (!actor.ok) return r.fail(actor.error, '/hold');
    const refText = interaction.options.getString('ticket')?.trim() ?? '';
    const ref = parseRef(refText);
    if (ref === null) return r.fail(domainError('INPUT.INVALID', refText ? `"${refText.slice(0, 20)}" is not a ticket reference. ${HOLD_USAGE}` : HOLD_USAGE), '/hold');
    const ticket = await ctx.helpdesk.ticketByRef(ref);
    if (!ticket.ok) return r.fail(ticket.error, '/hold');
    const on = interaction.options.getBoolean('off') !== true;
    const held = await ctx.helpdesk.holdTicket({ ticketId: ticket.value.id, actorId: actor.value.id, on });
    if (!held.ok) return r.fail(held.error, '/hold');
    const n = formatRef(ticket.value.ref);
    await r.send({
      content: on
        ? `${n} is on hold: no nudges or auto-close while it waits for the requester. \`/hold ticket:${n} off:true\` to undo.`
        : `${n} is off hold: the requester is nudged and the ticket closes itself again when they do not answer.`,
    });
  },
};
