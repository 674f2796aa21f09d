import type { SlackRoutes } from '../routes.js';
import { isAdmin, parseSkillsCommand, type Person, type Result, type SkillsCommand } from '../../../../core/index.js';
import type { SlackContext } from '../../context.js';
import { parseMention } from '../../identity.js';
import { ephemeral } from '../reply.js';

/**
 * `/skills` with the console's grammar; people are Slack mentions
 * (`<@U123|name>`: the manifest asks Slack to escape them). Core decides
 * who may do what (admins manage everyone). Someone an admin mentions who
 * never used the helpdesk is looked up in Slack and added, so an admin can
 * set up moderators before their first ticket.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/skills', async ({ command, ack, respond }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      const parsed = parseSkillsCommand(command.text, ctx.people.mentionResolver(command.team_id));
      if (!parsed.ok) return void (await respond(ephemeral(parsed.error.message)));
      const known = await ensureTarget(ctx, who.value, command.team_id, command.text, parsed.value);
      if (!known.ok) return void (await respond(ephemeral(known.error.message)));
      const result = await ctx.helpdesk.skills(who.value, parsed.value);
      await respond(ephemeral(result.ok ? result.value.message : result.error.message));
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/skills', { slackUser: command.user_id })));
    }
  });
}

/** For admins, makes sure the mentioned person exists (created from their Slack profile). */
async function ensureTarget(ctx: SlackContext, actor: Person, team: string, text: string, command: SkillsCommand): Promise<Result<null>> {
  if (command.target === null || !isAdmin(actor)) return { ok: true, value: null };
  const token = text.trim().split(/\s+/)[1] ?? '';
  const user = parseMention(token);
  if (!user) return { ok: true, value: null };
  const hint = /\|([^>]+)>$/.exec(token)?.[1];
  const target = await ctx.people.identify(team, user, hint);
  return target.ok ? { ok: true, value: null } : target;
}
