import type { Person } from './domain/person.js';
import type { HelpdeskDeps } from './usecases/deps.js';
import { autoAssign } from './usecases/assign-ticket.js';
import { fileTicket, type FileTicketInput } from './usecases/file-ticket.js';
import { listWatchedChannels, unwatchChannel, watchChannel, withdrawTicket, type ChannelInput, type WithdrawInput } from './usecases/intake.js';
import { listTickets, type TicketFilters } from './usecases/list-tickets.js';
import { ticketByRef } from './usecases/mutate.js';
import { ensureConfiguredAdmins, identify, type IdentifyInput } from './usecases/people.js';
import { linkIdentity, type LinkIdentityInput } from './usecases/link-identity.js';
import { actAsPlatformAdmin, demoteStoredPlatformAdmins } from './usecases/platform-admin.js';
import { runSkillsCommand, type SkillsCommand } from './usecases/skills-admin.js';
import { postMessage, reassignTicket, reopenTicket, resolveTicket, startTicket, type TicketAction } from './usecases/ticket-actions.js';
import { triageTicket } from './usecases/triage-ticket.js';
import { correctTriage, type CorrectTriageInput } from './usecases/correct-triage.js';
import { ticketCard, triageForm } from './usecases/triage-form.js';
import { allWorkflows } from './workflows/index.js';
import { holdTicket, rateTicket } from './usecases/lifecycle.js';
import { rearmTimersAfterEngineSwitch } from './usecases/rearm-timers.js';
import { helpdeskStats, type StatsInput } from './usecases/stats.js';
import type { Rating } from './domain/ticket.js';
import { claimTicket } from './usecases/claim-ticket.js';
import { addNote } from './usecases/notes.js';
import { addSavedReply, listSavedReplies, removeSavedReply, sendSavedReply } from './usecases/saved-replies.js';
import { listAudit } from './usecases/audit-log.js';
import { dashboardCommand, dashboardSession, issueDashboardLink, logoutEverywhere, signInWithLink, signOut } from './usecases/dashboard-session.js';
import { displayNames, ticketsPerDay, ticketTranscript } from './usecases/dashboard-views.js';

/**
 * The helpdesk's use cases bound to their ports. Every surface (console,
 * Slack, Discord) calls these with plain input; none of them sees another's
 * interaction objects.
 */
export class Helpdesk {
  /** The ports stay inside: surfaces call use cases and the read queries below, never the store. */
  constructor(private readonly deps: HelpdeskDeps) {}

