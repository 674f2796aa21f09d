import type { ChatInputCommandInteraction } from 'discord.js';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { consoleMention, consoleMentionName } from '../../adapters/console/commands.js';
import { commandOf as discordCommand } from '../../adapters/discord/interactions/commands/skills.js';
import { mentionName as slackMentionName } from '../../adapters/slack/listeners/commands/skills.js';
import { SlackPeople } from '../../adapters/slack/people.js';
import { parseSkillsCommand, silentLogger, type Person, type Result, type SkillsCommand } from '../../core/index.js';
import { testHelpdesk } from '../../core/testing/harness.js';

/** One `/skills` line as each surface receives it: typed on the console and in Slack, options on Discord. */
interface Line {
  readonly op: string;
  /** The person mentioned, by handle. */
  readonly who?: string;
  /** What follows the person (skills, a role, another identity). */
  readonly rest?: string;
}

/** Each surface's parser, returning the command with the target as a handle so the three compare equal. */
type Surface = (line: Line) => Result<SkillsCommand>;

const slackPeople = new SlackPeople({} as webApi.WebClient, testHelpdesk().helpdesk, silentLogger, { cacheSize: 10, cacheTtlMs: 1000, lookupDeadlineMs: 10 });
const userIds: Record<string, string> = { maya: '100000000000000001', newbie: '100000000000000002' };

const surfaces: Record<string, Surface> = {
  console: ({ op, who, rest }) => {
    const text = [op, who ? `@${who}` : '', rest ?? ''].filter(Boolean).join(' ');
    return parseSkillsCommand(text, consoleMention, consoleMentionName);
  },
  slack: ({ op, who, rest }) => {
    const text = [op, who ? `<@U${who.toUpperCase()}|${who}>` : '', rest ?? ''].filter(Boolean).join(' ');
    return parseSkillsCommand(text, slackPeople.mentionResolver('T1'), slackMentionName);
  },
  discord: ({ op, who, rest }) => {
    const user = who ? { id: userIds[who] ?? '100000000000000009', bot: false, username: who, globalName: null } : null;
    const option = op === 'role' ? 'role' : op === 'link' ? 'identity' : 'skills';
    const options = {
      getSubcommand: () => op,
      getUser: () => user,
      getString: (name: string) => (name === option ? (rest ?? null) : null),
    };
    return discordCommand({ options } as unknown as Pick<ChatInputCommandInteraction, 'options'>);
  },
};

/** Identities differ per platform; the handle they came from is what the table names. */
function normalized(r: Result<SkillsCommand>): unknown {
  if (!r.ok) return { error: r.error.code };
  const c = r.value as SkillsCommand & { targetName?: string };
  const { target, targetName, ...rest } = c;
  return { ...rest, target: target === null ? null : (targetName ?? 'someone') };
}

const table: readonly { line: Line; expected: unknown }[] = [
  { line: { op: 'list' }, expected: { op: 'list', target: null } },
  { line: { op: 'list', who: 'maya' }, expected: { op: 'list', target: 'maya' } },
  { line: { op: 'add', who: 'maya', rest: 'vpn, networking' }, expected: { op: 'add', target: 'maya', skills: ['vpn', 'networking'] } },
  { line: { op: 'add', who: 'maya' }, expected: { error: 'INPUT.BAD_COMMAND' } },
  { line: { op: 'remove', who: 'maya', rest: 'vpn' }, expected: { op: 'remove', target: 'maya', skills: ['vpn'] } },
  { line: { op: 'set', who: 'maya', rest: 'printers' }, expected: { op: 'set', target: 'maya', skills: ['printers'] } },
  { line: { op: 'set', who: 'maya' }, expected: { error: 'INPUT.BAD_COMMAND' } },
  { line: { op: 'set', who: 'maya', rest: 'none' }, expected: { op: 'set', target: 'maya', skills: [] } },
  { line: { op: 'set', who: 'maya', rest: 'vpn, none' }, expected: { error: 'INPUT.BAD_COMMAND' } },
  { line: { op: 'role', who: 'maya', rest: 'moderator' }, expected: { op: 'role', target: 'maya', role: 'moderator' } },
  { line: { op: 'role', who: 'maya', rest: 'boss' }, expected: { error: 'INPUT.BAD_COMMAND' } },
  { line: { op: 'away' }, expected: { op: 'away', target: null } },
  { line: { op: 'back', who: 'maya' }, expected: { op: 'back', target: 'maya' } },
  { line: { op: 'link', who: 'maya', rest: 'slack:T1:U1' }, expected: { op: 'link', target: 'maya', other: 'slack:T1:U1' } },
  { line: { op: 'link', who: 'maya', rest: 'maya@example.com' }, expected: { op: 'link', target: 'maya', other: 'maya@example.com' } },
  { line: { op: 'link', who: 'maya' }, expected: { error: 'INPUT.BAD_COMMAND' } },
  { line: { op: 'juggle', who: 'maya' }, expected: { error: 'INPUT.BAD_COMMAND' } },
];

