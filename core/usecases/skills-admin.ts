import { personAudit } from '../domain/audit.js';
import { fail, ok, type Result } from '../domain/errors.js';
import { isAdmin, type Person } from '../domain/person.js';
import { requireAdmin } from '../policies/authorization.js';
import type { PersonPatch } from '../ports/store.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { knownSkills, parseStoredSkills, refreshSkills, SKILLS_KEY, SKILLS_NAMESPACE, type StoredSkill } from './stored-skills.js';
import { skillKey } from '../domain/skills.js';
import type { SkillsCommand } from './skills-grammar.js';
import { describeHandOver, handOverTickets, holderChange } from './people-changes.js';
import { linkIdentity } from './link-identity.js';
import { identify } from './people.js';

/**
 * Creates a helpdesk skill or teaches a skill words, stored so every
 * process (and a restart) sees it; it then matches and normalises like a
 * shipped one, and local triage reads tickets with its words.
 */
async function defineSkill(deps: HelpdeskDeps, command: Extract<SkillsCommand, { op: 'new' | 'words' }>): Promise<Result<SkillsOutcome>> {
  const id = command.op === 'new' ? (deps.catalog.normalize(command.skill) ?? command.skill) : deps.catalog.normalize(command.skill);
  if (id === null) {
    const s = deps.catalog.suggest(command.skill, 3);
    return fail('INPUT.UNKNOWN_SKILL', `Unknown skill "${command.skill.slice(0, 40)}"${s.length ? ` (did you mean ${s.join(', ')}?)` : ''}. Create it first with /skills new ${skillKey(command.skill).slice(0, 40)} "what it covers".`);
  }
  const stored = parseStoredSkills((await deps.store.getValue(SKILLS_NAMESPACE, SKILLS_KEY)) ?? '[]');
  const had = stored.find((s) => s.id === id);
  const entry: StoredSkill =
    command.op === 'new'
      ? { id, ...(command.description ? { description: command.description } : (had?.description ? { description: had.description } : {})), words: had?.words ?? [] }
      : { id, ...(had?.description ? { description: had.description } : {}), words: [...new Set([...(had?.words ?? []), ...command.words])] };
  await deps.store.setValue(SKILLS_NAMESPACE, SKILLS_KEY, JSON.stringify([...stored.filter((s) => s.id !== id), entry]));
  const existed = deps.catalog.has(id);
  deps.catalog.define(entry);
  const message =
    command.op === 'new'
      ? existed && !had ? `${id} already exists${entry.description ? '; its description is updated' : ''}. Give it to someone with /skills add @person ${id}.` : `Created the skill ${id}${entry.description ? ` (${entry.description})` : ''}. Give it to someone with /skills add @person ${id}.`
      : `${id} now also matches: ${command.words.join(', ')}.`;
  return ok({ message, person: null });
}

export { NO_SKILLS, parseSkillsCommand, SKILLS_USAGE, type MentionName, type MentionResolver, type SkillsCommand } from './skills-grammar.js';

export interface SkillsOutcome {
  readonly message: string;
  readonly person: Person | null;
  readonly people?: readonly Person[];
  /** True when the command added the target to the helpdesk (the surface may fill in their profile). */
  readonly added?: boolean;
}

/**
 * Runs a `/skills` command. Admins manage everyone; a moderator may list
 * their own skills and mark themselves away or back.
 *
 * Who is added when mentioned is decided here, the same on every surface:
 * an admin who gives someone new skills (`add`, `set`) or a role adds them
 * to the helpdesk (under the name the surface knows them by), so moderators
 * can be set up before their first ticket. Nothing else creates anyone:
 * `list`, `remove`, `away`, `back` and `link` of someone unknown are refused,
 * and a refused command (an unknown skill, a non-admin) adds nobody.
 *
 * Demoting someone from staff or marking them away hands their unstarted
 * tickets to the assignment policy at once; started ones stay and the
 * admins are told (see handOverTickets).
 */
export async function runSkillsCommand(deps: HelpdeskDeps, actor: Person, command: SkillsCommand): Promise<Result<SkillsOutcome>> {
  await refreshSkills(deps);
  if (command.op === 'new' || command.op === 'words') {
    const admin = requireAdmin(actor);
    if (!admin.ok) return admin;
    return defineSkill(deps, command);
  }
  const self = command.target === null || actor.identities.includes(command.target);
  const selfAvailability = (command.op === 'away' || command.op === 'back') && self && actor.role !== 'user';
  if (command.op === 'list' ? !self : !selfAvailability) {
    const admin = requireAdmin(actor);
    if (!admin.ok) return admin;
  }
  if (command.op === 'link') {
    const linked = await linkIdentity(deps, actor, { identity: command.target, other: command.other });
    return linked.ok ? ok({ message: linked.value.message, person: linked.value.person }) : linked;
  }
  let skills: readonly string[] = [];
  if (command.op === 'add' || command.op === 'remove' || command.op === 'set') {
    const checked = knownSkills(deps, command.skills);
    if (!checked.ok) return checked;
    skills = checked.value;
  }
  const found = command.target === null ? actor : await deps.store.findPersonByIdentity(command.target);
  const target = found ?? (command.target !== null && onboards(actor, command) ? await onboard(deps, command.target, command.targetName) : null);
  if (!target) return fail('PERSON.UNKNOWN_HANDLE', `I don't know ${shown(command.target ?? '')} yet. They need to use the helpdesk once first.`);
  const result = await runOn(deps, actor, command, target, skills);
  return result.ok && !found ? ok({ ...result.value, added: true }) : result;
}

