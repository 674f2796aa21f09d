import { clip, fail, ok, VersionConflict, type Result } from '../domain/errors.js';
import { isIdentity, type Person } from '../domain/person.js';
import { requireAdmin } from '../policies/authorization.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';

export interface LinkIdentityInput {
  /** The identity the admin points at on their own platform, e.g. `discord:1234`. */
  readonly identity: string;
  /** The same human elsewhere: another identity (`slack:T1:U1`, `console:alice`) or an email address the helpdesk knows. */
  readonly other: string;
}

export interface LinkOutcome {
  readonly person: Person;
  /** False when the two were already one person. */
  readonly changed: boolean;
  readonly message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Links two platform identities to one Person, only because an admin says
 * they are the same human (never by display name, never automatically).
 * The identity nobody holds yet is added to the person who holds the other.
 * Two existing records are never merged: tickets, load counts and history
 * would have to move with them, so that case is refused with a sentence
 * saying why and nothing changes.
 */
export async function linkIdentity(deps: HelpdeskDeps, actor: Person, input: LinkIdentityInput): Promise<Result<LinkOutcome>> {
  const admin = requireAdmin(actor);
  if (!admin.ok) return admin;
  if (!isIdentity(input.identity)) return fail('INPUT.INVALID', 'That identity is not valid.');
  const raw = input.other.trim();
  const here = await deps.store.findPersonByIdentity(input.identity);

  let there: Person | null;
  let otherIdentity: string | null = null;
  if (EMAIL.test(raw)) {
    const matches = (await deps.store.findPeopleByEmail(raw)).filter((p) => p.id !== here?.id);
    if (matches.length === 0) {
      if (here && here.email !== null && here.email.toLowerCase() === raw.toLowerCase()) return ok(same(here, raw));
      return fail('PERSON.NOT_FOUND', `Nobody in the helpdesk has the email address ${clip(raw, 80)}. They need to use the helpdesk once from a platform that shares their email.`);
    }
    if (matches.length > 1)
      return fail('INPUT.INVALID', `${matches.length} people share the email address ${clip(raw, 80)}; link by identity instead (for example slack:T0123:U0456).`);
    there = matches[0] ?? null;
  } else if (isIdentity(raw)) {
    otherIdentity = raw;
    there = await deps.store.findPersonByIdentity(raw);
  } else {
    return fail('INPUT.INVALID', 'Give the other identity as platform:id (for example slack:T0123:U0456 or console:alice) or an email address the helpdesk knows.');
  }

  if (here && there && here.id === there.id) return ok(same(here, raw));
  if (here && there)
    return fail(
      'PERSON.IDENTITY_TAKEN',
      `${here.displayName} and ${there.displayName} already have separate helpdesk records, and two records are never merged (their tickets and history would have to move). Nothing was changed.`,
    );
  if (there) return added(deps, there, input.identity);
  if (here && otherIdentity !== null) return added(deps, here, otherIdentity);
  return fail('PERSON.NOT_FOUND', `Neither of them is known to the helpdesk yet. One of them needs to use the helpdesk once first.`);
}

async function added(deps: HelpdeskDeps, person: Person, identity: string): Promise<Result<LinkOutcome>> {
  try {
    const updated = await deps.store.addIdentity(person.id, identity, nowIso(deps));
    deps.logger.info({ personId: person.id, platform: identity.slice(0, identity.indexOf(':')) }, 'identity linked by an admin');
    return ok({ person: updated, changed: true, message: `Linked: ${updated.displayName} now also signs in as ${identity}.` });
  } catch (error) {
    // Someone used that identity between the lookup and the save.
    if (error instanceof VersionConflict || (await deps.store.findPersonByIdentity(identity))) {
      return fail('PERSON.IDENTITY_TAKEN', `${identity} was just taken by another helpdesk record; nothing was changed.`);
    }
    throw error;
  }
}

function same(person: Person, other: string): LinkOutcome {
  return { person, changed: false, message: `${person.displayName} is already linked to ${clip(other, 80)}; nothing to do.` };
}
