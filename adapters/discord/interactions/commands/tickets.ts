import { domainError, type Priority, type TicketFilters, type TicketStatus } from '../../../../core/index.js';
import { COMMANDS } from '../../commands.js';
import { actorOf } from '../../people.js';
import { buildTicketList } from '../../render/lists.js';
import { skillChoices } from '../../text.js';
import type { CommandHandler } from '../types.js';

const HEADINGS: Record<NonNullable<TicketFilters['scope']>, string> = {
  mine: 'Tickets you filed',
  assigned: 'Assigned to you and unassigned',
  unassigned: 'Unassigned tickets',
  all: 'All tickets',
};

/**
 * `/tickets` with the console's filters as options (scope, status,
 * priority, skill, search words); the answer is private. What each person
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
    const skill = skillRaw ? ctx.helpdesk.deps.catalog.normalize(skillRaw) : null;
    if (skillRaw && !skill) return r.fail(domainError('INPUT.UNKNOWN_SKILL', `"${skillRaw.slice(0, 40)}" is not a skill in the catalog.`), '/tickets');
    const scope = o.getString('scope') as TicketFilters['scope'] | null;
    const status = o.getString('status') as TicketStatus | null;
    const priority = o.getString('priority') as Priority | null;
    const search = o.getString('search')?.trim();
    const filters: TicketFilters = {
      ...(scope ? { scope } : {}),
      ...(status ? { statuses: [status] } : {}),
      ...(priority ? { priorities: [priority] } : {}),
      ...(skill ? { skills: [skill] } : {}),
      ...(search ? { text: search } : {}),
      limit: 50,
    };
    const listed = await ctx.helpdesk.listTickets(viewer.value, filters);
    if (!listed.ok) return r.fail(listed.error, '/tickets');
    const names = new Map<string, string>();
    for (const id of new Set(listed.value.tickets.map((t) => t.assigneeId).filter((x): x is string => x !== null))) {
      const p = await ctx.helpdesk.deps.store.getPerson(id);
      if (p) names.set(id, p.displayName);
    }
    const defaultScope = viewer.value.role === 'user' ? 'mine' : viewer.value.role === 'admin' ? 'all' : 'assigned';
    await r.send(buildTicketList(listed.value.tickets, names, HEADINGS[scope ?? defaultScope]));
  },
  async autocomplete(ctx, interaction) {
    const focused = interaction.options.getFocused();
    await interaction.respond(skillChoices(focused.split(',').pop() ?? '', (p, n) => ctx.helpdesk.deps.catalog.suggest(p, n)));
  },
};
