import type { types } from '@slack/bolt';
import type { TriageForm } from '../../../core/index.js';
import { priorityLabel } from './format.js';
import { CALLBACKS, INPUTS } from './ids.js';
import { LIMITS, clipPlain, plain, section, userText, type KnownBlock } from './limits.js';

/** Block Kit allows at most 100 options in one select menu. */
export const SELECT_OPTIONS_MAX = 100;
/** An option's value may hold at most 150 characters. */
const OPTION_VALUE_MAX = 150;

type Option = types.PlainTextOption;

/**
 * The "Edit triage" modal, prefilled with the ticket's priority, category
 * and skills. The skills menu lists the helpdesk's skills (the ticket's own
 * first, so they are never among those cut by the 100-option limit); any
 * other skill can be typed below it and is checked like `/triage`.
 */
export function buildTriageModal(form: Pick<TriageForm, 'ticket' | 'priorities' | 'categories' | 'skills'>): types.ModalView {
  const { ticket } = form;
  const priorities = form.priorities.map((p) => option(priorityLabel(p), p));
  const categories = form.categories.slice(0, SELECT_OPTIONS_MAX).map((c) => option(c, c));
  const skills = form.skills.slice(0, SELECT_OPTIONS_MAX).map((s) => option(s.id, s.id));
  const current = skills.filter((o) => ticket.skills.includes(o.value ?? ''));
  const cut = form.skills.length - skills.length;

  const skillsElement: types.MultiStaticSelect = {
    type: 'multi_static_select',
    action_id: INPUTS.skills.action,
    placeholder: plain('Pick skills', LIMITS.placeholder),
    options: skills,
  };
  if (current.length > 0) skillsElement.initial_options = current;
  const category = categories.find((o) => o.value === ticket.category);
  const priority = priorities.find((o) => o.value === ticket.priority);

  const blocks: KnownBlock[] = [
    section(`*#${ticket.ref}* ${userText(clipPlain(ticket.title, 300))}`),
    {
      type: 'input',
      block_id: INPUTS.priority.block,
      label: plain('Priority', LIMITS.inputLabel),
      hint: plain('A new priority restarts the response time and tells the requester.', LIMITS.inputLabel),
      element: {
        type: 'static_select',
        action_id: INPUTS.priority.action,
        options: priorities,
        ...(priority ? { initial_option: priority } : {}),
      },
    },
    {
      type: 'input',
      block_id: INPUTS.category.block,
      label: plain('Category', LIMITS.inputLabel),
      element: {
        type: 'static_select',
        action_id: INPUTS.category.action,
        options: categories,
        ...(category ? { initial_option: category } : {}),
      },
    },
    {
      type: 'input',
      block_id: INPUTS.skills.block,
      optional: true,
      label: plain('Skills', LIMITS.inputLabel),
      hint: plain(
        `${cut > 0 ? `The ${SELECT_OPTIONS_MAX} most relevant of ${form.skills.length} skills; type others below. ` : ''}If nobody has started the ticket and its moderator holds none of the new skills, it goes to someone who does.`,
        LIMITS.inputLabel,
      ),
      element: skillsElement,
    },
    {
      type: 'input',
      block_id: INPUTS.otherSkills.block,
      optional: true,
      label: plain('Other skills', LIMITS.inputLabel),
      hint: plain('Skills not in the list, separated by commas (for example a programming language your team supports).', LIMITS.inputLabel),
      element: { type: 'plain_text_input', action_id: INPUTS.otherSkills.action, max_length: 500, placeholder: plain('python, sap', LIMITS.placeholder) },
    },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.triageModal,
    title: plain(`Edit triage #${ticket.ref}`, LIMITS.modalTitle),
    submit: plain('Save', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify({ id: ticket.id, ref: ticket.ref }),
    blocks,
  };
}

/**
 * What the modal shows while the form is being prepared (the trigger id
 * lives 3 s, so the modal opens first), or instead of the form when the
 * person may not change this ticket. No submit button.
 */
export function buildTriageNoticeModal(ref: number, text: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.triageModal,
    title: plain(`Edit triage #${ref}`, LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    blocks: [section(userText(text))],
  };
}

function option(text: string, value: string): Option {
  return { text: plain(text, LIMITS.optionText), value: value.slice(0, OPTION_VALUE_MAX) };
}
