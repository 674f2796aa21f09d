import {
  Errors, FILTER_HELP, canView, parseTriageCorrection, SKILLS_USAGE, formatRef, parseRef, parseSkillsCommand, splitTicketText, viewOf,
  type Helpdesk, type Person, type Result, type Ticket,
} from '../../core/index.js';
import { nameMap, ticketDetails } from './format.js';
import { auditCommand, claimCommand, listCommand, noteCommand, REPLIES_USAGE, repliesCommand, replyCommand } from './staff-commands.js';
import { HANDLE_PATTERN } from './output.js';
import { holdCommand, LIFECYCLE_HELP, rateCommand, STATS_HELP, statsCommand } from './lifecycle-commands.js';

export const HELP = [
  'Each line is: @<handle> <what that person types>. People are created on first use.',
  'Commands:',
  '  /ticket <title> | <description>   file a ticket (without |, the text is both)',
  '  /tickets [filters]                list tickets. ' + FILTER_HELP,
  '  /show #n                          one ticket with its history',
  '  /start #n · /resolve #n <note> · /reassign #n [@someone] · /reopen #n',
  '  /say #n <message>                 talk to the other side of a ticket',
  '  /claim #n                         staff: take a ticket from the queue',
  '  /note #n <text>                   staff: internal note, never shown to the requester',
  '  /reply #n <name>                  staff: send a saved reply. ' + REPLIES_USAGE,
  '  /audit [@someone] [page:n]        admins: who did what',
  '  /dashboard [logout-everywhere]    a private sign-in link to the web dashboard (or end all its sessions)',
  '  /triage #n priority:high skills:vpn,networking category:network   change the triage (assignee or admin)',
  ...LIFECYCLE_HELP,
  STATS_HELP,
  '  /skills …                         admins manage moderators:',
  ...SKILLS_USAGE.split('\n').map((l) => `    ${l}`),
  '  /help',
].join('\n');

/** Resolves `@bob` to `console:bob`; anything else is not a mention. */
export function consoleMention(token: string): string | null {
  if (!token.startsWith('@')) return null;
  const handle = token.slice(1).toLowerCase();
  return HANDLE_PATTERN.test(handle) ? `console:${handle}` : null;
}

/** `@bob` → `bob`: the name someone new gets when an admin names them. */
export function consoleMentionName(token: string): string | null {
  return consoleMention(token)?.slice('console:'.length) ?? null;
}

/**
 * Runs one console command for `actor` and returns the reply text. Every
 * command calls the same core use case a Slack or Discord button would.
 */
