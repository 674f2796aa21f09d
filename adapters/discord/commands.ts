import {
  ApplicationCommandOptionType as Opt,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { DESCRIPTION_MAX } from '../../core/index.js';
import { staffCommandDefinitions } from './staff-commands.js';

/** Names shared by the definitions and the handlers. */
export const COMMANDS = { ticket: 'ticket', tickets: 'tickets', skills: 'skills', createTicket: 'Create ticket', panel: 'panel', helpdesk: 'helpdesk', dashboard: 'dashboard', hold: 'hold', stats: 'stats' } as const;

const levels = [
  { name: 'low', value: 'LOW' },
  { name: 'medium', value: 'MEDIUM' },
  { name: 'high', value: 'HIGH' },
];

function userOption(required: boolean, description = 'The person'): APIApplicationCommandBasicOption {
  return { type: Opt.User, name: 'user', description, required };
}

function skillsOption(required: boolean): APIApplicationCommandBasicOption {
  return { type: Opt.String, name: 'skills', description: 'Skills from the catalog, comma-separated (e.g. vpn, networking)', required, autocomplete: true, max_length: 500 };
}

function channelOption(): APIApplicationCommandBasicOption {
  return { type: Opt.Channel, name: 'channel', description: 'The channel (default: this one)', required: false, channel_types: [ChannelType.GuildText] };
}

function sub(name: string, description: string, options: APIApplicationCommandBasicOption[] = []): APIApplicationCommandOption {
  return { type: Opt.Subcommand, name, description, options };
}

/**
 * The slash commands and the message menu entry. Global commands declare
 * where they work (servers and the bot's DMs); per-server commands cannot
 * (Discord accepts `contexts` only on global commands).
 */
export function commandDefinitions(scope: 'global' | 'guild'): RESTPostAPIApplicationCommandsJSONBody[] {
  const everywhere =
    scope === 'global'
      ? { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM], integration_types: [ApplicationIntegrationType.GuildInstall] }
      : {};
  const serverOnly = scope === 'global' ? { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] } : {};
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.ticket,
      description: 'File a helpdesk ticket (opens a form, or files the text at once)',
      options: [
        { type: Opt.String, name: 'text', description: 'File at once: "title" or "title | details"', required: false, max_length: Math.min(DESCRIPTION_MAX, 4000) },
        { type: Opt.String, name: 'urgency', description: 'How urgent it is for you (triage may adjust it)', required: false, choices: levels },
      ],
      ...everywhere,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.tickets,
      description: 'List helpdesk tickets (only you see the answer)',
      options: [
        { type: Opt.String, name: 'scope', description: 'Whose tickets', required: false, choices: [
          { name: 'mine (staff: assigned to me; others: filed by me)', value: 'mine' },
          { name: 'assigned to me (and the unassigned queue)', value: 'assigned' },
          { name: 'unassigned', value: 'unassigned' },
          { name: 'all (admins)', value: 'all' },
        ] },
        { type: Opt.String, name: 'status', description: 'Status (default: open tickets)', required: false, choices: [
          { name: 'to do', value: 'TODO' },
          { name: 'in progress', value: 'IN_PROGRESS' },
          { name: 'done', value: 'DONE' },
        ] },
        { type: Opt.String, name: 'priority', description: 'Priority', required: false, choices: levels },
        { type: Opt.String, name: 'skill', description: 'Tickets needing this skill', required: false, autocomplete: true },
        { type: Opt.String, name: 'search', description: 'Words in the title or description', required: false, max_length: 200 },
        { type: Opt.Integer, name: 'page', description: 'Page number (the answer has Previous / Next)', required: false, min_value: 1, max_value: 10000 },
      ],
      ...everywhere,
    },
    ...staffCommandDefinitions(everywhere),
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.skills,
      description: 'Manage helpdesk moderators: skills, roles, availability',
      options: [
        sub('list', 'Show skills (yours, someone\'s, or all staff)', [userOption(false)]),
        sub('add', 'Add skills to a person (makes them a moderator)', [userOption(true), skillsOption(true)]),
        sub('remove', 'Remove skills from a person', [userOption(true), skillsOption(true)]),
        sub('set', 'Replace a person\'s skills', [userOption(true), skillsOption(false)]),
        sub('role', 'Set a person\'s helpdesk role', [userOption(true), { type: Opt.String, name: 'role', description: 'The role', required: true, choices: [
          { name: 'user', value: 'user' },
          { name: 'moderator', value: 'moderator' },
          { name: 'admin', value: 'admin' },
        ] }]),
        sub('away', 'Mark someone (or yourself) away: no new tickets', [userOption(false)]),
        sub('back', 'Mark someone (or yourself) available again', [userOption(false)]),
        sub('link', 'Confirm a Discord user is the same person as another identity', [
          userOption(true, 'The Discord user'),
          { type: Opt.String, name: 'identity', description: 'Their identity elsewhere (slack:T0123:U0456) or their email address', required: true, max_length: 254 },
        ]),
      ],
      ...everywhere,
    },
    { type: ApplicationCommandType.Message, name: COMMANDS.createTicket, ...serverOnly },
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.panel,
      description: 'Post a ticket panel in this channel: an "Open a ticket" button (admins)',
      options: [
        { type: Opt.Boolean, name: 'desks', description: 'Also offer a choice of desks (IT, HR, facilities …)', required: false },
        { type: Opt.String, name: 'text', description: 'The panel\'s text (default: a short invitation to open a ticket)', required: false, max_length: 1000 },
      ],
      ...serverOnly,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.helpdesk,
      description: 'Support channels: new messages there become tickets with a private thread (admins)',
      options: [
        sub('watch', 'Make a channel a support channel', [channelOption()]),
        sub('unwatch', 'Stop a support channel (its tickets stay)', [channelOption()]),
        sub('list', 'Show the support channels'),
      ],
      ...serverOnly,
    },
    {
      name: COMMANDS.dashboard,
      description: 'A private sign-in link to the helpdesk web dashboard',
      options: [sub('link', 'A one-time sign-in link (10 minutes, only for you)'), sub('logout-everywhere', 'End all your dashboard sessions')],
      ...everywhere,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.hold,
      description: 'Staff: no nudges or auto-close while a ticket waits for the requester (only you see the answer)',
      options: [
        { type: Opt.String, name: 'ticket', description: 'The ticket, like #12', required: true, max_length: 20 },
        { type: Opt.Boolean, name: 'off', description: 'Take the ticket off hold again', required: false },
      ],
      ...everywhere,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMANDS.stats,
      description: 'How the helpdesk is doing (admins; moderators for themselves; only you see it)',
      options: [
        { type: Opt.String, name: 'period', description: 'Days back: 7d, 30d (default) or 90d', required: false, max_length: 5 },
        { type: Opt.String, name: 'skill', description: 'Only tickets needing this skill', required: false, max_length: 100 },
        { type: Opt.User, name: 'moderator', description: 'Only this moderator\'s tickets (admins)', required: false },
      ],
      ...everywhere,
    },
  ];
}
