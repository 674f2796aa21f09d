import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer text and author name. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  optionText: 100,
  choices: 25,
  modalTitle: 45,
  inputLabel: 45,
  inputValue: 4000,
  placeholder: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens text to `max` characters, marking the cut visibly. The cut
 * never leaves half an escape (a trailing backslash) or an unclosed code
 * span, so a URL shown as code never turns back into a link.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  return `${balanced(text.slice(0, max - 1)).trimEnd()}${ELLIPSIS}`;
}

/** Drops a dangling backslash, and the start of a code span the cut left open. */
function balanced(text: string): string {
  let openAt = -1;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (escaped) escaped = false;
    else if (c === '\\' && openAt < 0) escaped = true;
    else if (c === '`') openAt = openAt < 0 ? i : -1;
  }
  if (openAt >= 0) return text.slice(0, openAt);
  return escaped ? text.slice(0, -1) : text;
}

/** Message content within 2,000 characters. */
export function fitContent(text: string): string {
  return truncate(text, LIMITS.content);
}

function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Makes an embed valid by visible truncation: every part within its own
 * limit, at most 25 fields (the last one says how many were left out), and
 * the whole within 6,000 characters by shortening the longest part first.
 * Never throws and never drops the title.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  let fields: APIEmbedField[] = (embed.fields ?? []).map((f) => ({
    ...f,
    name: truncate(f.name.trim() || '\u200b', LIMITS.fieldName),
    value: truncate(f.value.trim() || '\u200b', LIMITS.fieldValue),
  }));
  if (fields.length > LIMITS.fields) {
    const hidden = fields.length - (LIMITS.fields - 1);
    fields = [...fields.slice(0, LIMITS.fields - 1), { name: ELLIPSIS, value: `${hidden} more not shown` }];
  }
  const out: APIEmbed = { ...embed, ...(fields.length ? { fields } : {}) };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  shrinkToTotal(out);
  return out;
}

/** Cuts the longest of description and field values until the embed fits 6,000 characters. */
function shrinkToTotal(e: APIEmbed): void {
  for (let excess = embedLength(e) - LIMITS.embedTotal; excess > 0; excess = embedLength(e) - LIMITS.embedTotal) {
    const fields = e.fields ?? [];
    const longestField = fields.reduce<APIEmbedField | null>((best, f) => (best === null || f.value.length > best.value.length ? f : best), null);
    const descLength = e.description?.length ?? 0;
    if (longestField && longestField.value.length > descLength && longestField.value.length > 1) {
      longestField.value = truncate(longestField.value, Math.max(1, longestField.value.length - excess));
    } else if (e.description && descLength > 1) {
      e.description = truncate(e.description, Math.max(1, descLength - excess));
    } else if (fields.length > 0) {
      fields.pop();
    } else {
      delete e.footer;
      delete e.author;
      if (e.title) e.title = truncate(e.title, Math.max(1, e.title.length - excess));
      return;
    }
  }
}

/** Lays out components in action rows: at most 5 per row and 5 rows; extra components are dropped. */
export function actionRows(components: readonly APIComponentInMessageActionRow[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < components.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: 1, components: components.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}
