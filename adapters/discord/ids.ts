/**
 * Custom ids carried by buttons, selects and modals: `hd:<action>:<arg>:<arg>…`.
 * Discord allows 100 characters; ticket ids are UUIDs (36), so every id
 * here stays well below. Action buttons carry the ticket version they were
 * rendered at, so two clicks on the same rendering are one action.
 */
export const ID_PREFIX = 'hd';

export type Action =
  /** Moderator card buttons. */
  | 'start'
  | 'resolve'
  | 'reassign'
  /** Requester's Reopen button on the resolved message. */
  | 'reopen'
  /** The staff select shown after Reassign. */
  | 'assign'
  /** Moderator card: "Edit triage" opens a form; the form's submission uses the same action. */
  | 'triage'
  /** Modals: new ticket (optionally from a message), resolution note. */
  | 'file'
  | 'note'
  /** A ticket panel's button and desk select; the form they open is sent back with the same action. */
  | 'panel'
  /** "File this as a ticket" under a DM to the bot (the DM's id is the argument). */
  | 'dmfile'
  /** 👍 / 👎 under the requester's "resolved" message; the comment form they open is sent back with the same action. */
  | 'rate'
  /** The staff workflow: "Take it", the internal-note button and its modal, "Reply with…" and its saved-reply select, /tickets Previous / Next. */
  | 'claim'
  | 'inote'
  | 'replywith'
  | 'replypick'
  | 'page';

const ACTIONS: readonly Action[] = ['start', 'resolve', 'reassign', 'reopen', 'assign', 'triage', 'file', 'note', 'panel', 'dmfile', 'rate', 'claim', 'inote', 'replywith', 'replypick', 'page'];

export interface ParsedId {
  readonly action: Action;
  readonly args: readonly string[];
}

/** Builds a custom id; arguments must not contain `:`. */
export function customId(action: Action, ...args: readonly (string | number)[]): string {
  const parts = args.map(String);
  if (parts.some((p) => p.includes(':'))) throw new Error(`custom id arguments must not contain ":" (${action})`);
  const id = [ID_PREFIX, action, ...parts].join(':');
  if (id.length > 100) throw new Error(`custom id too long for Discord (${id.length} > 100)`);
  return id;
}

/** Parses a custom id of ours; anything else (other apps' ids, stale formats) is null. */
export function parseCustomId(id: string): ParsedId | null {
  const [prefix, action, ...args] = id.split(':');
  if (prefix !== ID_PREFIX || !ACTIONS.includes(action as Action)) return null;
  return { action: action as Action, args };
}
