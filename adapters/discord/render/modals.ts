import { ComponentType, TextInputStyle, type APILabelComponent, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { formatRef, NOTE_MAX, TITLE_MAX, type Priority, type Ticket } from '../../../core/index.js';
import { customId } from '../ids.js';
import { LIMITS, truncate } from './limits.js';

/** Field ids inside modals. */
export const FIELDS = { title: 'title', description: 'description', urgency: 'urgency', note: 'note' } as const;

/** Where a ticket filed from the "Create ticket" message menu came from. */
export interface MessageSource {
  readonly channelId: string;
  readonly messageId: string;
}

export interface TicketModalPrefill {
  readonly title?: string;
  readonly description?: string;
  readonly source?: MessageSource;
  readonly urgency?: Priority;
  /** Opened from a panel's desk choice: the form is sent back as a panel form naming the desk. */
  readonly desk?: { readonly id: string; readonly label: string };
}

const URGENCY: readonly { label: string; value: Priority }[] = [
  { label: 'Low — whenever someone has time', value: 'LOW' },
  { label: 'Normal', value: 'MEDIUM' },
  { label: 'High — I am blocked', value: 'HIGH' },
];

/**
 * The new-ticket modal: title, description and an optional urgency.
 * Urgency is a select inside a Label (Discord's modal components), so
 * nobody has to guess the words; leaving it empty means "normal".
 */
export function buildTicketModal(prefill: TicketModalPrefill = {}): APIModalInteractionResponseCallbackData {
  const id = prefill.desk
    ? customId('panel', prefill.desk.id)
    : prefill.source
      ? customId('file', prefill.source.channelId, prefill.source.messageId)
      : customId('file');
  const title = prefill.desk ? truncate(`New ticket: ${prefill.desk.label}`, LIMITS.modalTitle) : prefill.source ? 'Create a ticket from this message' : 'New ticket';
  return {
    custom_id: id,
    title,
    components: [
      label('Title', 'A few words: what is wrong?', {
        type: ComponentType.TextInput,
        custom_id: FIELDS.title,
        style: TextInputStyle.Short,
        min_length: 1,
        max_length: TITLE_MAX,
        required: true,
        placeholder: 'VPN disconnects every few minutes',
        ...(prefill.title ? { value: truncate(prefill.title, TITLE_MAX) } : {}),
      }),
      label('Description', 'What happened, since when, what you tried.', {
        type: ComponentType.TextInput,
        custom_id: FIELDS.description,
        style: TextInputStyle.Paragraph,
        max_length: LIMITS.inputValue,
        required: false,
        ...(prefill.description ? { value: truncate(prefill.description, LIMITS.inputValue) } : {}),
      }),
      label('Urgency', 'Optional; triage may adjust it.', {
        type: ComponentType.StringSelect,
        custom_id: FIELDS.urgency,
        required: false,
        min_values: 0,
        max_values: 1,
        placeholder: 'Normal',
        options: URGENCY.map((o) => ({ ...o, ...(o.value === prefill.urgency ? { default: true } : {}) })),
      }),
    ],
  };
}

/** The resolution note asked for by the Resolve button; the requester reads it. */
export function buildResolveModal(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId('note', ticket.id),
    title: truncate(`Resolve ${formatRef(ticket.ref)}: ${ticket.title}`, LIMITS.modalTitle),
    components: [
      label('Resolution note', 'What fixed it. The requester sees this.', {
        type: ComponentType.TextInput,
        custom_id: FIELDS.note,
        style: TextInputStyle.Paragraph,
        min_length: 1,
        max_length: Math.min(NOTE_MAX, LIMITS.inputValue),
        required: true,
      }),
    ],
  };
}

function label(text: string, description: string, component: APILabelComponent['component']): APILabelComponent {
  return { type: ComponentType.Label, label: truncate(text, LIMITS.inputLabel), description: truncate(description, 100), component };
}
