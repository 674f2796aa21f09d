/**
 * `npm run --silent eval:triage -- <file.jsonl> [--predictions <out.jsonl>] [--model <model.json|none>]`
 *
 * Files every ticket of the file into a fresh in-memory helpdesk with the
 * evaluation roster (nine moderators, one per desk, and an admin), exactly
 * as a person would in the console (`/ticket <title> | <description>`, each
 * ticket by its own user), lets local triage and assignment run, and prints
 * routed_ok, admin_fallback, invented, priority_acc and high_recall. Bad
 * input exits with code 2 and names the line.
 */
import { runCommand } from '../adapters/console/index.js';
import { HelpdeskModel, LexicalSimilarIndex, LocalTriageEngine, readJsonl, ticketCommand, triageLineSchema, triageMetrics, type TriageDecision } from '../adapters/local-ai/index.js';
import { SkillCatalog, type Helpdesk, type Person } from '../core/index.js';
import { FakeClock } from '../core/testing/fakes.js';
import { testHelpdesk } from '../core/testing/harness.js';
import { runEvalCommand } from './eval-cli.js';

/** One moderator per desk, as the evaluation data's README describes the acceptance roster. */
export const EVAL_ROSTER: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['net', ['networking', 'vpn']],
  ['mail', ['email', 'accounts']],
  ['desk', ['hardware', 'printers', 'mobile-devices']],
  ['sec', ['security']],
  ['apps', ['software-install', 'windows', 'osx', 'linux', 'excel']],
  ['data', ['database']],
  ['people', ['hr']],
  ['office', ['facilities']],
  ['money', ['finance']],
];

async function say(helpdesk: Helpdesk, handle: string, text: string): Promise<string> {
  const who = await helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
  if (!who.ok) throw new Error(who.error.message);
  const result = await runCommand(helpdesk, who.value, text);
  if (!result.ok) throw new Error(`@${handle} ${text.slice(0, 60)}: ${result.error.message}`);
  return result.value;
}

runEvalCommand({ command: 'eval:triage', outputOption: 'predictions', outputPlaceholder: '<out.jsonl>', options: { model: '<model.json|none>' } }, async (file, options) => {
  const lines = readJsonl(file, triageLineSchema).map((r) => r.value);
  const catalog = new SkillCatalog();
  const clock = new FakeClock();
  // `--model` evaluates a model from `npm run train:helpdesk -- --out …`, or the words and rules alone (`none`).
  const modelOption = options.get('model');
  const model = modelOption === undefined ? undefined : modelOption === 'none' ? null : HelpdeskModel.load(modelOption);
  const { helpdesk, engine, store } = testHelpdesk({
    clock,
    triage: new LocalTriageEngine({ catalog, ...(model !== undefined ? { model } : {}) }),
    similar: new LexicalSimilarIndex(),
    settings: { adminIdentities: ['console:admin'], filingLimitPerMinute: 0 },
  });
  const problems: string[] = [];
  for (const [handle, skills] of EVAL_ROSTER) {
    try {
      await say(helpdesk, 'admin', `/skills set @${handle} ${skills.join(', ')}`);
    } catch (error) {
      problems.push(`roster: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const decisions: TriageDecision[] = [];
  for (const [i, line] of lines.entries()) {
    const reply = await say(helpdesk, `user${i + 1}`, ticketCommand(line));
    await engine.drain();
    const ref = Number(/#(\d+)/.exec(reply)?.[1]);
    const ticket = await store.getTicketByRef(ref);
    if (!ticket) throw new Error(`line ${i + 1}: the ticket was not filed (${reply})`);
    const assignee: Person | null = ticket.assigneeId ? await store.getPerson(ticket.assigneeId) : null;
    decisions.push({
      id: line.id,
      skills: ticket.skills,
      priority: ticket.priority,
      category: ticket.category,
      assignee: assignee ? { handle: assignee.displayName, role: assignee.role, skills: assignee.skills } : null,
      reason: ticket.history.findLast((h) => h.type === 'assigned' || h.type === 'reassigned' || h.type === 'unassigned')?.reason ?? null,
    } as TriageDecision);
    clock.advance(60_000);
  }
  const roster = new Set(await store.listStaffSkills());
  const m = triageMetrics(lines, decisions, catalog, roster);
  const f = (v: number) => v.toFixed(4);
  const output = () => decisions.map((d) => JSON.stringify(d));
  return {
    lines: [
      ...problems,
      `tickets ${m.tickets}, with gold skills ${m.routable}, with gold priority ${m.priorityScored} (HIGH ${m.highGold})`,
      `routed_ok       ${f(m.routedOk)}`,
      `admin_fallback  ${f(m.adminFallback)}`,
      `invented        ${f(m.invented)}`,
      `priority_acc    ${f(m.priorityAcc)}`,
      `high_recall     ${f(m.highRecall)}`,
    ],
    output,
  };
});
