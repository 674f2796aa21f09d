import type { Json } from './fake-discord/index.js';

/** Custom ids of every button and select on a message, in order. */
export function customIds(message: Json | undefined): string[] {
  const rows = (message?.['components'] ?? []) as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((r) => (r.components ?? []).map((c) => c.custom_id ?? '')).filter(Boolean);
}

/** Button labels of a message. */
export function labels(message: Json | undefined): string[] {
  const rows = (message?.['components'] ?? []) as { components?: { label?: string }[] }[];
  return rows.flatMap((r) => (r.components ?? []).map((c) => c.label ?? ''));
}

/** The id of the button whose custom id starts with `hd:<action>:`. */
export function idFor(message: Json | undefined, action: string): string {
  const id = customIds(message).find((c) => c.startsWith(`hd:${action}:`));
  if (!id) throw new Error(`no ${action} component on the message (has ${customIds(message).join(', ')})`);
  return id;
}

/** Everything readable in a message: content, embed titles, descriptions, authors, fields, footers. */
export function textOf(message: Json | undefined): string {
  const embeds = (message?.['embeds'] ?? []) as { title?: string; description?: string; author?: { name: string }; footer?: { text: string }; fields?: { name: string; value: string }[] }[];
  return [
    String(message?.['content'] ?? ''),
    ...embeds.flatMap((e) => [e.author?.name ?? '', e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`), e.footer?.text ?? '']),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The message id a message replies to, if any. */
export function repliesTo(message: Json | undefined): string | null {
  return ((message?.['message_reference'] as { message_id?: string } | undefined)?.message_id ?? null) || null;
}

/** Values in the modal a callback opened (`{custom_id → prefilled value}`), and its custom id. */
export function modalOf(data: Json | undefined): { customId: string; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const c of (data?.['components'] ?? []) as { component?: { custom_id?: string; value?: string } }[]) {
    if (c.component?.custom_id) values[c.component.custom_id] = c.component.value ?? '';
  }
  return { customId: String(data?.['custom_id'] ?? ''), values };
}
