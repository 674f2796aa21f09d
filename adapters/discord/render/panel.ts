import { ButtonStyle, ComponentType, type APIButtonComponent, type APIStringSelectComponent } from 'discord.js';
import { formatRef, type SkillDefinition, type Ticket } from '../../../core/index.js';
import { customId } from '../ids.js';
import { COLORS } from './cards.js';
import { LIMITS, truncate } from './limits.js';
import type { MessageBody } from './message.js';
import { discordText } from './user-text.js';

/** A desk people can pick on a panel: one of the catalog's skill groups. */
export interface Desk {
  readonly id: string;
  readonly label: string;
  /** The desk's skills, for the select option's description. */
  readonly covers: string;
}

/** How each desk is named to people; a group without a name here is shown by its id. */
const DESK_LABELS: Readonly<Record<string, string>> = {
  network: 'Network & VPN',
  mail: 'Email & calendars',
  devices: 'Devices & printers',
  security: 'Security',
  apps: 'Software & accounts',
  data: 'Data & databases',
  hr: 'HR',
  facilities: 'Facilities',
  finance: 'Finance',
  travel: 'Travel',
  legal: 'Legal',
  dev: 'Development',
  infra: 'Infrastructure',
  custom: 'Other',
};

/**
 * The desks a panel offers: the groups of the helpdesk's own skills (not
 * the programming ones, which are named, not chosen), in catalog order,
 * at most a select's 25 options.
 */
export function panelDesks(definitions: readonly SkillDefinition[]): Desk[] {
  const byGroup = new Map<string, string[]>();
  for (const d of definitions) {
    if (d.kind !== 'helpdesk') continue;
    const list = byGroup.get(d.group) ?? [];
    list.push(d.id);
    byGroup.set(d.group, list);
  }
  return [...byGroup].slice(0, LIMITS.selectOptions).map(([id, skills]) => ({ id, label: deskLabel(id), covers: truncate(skills.join(', '), LIMITS.optionText) }));
}

/** A desk's name as people read it. */
export function deskLabel(id: string): string {
  return DESK_LABELS[id] ?? id;
}

const DEFAULT_INTRO = 'Something broken, missing or unclear? Open a ticket: a short form, and the right person gets it.';

/**
 * The panel `/panel` posts in a channel: an "Open a ticket" button and,
 * when desks are offered, a select to open the form for one desk. Anyone
 * who can see the channel can use it, as often as they like; every click
 * opens a fresh form.
 */
export function buildPanel(options: { readonly intro?: string; readonly desks?: readonly Desk[] } = {}): MessageBody {
  const desks = options.desks ?? [];
  const button: APIButtonComponent = { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Open a ticket', emoji: { name: '🎫' }, custom_id: customId('panel') };
  const rows: NonNullable<MessageBody['components']>[number][] = [];
  if (desks.length) {
    const select: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: customId('panel', 'desk'),
      placeholder: 'Choose a desk…',
      min_values: 1,
      max_values: 1,
      options: desks.slice(0, LIMITS.selectOptions).map((d) => ({ label: truncate(d.label, LIMITS.optionText), value: d.id, description: d.covers })),
    };
    rows.push({ type: ComponentType.ActionRow, components: [select] });
  }
  rows.push({ type: ComponentType.ActionRow, components: [button] });
  return {
    embeds: [
      {
        title: 'Helpdesk',
        color: COLORS.INFO,
        description: discordText(options.intro?.trim() || DEFAULT_INTRO),
        footer: { text: desks.length ? 'Pick a desk, or open a ticket and triage finds the right one.' : 'Only you see the form and the answer.' },
      },
    ],
    components: rows,
  };
}

/**
 * The answer to a DM that is not a reply to a ticket message: one click
 * files it. The button names the DM, so the click finds the stored text.
 */
export function buildDmOffer(messageId: string): MessageBody {
  return {
    content: 'Shall I file this message as a ticket? To talk on a ticket you already have, reply to its message instead (hover it → Reply).',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'File this as a ticket', custom_id: customId('dmfile', messageId) }],
      },
    ],
  };
}

/** The offer once used: the button is gone, the ticket named. */
export function buildDmOfferDone(ticket: Pick<Ticket, 'ref' | 'title'>): MessageBody {
  return { content: `Filed as ticket **${formatRef(ticket.ref)}**: ${discordText(ticket.title)}. Updates arrive here as replies to its card.`, components: [] };
}
