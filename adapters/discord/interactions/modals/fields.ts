import type { ModalSubmitInteraction } from 'discord.js';

/**
 * A modal field's value by custom id, whether Discord sent it in a Label
 * (current modals) or an action row (older clients), without throwing for
 * fields a client left out. Selects give their first value.
 */
export function fieldValue(interaction: ModalSubmitInteraction, id: string): string {
  const field = interaction.fields.fields.get(id) as { value?: unknown; values?: unknown } | undefined;
  if (!field) return '';
  if (typeof field.value === 'string') return field.value;
  if (Array.isArray(field.values) && typeof field.values[0] === 'string') return field.values[0];
  return '';
}

/** All values a select in a modal sent ([] when none, or for a text input). */
export function fieldValues(interaction: ModalSubmitInteraction, id: string): string[] {
  const field = interaction.fields.fields.get(id) as { values?: unknown } | undefined;
  return Array.isArray(field?.values) ? field.values.filter((v): v is string => typeof v === 'string') : [];
}