describe('/skills: one grammar on every surface', () => {
  for (const [name, parse] of Object.entries(surfaces)) {
    it.each(table)(`${name}: $line.op $line.who $line.rest`, ({ line, expected }) => {
      expect(normalized(parse(line))).toEqual(expected);
    });
  }
});

describe('/skills: who is added is decided in core, the same on every surface', () => {
  async function setup() {
    const t = testHelpdesk({ settings: { adminIdentities: ['console:root'] } });
    const root = await t.helpdesk.identify({ identity: 'console:root', displayName: 'root' });
    const alice = await t.helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!root.ok || !alice.ok) throw new Error('setup');
    return { ...t, root: root.value, alice: alice.value };
  }
  const command = (surface: Surface, line: Line): SkillsCommand => {
    const parsed = surface(line);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const identityOf = (c: SkillsCommand): string => {
    if (c.target === null) throw new Error('no target');
    return c.target;
  };

  for (const [name, surface] of Object.entries(surfaces)) {
    it(`${name}: an admin granting skills or a role adds someone new; list, remove, away, link, a non-admin or an unknown skill add nobody`, async () => {
      const { helpdesk, store, root, alice } = await setup();
      const count = async () => (await store.listPeople({ limit: 100 })).length;
      const before = await count();
      const refusals: [Person, Line][] = [
        [root, { op: 'list', who: 'newbie' }],
        [root, { op: 'remove', who: 'newbie', rest: 'vpn' }],
        [root, { op: 'away', who: 'newbie' }],
        [root, { op: 'link', who: 'newbie', rest: 'slack:T9:U9' }],
        [root, { op: 'add', who: 'newbie', rest: 'basket-weaving' }],
        [alice, { op: 'add', who: 'newbie', rest: 'vpn' }],
        [alice, { op: 'role', who: 'newbie', rest: 'moderator' }],
      ];
      for (const [actor, line] of refusals) {
        const r = await helpdesk.skills(actor, command(surface, line));
        expect(r.ok, `${line.op} by ${actor.displayName}`).toBe(false);
      }
      expect(await count()).toBe(before);

      const added = command(surface, { op: 'add', who: 'newbie', rest: 'vpn' });
      const r = await helpdesk.skills(root, added);
      expect(r.ok && r.value.message).toBe('newbie — moderator, available, 0 open — vpn (made a moderator so tickets can reach them)');
      expect(r.ok && r.value.added).toBe(true);
      const newbie = await store.findPersonByIdentity(identityOf(added));
      expect(newbie).toMatchObject({ displayName: 'newbie', role: 'moderator', skills: ['vpn'] });
      // Known now: the next command finds them and adds nobody.
      const again = await helpdesk.skills(root, command(surface, { op: 'list', who: 'newbie' }));
      expect(again.ok && again.value.added).toBeFalsy();
      expect(await count()).toBe(before + 1);
    });
  }
});
