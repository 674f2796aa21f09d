import { COMMANDS } from '../../commands.js';
import { actorOf, personOf } from '../../people.js';
import { buildStatsEmbed } from '../../render/rating.js';
import type { CommandHandler } from '../types.js';

/**
 * `/stats [period] [skill] [moderator]`: how the helpdesk is doing, for
 * admins (everyone) and moderators (themselves), answered privately as one
 * embed. The period is free text so that core explains a bad one ("0d").
 */
export const statsCommand: CommandHandler = {
  name: COMMANDS.stats,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const viewer = await actorOf(ctx, interaction);
    if (!viewer.ok) return r.fail(viewer.error, '/stats');
    const o = interaction.options;
    const period = o.getString('period')?.trim();
    const skill = o.getString('skill')?.trim();
    const user = o.getUser('moderator');
    let moderatorId: string | undefined;
    if (user) {
      const moderator = await personOf(ctx, user);
      if (!moderator.ok) return r.fail(moderator.error, '/stats');
      moderatorId = moderator.value.id;
    }
    const stats = await ctx.helpdesk.stats(viewer.value, { ...(period ? { period } : {}), ...(skill ? { skill } : {}), ...(moderatorId ? { moderatorId } : {}) });
    if (!stats.ok) return r.fail(stats.error, '/stats');
    const names = await ctx.helpdesk.displayNames([...stats.value.perModerator.map((m) => m.assigneeId), stats.value.moderatorId]);
    await r.send(buildStatsEmbed(stats.value, names));
  },
};
