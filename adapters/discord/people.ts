import type { Interaction, User } from 'discord.js';
import { fail, type Person, type Result } from '../../core/index.js';
import type { DiscordContext } from './context.js';
import { discordIdentity, displayNameOf } from './identity.js';

/**
 * The Person behind an interaction, created on first use. A member holding
 * the configured admin role (DISCORD_ADMIN_ROLE) in the server the
 * interaction came from is promoted to helpdesk admin through core.
 */
export async function actorOf(ctx: DiscordContext, interaction: Interaction): Promise<Result<Person>> {
  const person = await personOf(ctx, interaction.user);
  if (!person.ok || person.value.role === 'admin' || !ctx.adminRole || !hasRoleNamed(interaction, ctx.adminRole)) return person;
  return ctx.helpdesk.grantPlatformAdmin(person.value.id, `Discord role "${ctx.adminRole}"`);
}

/** Finds or creates the Person for a Discord user (refreshing their display name). */
export async function personOf(ctx: DiscordContext, user: Pick<User, 'id' | 'bot' | 'username' | 'globalName'>): Promise<Result<Person>> {
  if (user.bot) return fail('INPUT.INVALID', 'Bots cannot use the helpdesk.');
  return ctx.helpdesk.identify({ identity: discordIdentity(user.id), displayName: displayNameOf(user) });
}

/**
 * Whether the interacting member holds a role with this name. Role names
 * come from the server cached at start-up (the Guilds intent delivers every
 * server with its roles); DMs carry no roles.
 */
export function hasRoleNamed(interaction: Interaction, roleName: string): boolean {
  const member = interaction.member;
  if (!member || !interaction.guild) return false;
  const roleIds: readonly string[] = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  const roles = interaction.guild.roles.cache;
  return roleIds.some((id) => roles.get(id)?.name === roleName);
}
