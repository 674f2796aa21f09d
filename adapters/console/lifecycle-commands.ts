import { formatRef, STATS_USAGE, type Helpdesk, type HelpdeskStats, type Person, type Result, type Ticket } from '../../core/index.js';
import { statsBacklog, statsDuration, statsShare } from '../../core/usecases/stats-figures.js';
import { nameMap } from './format.js';
import type { Mention } from './staff-commands.js';

export const LIFECYCLE_HELP = [
  '  /hold #n [off]                    staff: no nudges or auto-close while waiting for the requester (off: back on)',
  '  /rate #n good|bad [comment]       requester: rate the resolution 👍 or 👎 (rating again changes it)',
];

/** `/hold #n [off]`: the console's switch for waiting-on-requester timers. */
export async function holdCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, args: readonly string[]): Promise<Result<string>> {
  const off = args[0]?.toLowerCase() === 'off';
  const result = await helpdesk.holdTicket({ ticketId: ticket.id, actorId: actor.id, on: !off });
  if (!result.ok) return result;
  return {
    ok: true,
    value: off
      ? `${formatRef(ticket.ref)} is off hold: the requester is nudged and the ticket closes itself again when they do not answer.`
      : `${formatRef(ticket.ref)} is on hold: no nudges or auto-close while it waits for the requester. /hold ${formatRef(ticket.ref)} off to undo.`,
  };
}

/** `/rate #n good|bad [comment]`. */
export async function rateCommand(helpdesk: Helpdesk, actor: Person, ticket: Ticket, args: readonly string[]): Promise<Result<string>> {
  const word = (args[0] ?? '').toLowerCase();
  const rating = ['good', 'up', '👍', '+'].includes(word) ? 'good' : ['bad', 'down', '👎', '-'].includes(word) ? 'bad' : null;
  if (rating === null) return { ok: false, error: { kind: 'domain-error', code: 'INPUT.BAD_COMMAND', message: `Usage: /rate ${formatRef(ticket.ref)} good|bad [comment]` } };
  const comment = args.slice(1).join(' ');
  const result = await helpdesk.rateTicket({ ticketId: ticket.id, actorId: actor.id, rating, ...(comment ? { comment } : {}) });
  if (!result.ok) return result;
  return { ok: true, value: `Thanks! You rated ${formatRef(ticket.ref)} ${rating === 'good' ? '👍' : '👎'}.${rating === 'bad' ? ` Not solved? /reopen ${formatRef(ticket.ref)}` : ''}` };
}

export const STATS_HELP = `  ${STATS_USAGE.padEnd(34)}admins: how the helpdesk is doing (moderators: their own tickets)`;

/** `/stats [7d|30d|90d] [skill:<name>] [@moderator]`. */
export async function statsCommand(helpdesk: Helpdesk, actor: Person, args: readonly string[], toIdentity: Mention): Promise<Result<string>> {
  let period: string | undefined;
  let skill: string | undefined;
  let mention: string | undefined;
  for (const arg of args) {
    if (arg.toLowerCase().startsWith('skill:')) skill = arg.slice('skill:'.length);
    else if (arg.startsWith('@')) mention = arg;
    else period = arg;
  }
  let moderatorId: string | undefined;
  if (mention) {
    const identity = toIdentity(mention);
    const person = identity ? await helpdesk.personByIdentity(identity) : null;
    if (!person) return { ok: false, error: { kind: 'domain-error', code: 'PERSON.UNKNOWN_HANDLE', message: `I don't know anyone called ${mention.slice(0, 40)}.` } };
    moderatorId = person.id;
  }
  const stats = await helpdesk.stats(actor, { ...(period ? { period } : {}), ...(skill ? { skill } : {}), ...(moderatorId ? { moderatorId } : {}) });
  if (!stats.ok) return stats;
  return { ok: true, value: formatStats(stats.value, await nameMap(helpdesk, stats.value.perModerator.map((m) => m.assigneeId))) };
}

/** The stats as console text. Durations are business time when business hours are configured. */
export function formatStats(s: HelpdeskStats, names: ReadonlyMap<string, string>): string {
  const scope = [s.skill ? `skill ${s.skill}` : null, s.moderatorId ? (names.get(s.moderatorId) ?? 'one moderator') : null].filter(Boolean).join(', ');
  const rated = s.good + s.bad;
  const lines = [
    `Stats for the last ${s.days} days${scope ? ` (${scope})` : ''}:`,
    `  Tickets in: ${s.created} · out: ${s.resolved}`,
    `  Backlog: ${statsBacklog(s.backlogByPriority)}${s.backlogBySkill.length ? ` · by skill: ${s.backlogBySkill.slice(0, 8).map((b) => `${b.skill} ${b.count}`).join(', ')}` : ''}`,
    `  First response: median ${statsDuration(s.firstResponse.p50)}, p90 ${statsDuration(s.firstResponse.p90)} (${s.firstResponse.count} tickets)`,
    `  Resolution: median ${statsDuration(s.resolution.p50)}, p90 ${statsDuration(s.resolution.p90)} (${s.resolution.count} tickets)`,
    `  SLA breached: ${statsShare(s.breached, s.created)} · reopened: ${statsShare(s.reopened, s.resolved)} · satisfaction: ${rated ? `${statsShare(s.good, rated)} 👍 (${s.good} 👍, ${s.bad} 👎)` : 'no ratings yet'}`,
  ];
  if (s.perModerator.length) {
    lines.push('  Per moderator (resolved · median resolution · breached · 👍/👎):');
    for (const m of s.perModerator.slice(0, 20)) lines.push(`    ${names.get(m.assigneeId) ?? m.assigneeId}: ${m.resolved} · ${statsDuration(m.resolution.p50)} · ${m.breached} · ${m.good}/${m.bad}`);
  }
  return lines.join('\n');
}
