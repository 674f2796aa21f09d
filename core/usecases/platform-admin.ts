import { VersionConflict } from '../domain/errors.js';
import { identityPlatform, type Person } from '../domain/person.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';

/** A person acting as admin for one call because their platform vouches for it; `adminSource` says which (`discord-role`). */
export type PlatformAdmin = Person & { readonly role: 'admin'; readonly adminSource: string };

/**
 * The person with admin rights for the one call a surface is handling,
 * because the platform vouches for it right now (for example a Discord
 * member holding the configured role in a server the helpdesk serves).
 * Nothing is stored: the surface asks again at every interaction, so losing
 * the platform role takes the rights away at once, and everything that
 * reads the stored record (admin notifications, calls from other surfaces)
 * sees the role the person really has. Admins on record stay as they are.
 */
export function actAsPlatformAdmin(person: Person, source: string): Person {
  if (person.role === 'admin') return person;
  const elevated: PlatformAdmin = { ...person, role: 'admin', adminSource: source };
  return elevated;
}

const MIGRATIONS = 'migrations';

/**
 * Earlier versions stored a platform role as a permanent admin promotion,
 * with no record of where it came from. Once per platform (remembered in
 * the store), every stored admin with an identity on that platform who is
 * not named in HELPDESK_ADMINS becomes a user again; someone who still
 * holds the platform role keeps acting as admin through
 * `actAsPlatformAdmin`, and an admin can restore anyone else with
 * `/skills role`. Returns the people demoted (empty when already done).
 */
export async function demoteStoredPlatformAdmins(deps: HelpdeskDeps, platform: string): Promise<readonly Person[]> {
  const key = `${platform}-role-admins-demoted`;
  if (await deps.store.getValue(MIGRATIONS, key)) return [];
  const configured = new Set(deps.settings.adminIdentities);
  const admins = await deps.store.listPeople({ roles: ['admin'] });
  const demoted: Person[] = [];
  for (const admin of admins) {
    if (!admin.identities.some((i) => identityPlatform(i) === platform) || admin.identities.some((i) => configured.has(i))) continue;
    const person = await demoteToUser(deps, admin.id);
    if (!person) continue;
    demoted.push(person);
    deps.logger.warn(
      { personId: person.id, platform },
      'admin rights stored from a platform role by an earlier version were removed; restore a real admin with /skills role or HELPDESK_ADMINS',
    );
  }
  await deps.store.setValue(MIGRATIONS, key, nowIso(deps));
  return demoted;
}

async function demoteToUser(deps: HelpdeskDeps, personId: string): Promise<Person | null> {
  for (let attempt = 1; ; attempt++) {
    const person = await deps.store.getPerson(personId);
    if (!person || person.role !== 'admin') return null;
    try {
      return await deps.store.updatePerson(person.id, { role: 'user' }, person.version, nowIso(deps));
    } catch (error) {
      if (error instanceof VersionConflict && attempt < 3) continue;
      throw error;
    }
  }
}
