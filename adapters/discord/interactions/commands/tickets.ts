import { domainError, type Priority, type TicketFilters, type TicketStatus } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { actorOf } from '../../people.js';
import { skillChoices } from '../../text.js';
import { ticketPage } from '../ticket-page.js';
import type { CommandHandler } from '../types.js';

/**
 * `/tickets` with the console's filters as options (scope, status,
 * priority, skill, search words, page); the answer is private: how many
 * match, one page in queue order, "Take it" on unassigned rows for staff,
 * and Previous / Next. What each person
 * may see is decided by core: requesters their own, moderators their queue,
 * admins everything.
 */
export const ticketsCommand: CommandHandler = {
  name: COMMANDS.tickets,
  async run(ctx, interaction, r) {
    r.ackSoon();
    const viewer = await actorOf(ctx, interaction);
    if (!viewer.ok) return r.fail(viewer.error, '/tickets');
    const o = interaction.options;
    const skillRaw = o.getString('skill');
    const skill = skillRaw ? ctx.helpdesk.normalizeSkill(skillRaw) : null;
    if (skillRaw && !skill) return r.fail(domainError('INPUT.UNKNOWN_SKILL', `"${skillRaw.slice(0, 40)}" is not a skill in the catalog.`), '/tickets');
    const scope = o.getString('scope') as TicketFilters['scope'] | null;
    const status = o.getString('status') as TicketStatus | null;
    const priority = o.getString('priority') as Priority | null;
    const search = o.getString('search')?.trim();
    const state = { scope: scope ?? null, status, priority, skill, search: search || null };
    const shown = await ticketPage(ctx, viewer.value, state, o.getInteger('page') ?? 1);
    if (!shown.ok) return r.fail(shown.error, '/tickets');
    await r.send(shown.value);
  },
  async autocomplete(ctx, interaction) {
    const focused = interaction.options.getFocused();
    await interaction.respond(skillChoices(focused.split(',').pop() ?? '', (p, n) => ctx.helpdesk.suggestSkills(p, n)));
  },
};
