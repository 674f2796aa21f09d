import { fail, ok, type Result } from '../domain/errors.js';
import { ROLES, type Role } from '../domain/person.js';
import { skillKey } from '../domain/skills.js';

const VALID_SKILL = /^[a-z0-9][a-z0-9.+#-]{0,39}$/;

/**
 * A parsed `/skills` command. Targets are identities already resolved by the
 * surface; `targetName` is the name the surface knows them by, used only
 * when the helpdesk adds someone new (see runSkillsCommand).
 */
export type SkillsCommand =
  | { readonly op: 'list'; readonly target: string | null; readonly targetName?: string }
  | { readonly op: 'add' | 'remove' | 'set'; readonly target: string; readonly targetName?: string; readonly skills: readonly string[] }
  | { readonly op: 'role'; readonly target: string; readonly targetName?: string; readonly role: Role }
  | { readonly op: 'away' | 'back'; readonly target: string | null; readonly targetName?: string }
  | { readonly op: 'link'; readonly target: string; readonly targetName?: string; readonly other: string }
  | { readonly op: 'new'; readonly target: null; readonly skill: string; readonly description: string }
  | { readonly op: 'words'; readonly target: null; readonly skill: string; readonly words: readonly string[] };

export const SKILLS_USAGE = [
  '/skills list [@person]',
  '/skills add @person skill, skill',
  '/skills remove @person skill',
  '/skills set @person skill, skill   (/skills set @person none clears them)',
  '/skills role @person user|moderator|admin',
  '/skills away @person · /skills back @person',
  '/skills link @person <platform:id or email>   (the same human on another platform)',
  '/skills new <skill> "what it covers"   (admins create the helpdesk\'s own skills)',
  '/skills words <skill> word, word      (words that name it in tickets; word* for word starts, word! for error texts)',
].join('\n');

/** Turns a platform mention (`@bob`, `<@U123>`) into an identity, or null when it is not a mention. */
export type MentionResolver = (token: string) => string | null;

/** The name a surface knows a mentioned person by (`<@U123|maya>` → `maya`), if any. */
export type MentionName = (token: string) => string | null;

/** The word that clears someone's skills with `set`, so an empty `set` can never do it by accident. */
export const NO_SKILLS = 'none';

/**
 * Parses the `/skills` grammar shared by every surface (the console and
 * Slack type it; Discord's options are written out in it). Mentions are
 * resolved by the surface (console handles, Slack `<@U…>`, Discord
 * `<@id>`).
 */
export function parseSkillsCommand(text: string, resolveMention: MentionResolver, nameOf: MentionName = () => null): Result<SkillsCommand> {
  const trimmed = text.trim();
  const [opRaw = '', ...rest] = trimmed.split(/\s+/);
  const op = opRaw.toLowerCase();
  const usage = () => fail('INPUT.BAD_COMMAND', `I didn't understand that. Usage:\n${SKILLS_USAGE}`);
  const afterOp = trimmed.slice(opRaw.length).trim();
  const firstToken = rest[0] ?? '';
  const target = firstToken ? resolveMention(firstToken) : null;
  const name = target ? nameOf(firstToken)?.trim().slice(0, 80) : undefined;
  const named = name ? { targetName: name } : {};
  const afterTarget = afterOp.slice(firstToken.length).trim();
  const needTarget = () =>
    fail('INPUT.BAD_COMMAND', firstToken ? `"${firstToken.slice(0, 60)}" is not a mention of a person. Usage:\n${SKILLS_USAGE}` : `Say who, e.g. /skills ${op} @person. Usage:\n${SKILLS_USAGE}`);
  switch (op) {
    case '':
    case 'list':
      if (firstToken && !target) return needTarget();
      return ok({ op: 'list', target, ...named });
    case 'add':
    case 'remove':
    case 'set': {
      if (!target) return needTarget();
      const skills = afterTarget.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
      if (op === 'set' && skills.length === 1 && skills[0]?.toLowerCase() === NO_SKILLS) return ok({ op, target, ...named, skills: [] });
      if (skills.some((s) => s.toLowerCase() === NO_SKILLS)) return fail('INPUT.BAD_COMMAND', `"${NO_SKILLS}" stands alone: /skills set @person ${NO_SKILLS} clears all skills.`);
      if (skills.length === 0)
        return fail(
          'INPUT.BAD_COMMAND',
          op === 'set'
            ? `Name the skills to set, e.g. /skills set @person vpn, networking, or clear them all with /skills set @person ${NO_SKILLS}. Nothing was changed.`
            : `Name at least one skill, e.g. /skills ${op} @person vpn, networking.`,
        );
      return ok({ op, target, ...named, skills });
    }
    case 'role': {
      if (!target) return needTarget();
      const role = afterTarget.toLowerCase();
      if (!(ROLES as readonly string[]).includes(role)) return fail('INPUT.BAD_COMMAND', `The role must be user, moderator or admin, not "${afterTarget.slice(0, 40)}".`);
      return ok({ op: 'role', target, ...named, role: role as Role });
    }
    case 'away':
    case 'back':
      if (firstToken && !target) return needTarget();
      return ok({ op, target, ...named });
    case 'link': {
      if (!target) return needTarget();
      const other = afterTarget.split(/\s+/)[0] ?? '';
      if (!other || afterTarget.includes(' ')) return fail('INPUT.BAD_COMMAND', 'Say who and their other identity, as platform:id (e.g. /skills link @person slack:T0123:U0456) or an email address the helpdesk knows.');
      return ok({ op: 'link', target, ...named, other });
    }
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
