import type { SlackRoutes } from '../routes.js';
import { parseSkillsCommand } from '../../../../core/index.js';
import type { SlackContext } from '../../context.js';
import { parseMention } from '../../identity.js';
import { ephemeral } from '../reply.js';

/**
 * `/skills` with the grammar every surface shares; people are Slack
 * mentions (`<@U123|name>`: the manifest asks Slack to escape them). Core
 * decides who may do what and whom a command adds to the helpdesk (an
 * admin granting skills or a role to someone new); Slack then fills in the
 * newcomer's profile (name, email) in the background.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/skills', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const token = command.text.trim().split(/\s+/)[1] ?? '';
      const mentioned = parseMention(token);
      // The name a newcomer would get (their profile's); whether anyone is added is core's decision.
      const name = mentioned ? await ctx.people.nameOf(mentioned, mentionName(token) ?? undefined) : null;
      const parsed = parseSkillsCommand(command.text, ctx.people.mentionResolver(command.team_id), () => name);
      if (!parsed.ok) return void (await respond(ephemeral(parsed.error.message)));
      const result = await ctx.helpdesk.skills(who.value, parsed.value);
      await respond(ephemeral(result.ok ? result.value.message : result.error.message));
      if (result.ok && result.value.added && mentioned) fillProfile(ctx, command.team_id, mentioned, mentionName(token));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/skills', { slackUser: command.user_id })));
    }
  });
}

/** `<@U123|maya>` → `maya`: the name Slack sent with the mention. */
export function mentionName(token: string): string | null {
  return parseMention(token) ? (/\|([^>]+)>$/.exec(token.trim())?.[1] ?? null) : null;
}

/** Someone just added: the rest of their Slack profile (their email) is saved without holding up the answer. */
function fillProfile(ctx: SlackContext, team: string, user: string, hint: string | null): void {
  void ctx.people.identify(team, user, hint ?? undefined).catch((error: unknown) => ctx.errors.text(error, '/skills profile', { slackUser: user }));
}