export async function runCommand(helpdesk: Helpdesk, actor: Person, text: string): Promise<Result<string>> {
  const [word = '', ...restWords] = text.trim().split(/\s+/);
  const rest = text.trim().slice(word.length).trim();
  const command = word.toLowerCase();
  switch (command) {
    case '/help':
      return { ok: true, value: HELP };
    case '/ticket':
      return fileFromText(helpdesk, actor, rest);
    case '/tickets':
      return listCommand(helpdesk, actor, rest, consoleMention);
    case '/claim':
      return withTicket(helpdesk, restWords[0] ?? '', (t) => claimCommand(helpdesk, actor, t));
    case '/note':
      return withTicket(helpdesk, restWords[0] ?? '', (t) => noteCommand(helpdesk, actor, t, rest.slice((restWords[0] ?? '').length)));
    case '/reply':
      return withTicket(helpdesk, restWords[0] ?? '', (t) => replyCommand(helpdesk, actor, t, rest.slice((restWords[0] ?? '').length).trim()));
    case '/replies':
      return repliesCommand(helpdesk, actor, rest);
    case '/dashboard':
      return helpdesk.dashboardCommand({ actorId: actor.id, text: rest });
    case '/audit':
      return auditCommand(helpdesk, actor, rest, consoleMention);
    case '/show':
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => {
        const view = viewOf(actor, t);
        if (!canView(actor, t)) return Errors.ticketNotFound(t.ref);
        return { ok: true, value: ticketDetails(view, await nameMap(helpdesk, [t.requesterId, t.assigneeId, ...t.history.map((h) => ('actorId' in h ? h.actorId : null))])) };
      });
    case '/start':
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => done(await helpdesk.startTicket({ ticketId: t.id, actorId: actor.id }), (x) => `${formatRef(x.ref)} is now in progress.`));
    case '/resolve': {
      const note = rest.slice((restWords[0] ?? '').length).trim();
      return withTicket(helpdesk, restWords[0] ?? '', async (t) =>
        done(await helpdesk.resolveTicket({ ticketId: t.id, actorId: actor.id, note }), (x) => `${formatRef(x.ref)} resolved. The requester has been told.`),
      );
    }
    case '/reopen':
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => done(await helpdesk.reopenTicket({ ticketId: t.id, actorId: actor.id }), (x) => `${formatRef(x.ref)} reopened.`));
    case '/say': {
      const message = rest.slice((restWords[0] ?? '').length).trim();
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => done(await helpdesk.postMessage({ ticketId: t.id, actorId: actor.id, text: message }), (x) => `Sent on ${formatRef(x.ref)}.`));
    }
    case '/reassign':
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => {
        const target = restWords[1];
        let to: string | null = null;
        if (target !== undefined) {
          const identity = consoleMention(target);
          if (!identity) return { ok: false, error: { kind: 'domain-error', code: 'INPUT.BAD_COMMAND', message: `"${target.slice(0, 40)}" is not a @handle. Usage: /reassign #n [@someone]` } };
          const person = await helpdesk.personByIdentity(identity);
          if (!person) return Errors.unknownHandle(target);
          to = person.id;
        }
        const result = await helpdesk.reassignTicket({ ticketId: t.id, actorId: actor.id, to });
        if (!result.ok) return result;
        const assignee = result.value.assigneeId ? await helpdesk.personById(result.value.assigneeId) : null;
        return { ok: true, value: assignee ? `${formatRef(t.ref)} is now assigned to ${assignee.displayName}.` : `${formatRef(t.ref)} is unassigned: ${result.value.unassignedReason ?? 'nobody is available'}.` };
      });
    case '/hold':
      return withTicket(helpdesk, restWords[0] ?? '', (t) => holdCommand(helpdesk, actor, t, restWords.slice(1)));
    case '/stats':
      return statsCommand(helpdesk, actor, restWords, consoleMention);
    case '/rate':
      return withTicket(helpdesk, restWords[0] ?? '', (t) => rateCommand(helpdesk, actor, t, restWords.slice(1)));
    case '/skills':
      return skillsCommand(helpdesk, actor, rest);
    case '/triage':
      return withTicket(helpdesk, restWords[0] ?? '', async (t) => {
        const fields = parseTriageCorrection(rest.slice((restWords[0] ?? '').length));
        if (!fields.ok) return fields;
        const changed = await helpdesk.correctTriage({ ticketId: t.id, actorId: actor.id, ...fields.value });
        return done(changed, (x) => `${formatRef(x.ref)} is now ${x.priority}, ${x.category}, skills ${x.skills.join(', ') || 'none'}${x.assigneeId !== t.assigneeId ? '; it was reassigned by skill' : ''}.`);
      });
    default:
      return {
        ok: false,
        error: { kind: 'domain-error', code: 'INPUT.BAD_COMMAND', message: command.startsWith('/') ? `Unknown command ${command.slice(0, 30)}. Type /help for the list.` : 'Commands start with /. Type /help for the list.' },
      };
  }
}

async function fileFromText(helpdesk: Helpdesk, actor: Person, rest: string): Promise<Result<string>> {
  const { title, description } = splitTicketText(rest);
  const filed = await helpdesk.fileTicket({ requesterId: actor.id, title, description, origin: { platform: 'console' } });
  if (!filed.ok) return filed;
  return { ok: true, value: `Ticket ${formatRef(filed.value.ticket.ref)} filed — triaging…` };
}

async function skillsCommand(helpdesk: Helpdesk, actor: Person, rest: string): Promise<Result<string>> {
  // Who is added when named is decided by core, the same as in Slack and Discord.
  const parsed = parseSkillsCommand(rest, consoleMention, consoleMentionName);
  if (!parsed.ok) return parsed;
  const outcome = await helpdesk.skills(actor, parsed.value);
  return outcome.ok ? { ok: true, value: outcome.value.message } : outcome;
}

async function withTicket(helpdesk: Helpdesk, rawRef: string, fn: (t: Ticket) => Promise<Result<string>>): Promise<Result<string>> {
  const ref = parseRef(rawRef);
  if (ref === null) return rawRef ? Errors.badRef(rawRef) : { ok: false, error: { kind: 'domain-error', code: 'INPUT.BAD_REF', message: 'Say which ticket, like #12.' } };
  const ticket = await helpdesk.ticketByRef(ref);
  if (!ticket.ok) return ticket;
  return fn(ticket.value);
}

function done<T>(result: Result<T>, text: (v: T) => string): Result<string> {
  return result.ok ? { ok: true, value: text(result.value) } : result;
}
