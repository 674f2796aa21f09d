import type { types } from '@slack/bolt';
import { TITLE_MAX, type Ticket } from '../../../core/index.js';
import { safeLink } from './format.js';
import { CALLBACKS, INPUTS } from './ids.js';
import { LIMITS, clipPlain, context, plain, section, userText, type KnownBlock } from './limits.js';

/** What the ticket modal remembers between opening and submission. */
export interface TicketModalMetadata {
  /** Channel the modal was opened from, recorded as the ticket's origin. */
  readonly channelId?: string;
  /** The message a shortcut started from, to fetch its permalink. */
  readonly messageTs?: string;
  readonly messageLink?: string;
}

export interface TicketModalPrefill {
  readonly title?: string;
  readonly description?: string;
}

/**
 * The `/ticket` modal (also the message shortcut's, prefilled). Title and
 * description carry Slack-side length limits; core validates again and
 * problems come back inline on the field.
 */
export function buildTicketModal(metadata: TicketModalMetadata, prefill: TicketModalPrefill = {}): types.ModalView {
  const blocks: KnownBlock[] = [
    textInput(INPUTS.title, 'Title', { placeholder: 'In a few words, what is wrong?', max: TITLE_MAX, initial: prefill.title }),
    textInput(INPUTS.description, 'Description', {
      placeholder: 'What happened, since when, what you tried',
      max: LIMITS.plainInputMax,
      multiline: true,
      optional: true,
      initial: prefill.description,
    }),
    {
      type: 'input',
      block_id: INPUTS.urgency.block,
      optional: true,
      label: plain('How urgent is it?', LIMITS.inputLabel),
      element: {
        type: 'static_select',
        action_id: INPUTS.urgency.action,
        placeholder: plain('Pick one (triage may adjust it)', LIMITS.placeholder),
        options: [
          { text: plain('Low — whenever you can', LIMITS.optionText), value: 'LOW' },
          { text: plain('Medium — it slows me down', LIMITS.optionText), value: 'MEDIUM' },
          { text: plain('High — I am blocked', LIMITS.optionText), value: 'HIGH' },
        ],
      },
    },
    textInput(INPUTS.system, 'Affected system', { placeholder: 'VPN, laptop, payroll app…', max: 200, optional: true }),
  ];
  const link = safeLink(metadata.messageLink);
  if (link) blocks.push(context([`From <${link}|this message>`]));
  return {
    type: 'modal',
    callback_id: CALLBACKS.ticketModal,
    title: plain('New ticket', LIMITS.modalTitle),
    submit: plain('File ticket', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks,
  };
}

/** Asks for the resolution note the requester will read. */
export function buildResolveModal(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.resolveModal,
    title: plain(`Resolve #${ticket.ref}`, LIMITS.modalTitle),
    submit: plain('Resolve', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify({ id: ticket.id, ref: ticket.ref }),
    blocks: [
      section(`*#${ticket.ref}* ${userText(clipPlain(ticket.title, 300))}`),
      textInput(INPUTS.note, 'Resolution note', { placeholder: 'What fixed it? The requester reads this, and future tickets learn from it.', max: LIMITS.plainInputMax, multiline: true }),
    ],
  };
}

/** Hands the ticket to someone else, or back to automatic assignment when nobody is picked. */
export function buildReassignModal(ticket: Pick<Ticket, 'id' | 'ref' | 'title'>): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.reassignModal,
    title: plain(`Reassign #${ticket.ref}`, LIMITS.modalTitle),
    submit: plain('Reassign', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify({ id: ticket.id, ref: ticket.ref }),
    blocks: [
      section(`*#${ticket.ref}* ${userText(clipPlain(ticket.title, 300))}`),
      {
        type: 'input',
        block_id: INPUTS.assignee.block,
        optional: true,
        label: plain('New moderator', LIMITS.inputLabel),
        hint: plain('Leave empty to let the helpdesk pick the best-matching, least-loaded moderator.', LIMITS.inputLabel),
        element: { type: 'users_select', action_id: INPUTS.assignee.action, placeholder: plain('Automatic', LIMITS.placeholder) },
      },
    ],
  };
}

/** Metadata JSON within Slack's 3,000-character limit (a link that would not fit is dropped, not cut). */
export function encodeMetadata(metadata: TicketModalMetadata): string {
  const json = JSON.stringify(metadata);
  if (json.length <= LIMITS.privateMetadata) return json;
  const { messageLink: _dropped, ...rest } = metadata;
  return JSON.stringify(rest);
}

export function decodeMetadata(raw: string | undefined): TicketModalMetadata {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: { channelId?: string; messageTs?: string; messageLink?: string } = {};
    if (typeof v.channelId === 'string') out.channelId = v.channelId;
    if (typeof v.messageTs === 'string') out.messageTs = v.messageTs;
    const link = typeof v.messageLink === 'string' ? safeLink(v.messageLink) : null;
    if (link) out.messageLink = link;
    return out;
  } catch {
    return {};
  }
}

function textInput(
  ids: { readonly block: string; readonly action: string },
  label: string,
  options: { placeholder: string; max: number; multiline?: boolean; optional?: boolean; initial?: string | undefined },
): types.InputBlock {
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: ids.action,
    max_length: options.max,
    placeholder: plain(options.placeholder, LIMITS.placeholder),
  };
  if (options.multiline) element.multiline = true;
  if (options.initial) element.initial_value = clipPlain(options.initial, options.max);
  return { type: 'input', block_id: ids.block, optional: options.optional ?? false, label: plain(label, LIMITS.inputLabel), element };
}
