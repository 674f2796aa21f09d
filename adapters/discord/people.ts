import type { Interaction, User } from 'discord.js';
import { fail, ok, type Person, type Result } from '../../core/index.js';
import { OTHER_SERVER_TEXT } from './access.js';
import type { AdminRole, DiscordContext } from './context.js';
import { discordIdentity, displayNameOf } from './identity.js';

/** What a role-granted admin is marked with (`adminSource` on the Person core hands back). */
export const ROLE_ADMIN_SOURCE = 'discord-role';

/**
 * The Person behind an interaction, created on first use. A member holding
 * the configured admin role in a served server acts as admin for this
 * interaction only: nothing is stored, so taking the role away (or
 * dropping the server from DISCORD_GUILD_IDS) takes the rights away at the
 * next interaction. In DMs there are no roles, so people act with the role
 * on record. Admins on record (HELPDESK_ADMINS, `/skills role`) stay admins.
 */
export async function actorOf(ctx: DiscordContext, interaction: Interaction): Promise<Result<Person>> {
  if (interaction.guildId !== null && !ctx.servers.serves(interaction.guildId)) return fail('AUTH.NOT_PARTICIPANT', OTHER_SERVER_TEXT);
  const person = await personOf(ctx, interaction.user);
  if (!person.ok || person.value.role === 'admin' || !ctx.adminRole || !holdsRole(interaction, ctx.adminRole)) return person;
  return ok(ctx.helpdesk.actAsPlatformAdmin(person.value, ROLE_ADMIN_SOURCE));
}

/** Finds or creates the Person for a Discord user (refreshing their display name). */
export async function personOf(ctx: DiscordContext, user: Pick<User, 'id' | 'bot' | 'username' | 'globalName'>): Promise<Result<Person>> {
  if (user.bot) return fail('INPUT.INVALID', 'Bots cannot use the helpdesk.');
  return ctx.helpdesk.identify({ identity: discordIdentity(user.id), displayName: displayNameOf(user) });
}

/**
 * Whether the interacting member holds the role in the server the
 * interaction came from, as the interaction itself reports their roles
 * (fresh at every interaction). A role named only by its name is looked up
 * among that server's roles, cached at start-up (the Guilds intent
 * delivers every server with its roles). DMs carry no roles.
 */
export function holdsRole(interaction: Interaction, role: AdminRole): boolean {
  const member = interaction.member;
  if (!member || !interaction.guildId) return false;
  const roleIds: readonly string[] = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  if ('id' in role) return roleIds.includes(role.id);
  const roles = interaction.guild?.roles.cache;
  return roleIds.some((id) => roles?.get(id)?.name === role.name);
}
