import type { ViewOutput } from '@slack/bolt';

type Ids = { readonly block: string; readonly action: string };

/** A text input's value ('' when empty). */
export function textValue(view: ViewOutput, ids: Ids): string {
  return view.state.values[ids.block]?.[ids.action]?.value ?? '';
}

export function selectedOption(view: ViewOutput, ids: Ids): string | null {
  return view.state.values[ids.block]?.[ids.action]?.selected_option?.value ?? null;
}

/** A multi-select's picked values, in the order shown ([] when none). */
export function selectedOptions(view: ViewOutput, ids: Ids): string[] {
  return (view.state.values[ids.block]?.[ids.action]?.selected_options ?? []).map((o) => o.value ?? '').filter(Boolean);
}

export function selectedUser(view: ViewOutput, ids: Ids): string | null {
  return view.state.values[ids.block]?.[ids.action]?.selected_user ?? null;
}

/** The `{ id, ref }` a resolve or reassign modal was opened for. */
export function modalTicket(view: ViewOutput): { id: string; ref: number } | null {
  try {
    const v = JSON.parse(view.private_metadata) as { id?: unknown; ref?: unknown };
    return typeof v.id === 'string' && typeof v.ref === 'number' ? { id: v.id, ref: v.ref } : null;
  } catch {
    return null;
  }
}

/** Ack body that shows `text` under one input block of the modal. */
export function inlineError(block: string, text: string) {
  return { response_action: 'errors' as const, errors: { [block]: text } };
}
