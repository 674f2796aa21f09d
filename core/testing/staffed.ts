import type { Person } from '../domain/person.js';
import type { Ticket } from '../domain/ticket.js';
import { testHelpdesk, type TestHelpdesk, type TestHelpdeskOptions } from './harness.js';

/** A test helpdesk with its people on record: `root`, the configured admin, and everyone the test names. */
export interface StaffedHelpdesk<H extends string> extends TestHelpdesk {
  /** Everyone by console handle, as stored once their skills were given. */
  readonly people: Readonly<Record<H | 'root', Person>>;
  /** Files a ticket from the console as `who`, runs its workflows and returns the ticket as stored then. */
  file(who: Person, title: string): Promise<Ticket>;
}

/**
 * A test helpdesk on in-memory fakes where `console:root` is the configured
 * admin and each of `people` has used the helpdesk once (identified in that
 * order, after root); `skills` are then given by root, in the order listed,
 * which makes each of them a moderator. Any other part can be replaced as in
 * `testHelpdesk`.
 */
export async function staffedHelpdesk<H extends string>(
  options: TestHelpdeskOptions & { readonly people: readonly H[]; readonly skills?: Partial<Readonly<Record<H, readonly string[]>>> },
): Promise<StaffedHelpdesk<H>> {
  const { people: handles, skills = {}, ...rest } = options;
  const t = testHelpdesk({ ...rest, settings: { adminIdentities: ['console:root'], ...rest.settings } });
  const identified = new Map<H | 'root', Person>();
  for (const handle of ['root' as const, ...handles]) {
    const r = await t.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
    if (!r.ok) throw new Error(r.error.message);
    identified.set(handle, r.value);
  }
  const root = identified.get('root') as Person;
  for (const [handle, given] of Object.entries(skills) as [H, readonly string[]][]) {
    const r = await t.helpdesk.skills(root, { op: 'add', target: `console:${handle}`, skills: given });
    if (!r.ok) throw new Error(`skills for ${handle}: ${r.error.message}`);
  }
  const people = {} as Record<H | 'root', Person>;
  for (const [handle, p] of identified) people[handle] = (await t.store.getPerson(p.id)) ?? p;
  const file = async (who: Person, title: string): Promise<Ticket> => {
    const r = await t.helpdesk.fileTicket({ requesterId: who.id, title, origin: { platform: 'console' } });
    if (!r.ok) throw new Error(r.error.message);
    await t.engine.drain();
    const ticket = await t.store.getTicket(r.value.ticket.id);
    if (!ticket) throw new Error(`ticket ${r.value.ticket.id} was not stored`);
    return ticket;
  };
  return { ...t, people, file };
}
