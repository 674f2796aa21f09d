import type { SlackContext } from '../context.js';

/** Display names for person ids (assignees in lists), read once each, as the blocks builders take them. */
export async function personNames(ctx: SlackContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  return new Map(Object.entries(await ctx.helpdesk.displayNames(ids)));
}
