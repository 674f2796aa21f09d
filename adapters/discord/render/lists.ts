import { ComponentType, type APIEmbed, type APISelectMenuOption } from 'discord.js';
import { formatRef, type Person, type Ticket, type TicketView } from '../../../core/index.js';
import { customId } from '../ids.js';
import { COLORS, statusLabel } from './cards.js';
import { LIMITS, truncate } from './limits.js';
import type { MessageBody } from './message.js';
import { discordText } from './user-text.js';

/**
 * `/tickets` as one embed, newest first, one line per ticket. Lines that
 * do not fit the 4,096-character description are counted in a visible
 * "and N more" line instead.
 */
export function buildTicketList(tickets: readonly TicketView[], names: ReadonlyMap<string, string>, heading: string): MessageBody {
  if (tickets.length === 0) return { content: `${heading}: none. Try other filters, e.g. status:done or scope:all (admins).` };
  const lines = tickets.map((t) => {
    const who = t.assigneeId ? names.get(t.assigneeId) ?? 'someone' : 'unassigned';
    return truncate(`**${formatRef(t.ref)}** ${discordText(t.title)} — ${statusLabel(t)}, ${t.priority}, ${discordText(who)}`, 300);
  });
  const budget = LIMITS.embedDescription - 40;
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    shown.push(line);
    used += line.length + 1;
  }
  const rest = lines.length - shown.length;
  const embed: APIEmbed = {
    title: truncate(`${heading} (${tickets.length})`, LIMITS.embedTitle),
    color: COLORS.INFO,
    description: rest > 0 ? `${shown.join('\n')}\n… and ${rest} more` : shown.join('\n'),
  };
  return { embeds: [embed] };
}

/**
 * Reassign picker: "best match automatically" first, then up to 24 staff
 * ranked by matching skills, availability and load. Values are helpdesk
 * person ids, so moderators who work from another platform can be chosen
 * too (a Discord user select would list only Discord users, and in a DM
 * only the people in that DM).
 */
export function buildReassignPicker(ticket: Pick<Ticket, 'id' | 'ref' | 'skills' | 'assigneeId'>, staff: readonly Person[]): MessageBody {
  const ranked = [...staff]
    .filter((p) => p.id !== ticket.assigneeId)
    .map((p) => ({ p, match: p.skills.filter((s) => ticket.skills.includes(s)).length }))
    .sort((a, b) => b.match - a.match || avail(a.p) - avail(b.p) || a.p.openTickets - b.p.openTickets || a.p.displayName.localeCompare(b.p.displayName))
    .slice(0, LIMITS.selectOptions - 1);
  const options: APISelectMenuOption[] = [
    { label: 'Automatically: best match, least loaded', value: 'auto', description: 'The assignment policy picks someone else.' },
    ...ranked.map(({ p }) => ({
      label: truncate(p.displayName, LIMITS.optionText),
      value: p.id,
      description: truncate(`${p.skills.length ? p.skills.join(', ') : 'no skills'} · ${p.openTickets} open${p.availability === 'away' ? ' · away' : ''}`, LIMITS.optionText),
    })),
  ];
  return {
    content: `Who should take ${formatRef(ticket.ref)}?`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: customId('assign', ticket.id), placeholder: 'Choose a moderator', min_values: 1, max_values: 1, options }],
      },
    ],
  };
}

function avail(p: Person): number {
  return p.availability === 'available' ? 0 : 1;
}

/** Long command output (a staff list) as an embed, so it can use 4,096 characters. */
export function buildTextReply(text: string): MessageBody {
  if (text.length <= LIMITS.content) return { content: text };
  return { embeds: [{ color: COLORS.INFO, description: truncate(text, LIMITS.embedDescription) }] };
}
