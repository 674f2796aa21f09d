import { z } from 'zod';
import { VersionConflict, fail, ok, type Result } from '../domain/errors.js';
import { isIdentity, type Person } from '../domain/person.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';

const identifyInput = z.object({
  identity: z.string().refine(isIdentity),
  displayName: z.string().trim().min(1).max(80),
  email: z.string().trim().email().max(254).nullish(),
  /** The name is only the platform handle a request carried: used for someone new, never written over a stored name. */
  nameIsHint: z.boolean().optional(),
  /**
   * The id someone new gets, when the platform derives it from the identity
   * (so a ticket can be filed in the same commit that stores its requester);
   * otherwise a fresh one.
   */
  newId: z.string().trim().min(1).max(100).optional(),
});

export type IdentifyInput = z.input<typeof identifyInput>;

const IDENTIFY_ATTEMPTS = 5;

/**
 * Finds or creates the person behind a platform identity. Identities listed
 * as admins in the configuration become admins on first use (and are
 * promoted if they existed before). Profile details are refreshed when the
 * platform reports new ones; a change made meanwhile by someone else (a
 * profile saved by another request) is read again, not overwritten.
 */
export async function identify(deps: HelpdeskDeps, input: IdentifyInput): Promise<Result<Person>> {
  const parsed = identifyInput.safeParse(input);
  if (!parsed.success) return fail('INPUT.INVALID', 'That identity is not valid.');
  const { identity, displayName, nameIsHint, newId } = parsed.data;
  const email = parsed.data.email ?? null;
  const at = nowIso(deps);
  const isBootstrapAdmin = deps.settings.adminIdentities.includes(identity);
  for (let attempt = 1; ; attempt++) {
    const person = await deps.store.ensurePerson({
      id: newId ?? deps.ids.newId(),
      identity,
      displayName,
      email,
      role: isBootstrapAdmin ? 'admin' : 'user',
      createdAt: at,
    });
    const patch: { role?: 'admin'; displayName?: string; email?: string } = {};
    if (isBootstrapAdmin && person.role !== 'admin') patch.role = 'admin';
    if (!nameIsHint && displayName !== person.displayName) patch.displayName = displayName;
    if (email && email !== person.email) patch.email = email;
    if (Object.keys(patch).length === 0) return ok(person);
    try {
      return ok(await deps.store.updatePerson(person.id, patch, person.version, at));
    } catch (error) {
      if (error instanceof VersionConflict && attempt < IDENTIFY_ATTEMPTS) continue;
      throw error;
    }
  }
}

/**
 * Makes sure every admin named in the configuration has a person record
 * before they ever spoke, so the first ticket that needs an admin can reach
 * them (their platform id is in the identity, which is all a channel needs
 * to open a DM). The name is a placeholder until their platform reports one.
 * Returns how many configured admins are on record.
 */
export async function ensureConfiguredAdmins(deps: HelpdeskDeps): Promise<number> {
  let ready = 0;
  for (const identity of deps.settings.adminIdentities) {
    const placeholder = identity.slice(identity.lastIndexOf(':') + 1) || identity;
    const person = await identify(deps, { identity, displayName: placeholder.slice(0, 80), nameIsHint: true });
    if (person.ok) ready++;
    else deps.logger.warn({ identity }, `HELPDESK_ADMINS entry could not be stored: ${person.error.message}`);
  }
  return ready;
}

/** Looks up an existing person by identity; unknown handles are a domain error. */
export async function findByIdentity(deps: HelpdeskDeps, identity: string, shownAs: string): Promise<Result<Person>> {
  const person = await deps.store.findPersonByIdentity(identity);
  return person ? ok(person) : fail('PERSON.UNKNOWN_HANDLE', `I don't know anyone called ${shownAs}. They need to use the helpdesk once first.`);
}