async function runOn(deps: HelpdeskDeps, actor: Person, command: Exclude<SkillsCommand, { op: 'new' | 'words' | 'link' }>, target: Person, skills: readonly string[]): Promise<Result<SkillsOutcome>> {

  switch (command.op) {
    case 'list': {
      if (command.target === null && isAdmin(actor)) {
        const staff = await deps.store.listPeople({ roles: ['moderator', 'admin'], limit: 200 });
        const lines = staff.map(describe);
        return ok({ message: lines.length ? `Moderators and admins:\n${lines.join('\n')}` : 'There are no moderators yet. Add one with /skills role @person moderator.', person: null, people: staff });
      }
      return ok({ message: describe(target), person: target });
    }
    case 'away':
    case 'back':
      return apply(deps, actor, target, { availability: command.op === 'away' ? 'away' : 'available' }, (p) => `${p.displayName} is now ${p.availability}.`);
    case 'role': {
      if (target.role === 'admin' && command.role !== 'admin') {
        const admins = await deps.store.listPeople({ roles: ['admin'], limit: 2 });
        if (admins.length <= 1) return fail('AUTH.LAST_ADMIN', `${target.displayName} is the only admin; make someone else an admin first.`);
      }
      return apply(deps, actor, target, { role: command.role }, (p) => `${p.displayName} is now ${article(p.role)} ${p.role}.`);
    }
    case 'add':
    case 'remove':
    case 'set': {
      const next =
        command.op === 'set' ? skills : command.op === 'add' ? [...target.skills, ...skills.filter((k) => !target.skills.includes(k))] : target.skills.filter((s) => !skills.includes(s));
      const patch: PersonPatch = target.role === 'user' && command.op !== 'remove' && next.length > 0 ? { skills: next, role: 'moderator' } : { skills: next };
      return apply(deps, actor, target, patch, (p) => `${describe(p)}${patch.role ? ' (made a moderator so tickets can reach them)' : ''}`);
    }
  }
}

/** The onboarding rule: only an admin granting skills or a role adds someone the helpdesk does not know yet. */
function onboards(actor: Person, command: SkillsCommand): boolean {
  return isAdmin(actor) && (command.op === 'add' || command.op === 'set' || command.op === 'role');
}

async function onboard(deps: HelpdeskDeps, identity: string, name: string | undefined): Promise<Person | null> {
  const fallback = identity.slice(identity.lastIndexOf(':') + 1) || identity;
  const created = await identify(deps, { identity, displayName: (name?.trim() || fallback).slice(0, 80), nameIsHint: true });
  return created.ok ? created.value : null;
}

/** Saves the change with its audit entries, then hands over the person's tickets if they can no longer take work. */
async function apply(deps: HelpdeskDeps, actor: Person, target: Person, patch: PersonPatch, message: (p: Person) => string): Promise<Result<SkillsOutcome>> {
  const at = nowIso(deps);
  const updated = await deps.store.updatePerson(target.id, patch, target.version, at, personAudit(target, patch, actor.id, at));
  const change = holderChange(target, updated);
  if (change === null) return ok({ message: message(updated), person: updated });
  const handOver = await handOverTickets(deps, updated, change, actor.id);
  const names = new Map<string, string>();
  for (const m of handOver.moved) if (m.to && !names.has(m.to)) names.set(m.to, (await deps.store.getPerson(m.to))?.displayName ?? 'someone');
  return ok({ message: `${message(updated)}${describeHandOver(handOver, names)}`, person: updated });
}

function describe(p: Person): string {
  const skills = p.skills.length ? p.skills.join(', ') : 'no skills';
  return `${p.displayName} — ${p.role}, ${p.availability}, ${p.openTickets} open — ${skills}`;
}

function article(role: string): string {
  return role === 'admin' ? 'an' : 'a';
}

function shown(identity: string): string {
  const i = identity.indexOf(':');
  return i < 0 ? identity : `@${identity.slice(i + 1)}`;
}