  identify = (input: IdentifyInput) => identify(this.deps, input);
  /** Stores the admins named in the configuration, so they are reachable before they ever spoke. */
  ensureConfiguredAdmins = () => ensureConfiguredAdmins(this.deps);
  fileTicket = (input: FileTicketInput) => fileTicket(this.deps, input);
  triageTicket = (ticketId: string) => triageTicket(this.deps, ticketId);
  correctTriage = (input: CorrectTriageInput) => correctTriage(this.deps, input);
  /** What an "Edit triage" form offers for a ticket (the helpdesk's skills, categories, priorities), if the actor may change it. */
  triageForm = (input: { ticketId: string; actorId: string }) => triageForm(this.deps, input);
  /** A ticket with its requester and assignee, to redraw a moderator card after a change. */
  ticketCard = (ticketId: string) => ticketCard(this.deps, ticketId);
  assignTicket = (ticketId: string) => autoAssign(this.deps, ticketId, { actorId: null, initial: true });
  startTicket = (input: TicketAction) => startTicket(this.deps, input);
  resolveTicket = (input: TicketAction & { note: string }) => resolveTicket(this.deps, input);
  reopenTicket = (input: TicketAction) => reopenTicket(this.deps, input);
  reassignTicket = (input: TicketAction & { to: string | null }) => reassignTicket(this.deps, input);
  postMessage = (input: TicketAction & { text: string }) => postMessage(this.deps, input);
  listTickets = (viewer: Person, filters: TicketFilters) => listTickets(this.deps, viewer, filters);
  ticketByRef = (ref: number) => ticketByRef(this.deps, ref);
  /** Runs a `/skills` command; role, skill and availability changes are audited with the change. */
  skills = (actor: Person, command: SkillsCommand) => runSkillsCommand(this.deps, actor, command);
  /** Staff take a ticket from the queue (or from an admin holding it as fallback); a lost race names the winner. */
  claimTicket = (input: TicketAction) => claimTicket(this.deps, input);
  /** A staff-only note on the ticket; never reaches the requester. */
  addNote = (input: TicketAction & { text: string }) => addNote(this.deps, input);
  addSavedReply = (input: { actorId: string; name: string; text: string }) => addSavedReply(this.deps, input);
  listSavedReplies = (input: { actorId: string }) => listSavedReplies(this.deps, input);
  removeSavedReply = (input: { actorId: string; name: string }) => removeSavedReply(this.deps, input);
  /** Sends a saved reply on a ticket as the staff member, like postMessage. */
  sendSavedReply = (input: TicketAction & { name: string }) => sendSavedReply(this.deps, input);
  /** Admins read the audit record; `involving` is a person id. */
  listAudit = (input: { actorId: string; involving?: string | null; page?: number }) => listAudit(this.deps, input);
  linkIdentity = (actor: Person, input: LinkIdentityInput) => linkIdentity(this.deps, actor, input);
  /** The person with admin rights for this one call, because their platform vouches for it now; never stored. */
  actAsPlatformAdmin = (person: Person, source: string) => actAsPlatformAdmin(person, source);
  /** Once per platform: admin rights an earlier version stored from a platform role become a user again. */
  demoteStoredPlatformAdmins = (platform: string) => demoteStoredPlatformAdmins(this.deps, platform);
  /** Support channels: an admin watches a channel whose new posts become tickets. */
  watchChannel = (actor: Person, input: ChannelInput) => watchChannel(this.deps, actor, input);
  unwatchChannel = (actor: Person, input: Omit<ChannelInput, 'name'>) => unwatchChannel(this.deps, actor, input);
  listWatchedChannels = (actor: Person, platform: string) => listWatchedChannels(this.deps, actor, platform);
  /** Whether new posts in this channel are filed (no permission check: it is asked for every message). */
  watchedChannel = (platform: string, channelId: string) => this.deps.store.getWatchedChannel(platform, channelId);
  /** "Not a ticket": the author or staff withdraws a ticket filed from a message, leaving no trace in the queue. */
  withdrawTicket = (input: WithdrawInput) => withdrawTicket(this.deps, input);
  /** Staff turn waiting-on-requester nudges and auto-close off (`on: true`) or back on for one ticket. */
  holdTicket = (input: TicketAction & { on: boolean }) => holdTicket(this.deps, input);
  /** The requester rates the latest resolution; rating again replaces it. */
  rateTicket = (input: TicketAction & { rating: Rating; comment?: string }) => rateTicket(this.deps, input);
  /** At start-up: timers set by another engine are set again on this one (see docs/runner.md). */
  rearmTimers = (engine: string) => rearmTimersAfterEngineSwitch(this.deps, engine);
  /** `/stats`: admins for everyone, moderators for themselves. */
  stats = (viewer: Person, input: StatsInput) => helpdeskStats(this.deps, viewer, input);
  /** The `/dashboard [logout-everywhere]` chat command on every surface; the reply is private. */
  dashboardCommand = (input: { actorId: string; text: string }) => dashboardCommand(this.deps, input);
  /** `/dashboard`: a private one-time sign-in link for the web dashboard. */
  dashboardLink = (input: { actorId: string }) => issueDashboardLink(this.deps, input);
  /** Spends a sign-in link and opens a session; returns the cookie's secret. */
  signInWithLink = (token: string) => signInWithLink(this.deps, token);
  /** Who a dashboard session cookie belongs to, with its form token; null when signed out or idle. */
  dashboardSession = (sessionSecret: string) => dashboardSession(this.deps, sessionSecret);
  signOut = (sessionSecret: string) => signOut(this.deps, sessionSecret);
  /** `/dashboard logout-everywhere`. */
  logoutEverywhere = (input: { actorId: string }) => logoutEverywhere(this.deps, input);
  /** A ticket's full transcript as the viewer may see it, with the actions offered; others' tickets are "not found". */
  ticketTranscript = (viewer: Person, ref: number) => ticketTranscript(this.deps, viewer, ref);
  /** Display names by person id, for lists. */
  displayNames = (ids: Iterable<string | null>) => displayNames(this.deps, ids);
  /** Tickets filed per day (admins: all; moderators: their own). */
  ticketsPerDay = (viewer: Person, days: number) => ticketsPerDay(this.deps, viewer, days);
  workflows = () => allWorkflows(this.deps);

  // Read queries for surfaces, which never reach the store or the other ports themselves.
  /** The person with this id, or null. */
  personById = (id: string) => this.deps.store.getPerson(id);
  /** The person behind a platform identity (`slack:T1:U1`), or null; nobody is created. */
  personByIdentity = (identity: string) => this.deps.store.findPersonByIdentity(identity);
  /** The ticket with this id, or null (no permission check: surfaces show it only through the use cases' rules). */
  ticketById = (id: string) => this.deps.store.getTicket(id);
  /** Moderators and admins, for reassignment pickers. */
  staff = () => this.deps.store.listPeople({ roles: ['moderator', 'admin'], limit: 200 });
  /** A skill name as the catalog knows it (`VPN` → `vpn`), or null. */
  normalizeSkill = (name: string) => this.deps.catalog.normalize(name);
  /** Skills starting with or resembling `prefix`, for autocompletion. */
  suggestSkills = (prefix: string, limit: number) => this.deps.catalog.suggest(prefix, limit);
  /** The helpdesk's skills with their descriptions and desks. */
  skillDefinitions = () => this.deps.catalog.definitions();
  /** The helpdesk's clock. */
  now = () => this.deps.clock.now();
  /** Whether the configuration names this identity as an admin (HELPDESK_ADMINS). */
  isConfiguredAdmin = (identity: string) => this.deps.settings.adminIdentities.includes(identity);
}
