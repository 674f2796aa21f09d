import type { SlackRoutes } from '../routes.js';
import { formatRef, parseRef, STATS_USAGE, type Person, type StatsInput } from '../../../../core/index.js';
import { buildStatsMessage } from '../../blocks/rating.js';
import type { SlackContext } from '../../context.js';
import { parseMention } from '../../identity.js';
import { personNames } from '../names.js';
import { ephemeral, ephemeralMessage } from '../reply.js';

const HOLD_USAGE = 'Usage: /hold #n [off]';

/**
 * `/hold #n [off]` (staff: no nudges or auto-close while the ticket waits
 * for the requester) and `/stats [7d|30d|90d] [skill:…] [@moderator]`
 * (admins; moderators for themselves). Both answer privately; core decides
 * who may do what.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/hold', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const [refText = '', flag] = command.text.trim().split(/\s+/);
      const ref = parseRef(refText);
      if (ref === null) return void (await respond(ephemeral(refText ? `"${refText.slice(0, 40)}" is not a ticket reference. ${HOLD_USAGE}` : HOLD_USAGE)));
      if (flag !== undefined && flag.toLowerCase() !== 'off') return void (await respond(ephemeral(HOLD_USAGE)));
      const ticket = await ctx.helpdesk.ticketByRef(ref);
      if (!ticket.ok) return void (await respond(ephemeral(ticket.error.message)));
      const on = flag === undefined;
      const result = await ctx.helpdesk.holdTicket({ ticketId: ticket.value.id, actorId: who.value.id, on });
      const n = formatRef(ticket.value.ref);
      await respond(
        ephemeral(
          !result.ok
            ? result.error.message
            : on
              ? `${n} is on hold: no nudges or auto-close while it waits for the requester. \`/hold ${n} off\` to undo.`
              : `${n} is off hold: the requester is nudged and the ticket closes itself again when they do not answer.`,
        ),
      );
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/hold', { slackUser: command.user_id })));
    }
  });

  routes.command('/stats', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const input = await statsInput(ctx, command.team_id, command.text);
      if (!input.ok) return void (await respond(ephemeral(input.message)));
      const stats = await ctx.helpdesk.stats(who.value, input.value);
      if (!stats.ok) return void (await respond(ephemeral(stats.error.message)));
      const names = await personNames(ctx, [...stats.value.perModerator.map((m) => m.assigneeId), stats.value.moderatorId]);
      await respond(ephemeralMessage(buildStatsMessage(stats.value, names)));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/stats', { slackUser: command.user_id })));
    }
  });
}

/** `7d skill:vpn <@U123|max>` → the use case's input; a mention is identified (created from Slack when new). */
async function statsInput(ctx: SlackContext, team: string, text: string): Promise<{ ok: true; value: StatsInput } | { ok: false; message: string }> {
  let period: string | undefined;
  let skill: string | undefined;
  let moderator: Person | undefined;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const user = parseMention(token);
    if (user) {
      const found = await ctx.people.identify(team, user, /\|([^>]+)>$/.exec(token)?.[1]);
      if (!found.ok) return { ok: false, message: found.error.message };
      moderator = found.value;
    } else if (token.toLowerCase().startsWith('skill:')) skill = token.slice('skill:'.length);
    else if (period === undefined) period = token;
    else return { ok: false, message: `I did not understand "${token.slice(0, 40)}". Usage: ${STATS_USAGE}` };
  }
  return { ok: true, value: { ...(period ? { period } : {}), ...(skill ? { skill } : {}), ...(moderator ? { moderatorId: moderator.id } : {}) } };
}
