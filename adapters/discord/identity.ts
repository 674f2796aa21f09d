/**
 * Discord identities are `discord:<user id>`: user ids (snowflakes) are
 * global across servers, so one Person per Discord account.
 */
export const DISCORD_PLATFORM = 'discord';

export function discordIdentity(userId: string): string {
  return `${DISCORD_PLATFORM}:${userId}`;
}

/** The Discord user id among a person's identities, or null when they have none. */
export function discordUserId(identities: readonly string[]): string | null {
  for (const identity of identities) {
    const m = /^discord:(\d{5,25})$/.exec(identity);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** A mention that never pings inside embeds, or the plain name for people not on Discord. */
export function mentionOrName(person: { readonly identities: readonly string[]; readonly displayName: string }): string {
  const id = discordUserId(person.identities);
  return id ? `<@${id}>` : person.displayName;
}

/** The name the helpdesk shows for a Discord user: their global display name, else the username (max 80). */
export function displayNameOf(user: { readonly globalName?: string | null; readonly username: string }): string {
  const name = (user.globalName ?? '').trim() || user.username.trim() || 'Discord user';
  return name.length <= 80 ? name : `${name.slice(0, 79)}…`;
}

/** Link to a message in a server, the form Discord clients open. */
export function messageLink(guildId: string | null, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
