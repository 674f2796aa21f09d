import { ApplicationCommandOptionType as Opt, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { NOTE_MAX } from '../../core/index.js';

/** The staff workflow's command names, shared by the definitions and the handlers. */
export const STAFF_COMMANDS = { claim: 'claim', note: 'note', reply: 'reply', replies: 'replies', audit: 'audit' } as const;

const ticketOption = { type: Opt.String, name: 'ticket', description: 'The ticket, like #12', required: true, max_length: 20 } as const;
const nameOption = { type: Opt.String, name: 'name', description: 'The saved reply\'s name, like vpn-reset', required: true, max_length: 40 } as const;

/**
 * `/claim`, `/note`, `/reply`, `/replies`, `/audit`: the console's staff
 * grammar as typed options. `where` is the contexts block the other
 * commands use (global registrations only).
 */
export function staffCommandDefinitions(where: object): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    { type: ApplicationCommandType.ChatInput, name: STAFF_COMMANDS.claim, description: 'Take a ticket from the queue (moderators and admins)', options: [ticketOption], ...where },
    {
      type: ApplicationCommandType.ChatInput,
      name: STAFF_COMMANDS.note,
      description: 'Add an internal note to a ticket: staff see it, the requester never does',
      options: [ticketOption, { type: Opt.String, name: 'text', description: 'The note', required: true, max_length: Math.min(NOTE_MAX, 4000) }],
      ...where,
    },
    { type: ApplicationCommandType.ChatInput, name: STAFF_COMMANDS.reply, description: 'Send a saved reply to a ticket\'s requester, as yourself', options: [ticketOption, nameOption], ...where },
    {
      type: ApplicationCommandType.ChatInput,
      name: STAFF_COMMANDS.replies,
      description: 'Saved replies: list them, or add and remove them (admins)',
      options: [
        { type: Opt.Subcommand, name: 'list', description: 'Show the saved replies' },
        {
          type: Opt.Subcommand,
          name: 'add',
          description: 'Add or replace a saved reply; placeholders {requester} {ref} {title} {assignee}',
          options: [nameOption, { type: Opt.String, name: 'text', description: 'The reply, e.g. Hi {requester}, …', required: true, max_length: 4000 }],
        },
        { type: Opt.Subcommand, name: 'remove', description: 'Remove a saved reply', options: [nameOption] },
      ],
      ...where,
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: STAFF_COMMANDS.audit,
      description: 'The record of staff actions, newest first (admins)',
      options: [
        { type: Opt.User, name: 'user', description: 'Only what this person did or had done to them', required: false },
        { type: Opt.Integer, name: 'page', description: 'Page number', required: false, min_value: 1, max_value: 10000 },
      ],
      ...where,
    },
  ];
}
