import { fail, ok, type Result } from '../domain/errors.js';
import { ROLES, isAdmin, type Person, type Role } from '../domain/person.js';
import { requireAdmin } from '../policies/authorization.js';
import type { PersonPatch } from '../ports/store.js';
import type { HelpdeskDeps } from './deps.js';
import { nowIso } from './deps.js';
import { parseStoredSkills, refreshSkills, SKILLS_KEY, SKILLS_NAMESPACE, type StoredSkill } from './correct-triage.js';
import { skillKey } from '../domain/skills.js';

const VALID_SKILL = /^[a-z0-9][a-z0-9.+#-]{0,39}$/;

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

/** A parsed `/skills` command. Targets are identities already resolved by the surface. */
export type SkillsCommand =
  | { readonly op: 'list'; readonly target: string | null }
  | { readonly op: 'add' | 'remove' | 'set'; readonly target: string; readonly skills: readonly string[] }
  | { readonly op: 'role'; readonly target: string; readonly role: Role }
  | { readonly op: 'away' | 'back'; readonly target: string | null }
  | { readonly op: 'new'; readonly target: null; readonly skill: string; readonly description: string }
  | { readonly op: 'words'; readonly target: null; readonly skill: string; readonly words: readonly string[] };

export const SKILLS_USAGE = [
  '/skills list [@person]',
  '/skills add @person skill, skill',
  '/skills remove @person skill',
  '/skills set @person skill, skill',
  '/skills role @person user|moderator|admin',
  '/skills away @person · /skills back @person',
  '/skills new <skill> "what it covers"   (admins create the helpdesk\'s own skills)',
  '/skills words <skill> word, word      (words that name it in tickets)',
].join('\n');

/** Turns a platform mention (`@bob`, `<@U123>`) into an identity, or null when it is not a mention. */
export type MentionResolver = (token: string) => string | null;

/**
 * Parses the `/skills` grammar shared by every surface. Mentions are
 * resolved by the surface (console handles, Slack `<@U…>`, Discord ids).
 */
export function parseSkillsCommand(text: string, resolveMention: MentionResolver): Result<SkillsCommand> {
  const trimmed = text.trim();
  const [opRaw = '', ...rest] = trimmed.split(/\s+/);
  const op = opRaw.toLowerCase();
  const usage = () => fail('INPUT.BAD_COMMAND', `I didn't understand that. Usage:\n${SKILLS_USAGE}`);
  const afterOp = trimmed.slice(opRaw.length).trim();
  const firstToken = rest[0] ?? '';
  const target = firstToken ? resolveMention(firstToken) : null;
  const afterTarget = afterOp.slice(firstToken.length).trim();
  const needTarget = () =>
    fail('INPUT.BAD_COMMAND', firstToken ? `"${firstToken.slice(0, 60)}" is not a mention of a person. Usage:\n${SKILLS_USAGE}` : `Say who, e.g. /skills ${op} @person. Usage:\n${SKILLS_USAGE}`);
  switch (op) {
    case '':
    case 'list':
      if (firstToken && !target) return needTarget();
      return ok({ op: 'list', target });
    case 'add':
    case 'remove':
    case 'set': {
      if (!target) return needTarget();
      const skills = afterTarget.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
      if (skills.length === 0 && op !== 'set') return fail('INPUT.BAD_COMMAND', `Name at least one skill, e.g. /skills ${op} @person vpn, networking.`);
      return ok({ op, target, skills });
    }
    case 'role': {
      if (!target) return needTarget();
      const role = afterTarget.toLowerCase();
      if (!(ROLES as readonly string[]).includes(role)) return fail('INPUT.BAD_COMMAND', `The role must be user, moderator or admin, not "${afterTarget.slice(0, 40)}".`);
      return ok({ op: 'role', target, role: role as Role });
    }
    case 'away':
    case 'back':
      if (firstToken && !target) return needTarget();
      return ok({ op, target });
    case 'new': {
      const skill = skillKey(firstToken.replace(/^"|"$/g, ''));
      if (!VALID_SKILL.test(skill)) return fail('INPUT.BAD_COMMAND', `Name the new skill in lowercase letters, digits, "-" or "." (up to 40), e.g. /skills new hr "HR questions".`);
      const description = afterTarget.replace(/^["“”']+|["“”']+$/g, '').trim().slice(0, 200);
      return ok({ op: 'new', target: null, skill, description });
    }
    case 'words': {
      const words = afterTarget.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '' && w.length <= 60);
      if (!firstToken || words.length === 0) return fail('INPUT.BAD_COMMAND', 'Say which skill and its words, e.g. /skills words vpn anyconnect, globalprotect, tunnel.');
      return ok({ op: 'words', target: null, skill: firstToken, words: words.slice(0, 50) });
    }
    default:
      return usage();
  }
}

export interface SkillsOutcome {
  readonly message: string;
  readonly person: Person | null;
  readonly people?: readonly Person[];
}

/**
 * Runs a `/skills` command. Admins manage everyone; a moderator may list
 * their own skills and mark themselves away or back.
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
  const target = command.target === null ? actor : await deps.store.findPersonByIdentity(command.target);
  if (!target) return fail('PERSON.UNKNOWN_HANDLE', `I don't know ${shown(command.target ?? '')} yet. They need to use the helpdesk once first.`);

  if (command.op === 'list') {
    if (command.target === null && isAdmin(actor)) {
      const staff = await deps.store.listPeople({ roles: ['moderator', 'admin'], limit: 200 });
      const lines = staff.map(describe);
      return ok({ message: lines.length ? `Moderators and admins:\n${lines.join('\n')}` : 'There are no moderators yet. Add one with /skills role @person moderator.', person: null, people: staff });
    }
    return ok({ message: describe(target), person: target });
  }
  switch (command.op) {
    case 'away':
    case 'back':
      return apply(deps, target, { availability: command.op === 'away' ? 'away' : 'available' }, (p) => `${p.displayName} is now ${p.availability}.`);
    case 'role': {
      if (target.role === 'admin' && command.role !== 'admin') {
        const admins = await deps.store.listPeople({ roles: ['admin'], limit: 2 });
        if (admins.length <= 1) return fail('AUTH.LAST_ADMIN', `${target.displayName} is the only admin; make someone else an admin first.`);
      }
      return apply(deps, target, { role: command.role }, (p) => `${p.displayName} is now ${article(p.role)} ${p.role}.`);
    }
    case 'add':
    case 'remove':
    case 'set': {
      const { known, unknown } = deps.catalog.partition(command.skills);
      if (unknown.length > 0) {
        const hints = unknown.map((u) => {
          const s = deps.catalog.suggest(u, 3);
          return s.length ? `"${u.slice(0, 40)}" (did you mean ${s.join(', ')}?)` : `"${u.slice(0, 40)}"`;
        });
        return fail('INPUT.UNKNOWN_SKILL', `Unknown skill${unknown.length > 1 ? 's' : ''}: ${hints.join('; ')}. Nothing was changed.`);
      }
      const skills =
        command.op === 'set' ? known : command.op === 'add' ? [...target.skills, ...known.filter((k) => !target.skills.includes(k))] : target.skills.filter((s) => !known.includes(s));
      const patch: PersonPatch = target.role === 'user' && command.op !== 'remove' && skills.length > 0 ? { skills, role: 'moderator' } : { skills };
      return apply(deps, target, patch, (p) => `${describe(p)}${patch.role ? ' (made a moderator so tickets can reach them)' : ''}`);
    }
  }
}

async function apply(deps: HelpdeskDeps, target: Person, patch: PersonPatch, message: (p: Person) => string): Promise<Result<SkillsOutcome>> {
  const updated = await deps.store.updatePerson(target.id, patch, target.version, nowIso(deps));
  return ok({ message: message(updated), person: updated });
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
