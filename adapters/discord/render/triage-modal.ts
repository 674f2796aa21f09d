import { ComponentType, TextInputStyle, type APILabelComponent, type APIModalInteractionResponseCallbackData, type APISelectMenuOption } from 'discord.js';
import { formatRef, type Priority, type TriageForm } from '../../../core/index.js';
import { customId } from '../ids.js';
import { LIMITS, truncate } from './limits.js';

/** Field ids inside the "Edit triage" modal. */
export const TRIAGE_FIELDS = { priority: 'priority', category: 'category', skills: 'skills', otherSkills: 'other_skills' } as const;

const PRIORITY_LABELS: Record<Priority, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };
const OPTION_VALUE_MAX = 100;
const DESCRIPTION_MAX = 100;

/**
 * The "Edit triage" modal, prefilled with the ticket's priority, category
 * and skills. Selects sit inside Labels (Discord's modal components); a
 * select holds at most 25 options, so the skills menu lists the 25 most
 * relevant of the helpdesk's skills (the ticket's own first) and any other
 * skill can be typed below it, checked like `/triage`.
 */
export function buildTriageModal(form: Pick<TriageForm, 'ticket' | 'priorities' | 'categories' | 'skills'>): APIModalInteractionResponseCallbackData {
  const { ticket } = form;
  const skills = form.skills.slice(0, LIMITS.selectOptions);
  return {
    custom_id: customId('triage', ticket.id),
    title: truncate(`Edit triage ${formatRef(ticket.ref)}: ${ticket.title}`, LIMITS.modalTitle),
    components: [
      label('Priority', 'A new priority restarts the response time and tells the requester.', {
        type: ComponentType.StringSelect,
        custom_id: TRIAGE_FIELDS.priority,
        required: true,
        min_values: 1,
        max_values: 1,
        options: form.priorities.map((p) => option(PRIORITY_LABELS[p], p, p === ticket.priority)),
      }),
      label('Category', 'What kind of problem this is.', {
        type: ComponentType.StringSelect,
        custom_id: TRIAGE_FIELDS.category,
        required: true,
        min_values: 1,
        max_values: 1,
        options: form.categories.slice(0, LIMITS.selectOptions).map((c) => option(c, c, c === ticket.category)),
      }),
      ...skillsSelect(form.ticket, form.skills.length, skills),
      label('Other skills', 'Skills not in the list, separated by commas.', {
        type: ComponentType.TextInput,
        custom_id: TRIAGE_FIELDS.otherSkills,
        style: TextInputStyle.Short,
        required: false,
        max_length: 500,
        placeholder: 'python, sap',
      }),
    ],
  };
}

/** The skills menu, or nothing when the helpdesk has no skills to offer (a select needs at least one option). */
function skillsSelect(ticket: TriageForm['ticket'], total: number, skills: TriageForm['skills']): APILabelComponent[] {
  if (skills.length === 0) return [];
  const hint = total > skills.length ? `The ${skills.length} most relevant of ${total}; type others below.` : 'Who can handle it. A ticket nobody started moves to someone who holds one.';
  return [
    label('Skills', hint, {
      type: ComponentType.StringSelect,
      custom_id: TRIAGE_FIELDS.skills,
      required: false,
      min_values: 0,
      max_values: skills.length,
      placeholder: 'Pick skills',
      options: skills.map((s) => ({ ...option(s.id, s.id, ticket.skills.includes(s.id)), ...(s.description ? { description: truncate(s.description, DESCRIPTION_MAX) } : {}) })),
    }),
  ];
}

function option(text: string, value: string, selected: boolean): APISelectMenuOption {
  return { label: truncate(text, LIMITS.optionText), value: value.slice(0, OPTION_VALUE_MAX), ...(selected ? { default: true } : {}) };
}

function label(text: string, description: string, component: APILabelComponent['component']): APILabelComponent {
  return { type: ComponentType.Label, label: truncate(text, LIMITS.inputLabel), description: truncate(description, DESCRIPTION_MAX), component };
}
