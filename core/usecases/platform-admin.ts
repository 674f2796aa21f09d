import { Errors, ok, VersionConflict, type Result } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';

/**
 * A surface vouches that a person administers the helpdesk on its platform
 * (for example a Discord member holding the role the operator configured).
 * The person becomes a helpdesk admin. Never demotes: losing the platform
 * role does not silently remove admin rights; an admin does that with
 * `/skills role`.
 */
export async function grantPlatformAdmin(deps: HelpdeskDeps, personId: string, source: string): Promise<Result<Person>> {
  for (let attempt = 1; ; attempt++) {
    const person = await deps.store.getPerson(personId);
    if (!person) return Errors.personNotFound();
    if (person.role === 'admin') return ok(person);
    try {
      const updated = await deps.store.updatePerson(person.id, { role: 'admin' }, person.version, nowIso(deps));
      deps.logger.info({ personId, source }, 'promoted to admin by a platform role');
      return ok(updated);
    } catch (error) {
      if (error instanceof VersionConflict && attempt < 3) continue;
      throw error;
    }
  }
}
