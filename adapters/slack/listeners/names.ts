import type { SlackContext } from '../context.js';

/** Display names for person ids (assignees in lists), read once each. */
export async function personNames(ctx: SlackContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id) continue;
    const person = await ctx.helpdesk.personById(id);
    if (person) out.set(id, person.displayName);
  }
  return out;
}
