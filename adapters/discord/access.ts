import type { Logger } from '../../core/index.js';
import type { DiscordContext } from './context.js';
import { discordIdentity } from './identity.js';

/** The text a server the helpdesk does not serve sees, privately. */
export const OTHER_SERVER_TEXT = 'This helpdesk does not serve this server. Ask the people who run it to add the server, or use it in a server it serves.';
/** The text a direct message from someone the helpdesk does not know gets. */
export const UNKNOWN_DM_TEXT = 'I only help people from the servers this helpdesk serves. Use /ticket there first; after that you can reach me here too.';

/**
 * The servers the helpdesk serves (DISCORD_GUILD_IDS). Anyone can add the
 * bot to a server of their own; what happens there must never reach the
 * helpdesk, so every other server is refused before anything is stored,
 * and its id is logged once per process so an operator can add it.
 */
export class ServedServers {
  private readonly ids: ReadonlySet<string>;
  private readonly noted = new Set<string>();

  constructor(
    ids: readonly string[],
    private readonly logger: Logger,
  ) {
    this.ids = new Set(ids);
  }

  serves(guildId: string): boolean {
    return this.ids.has(guildId);
  }

  /** The configured ids, for the start-up check. */
  get configured(): readonly string[] {
    return [...this.ids];
  }

  /** Logs a server the helpdesk does not serve, once per server id. */
  noteUnserved(guildId: string, where: 'interaction' | 'member'): void {
    if (this.noted.has(guildId)) return;
    this.noted.add(guildId);
    this.logger.warn(
      { guildId, where },
      where === 'member'
        ? 'the bot is in a server the helpdesk does not serve; its interactions are refused (add the id to DISCORD_GUILD_IDS to serve it)'
        : 'refused an interaction from a server the helpdesk does not serve (add the id to DISCORD_GUILD_IDS to serve it)',
    );
  }
}

/**
 * Whether the helpdesk answers someone here: in a server, only the served
 * ones; in a DM (no server, so no way to tell where they come from), only
 * people already on record (which they became in a served server or
 * through an admin) and the admins named in HELPDESK_ADMINS. Returns the
 * refusal to show, or null. Reads only.
 */
export async function refusalFor(ctx: DiscordContext, place: { readonly guildId: string | null; readonly userId: string }): Promise<string | null> {
  if (place.guildId !== null) {
    if (ctx.servers.serves(place.guildId)) return null;
    ctx.servers.noteUnserved(place.guildId, 'interaction');
    return OTHER_SERVER_TEXT;
  }
  const identity = discordIdentity(place.userId);
  if (ctx.helpdesk.isConfiguredAdmin(identity)) return null;
  const known = await ctx.helpdesk.personByIdentity(identity);
  return known ? null : UNKNOWN_DM_TEXT;
}
