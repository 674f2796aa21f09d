import type { IncomingMessage, ServerResponse } from 'node:http';
import { csrfTokenMatches, ErrorSink, isAdmin, isStaff, type DashboardSession, type Helpdesk, type Logger, type Result, type Ticket } from '../../core/index.js';
import { auditBody } from './audit-page.js';
import { csvDocument, csvRow } from './csv.js';
import { html, type Html } from './html.js';
import { BodyTooLarge, toWebRequest, writeWebResponse, type WebRequest, type WebResponse } from './http.js';
import { notice, page, STYLESHEET } from './layout.js';
import { queueBody, queueFilters, queueParams } from './queue-page.js';
import { PERIODS, statsBody } from './stats-page.js';
import { ticketBody } from './ticket-page.js';

export const SESSION_COOKIE = 'helpdesk_session';
/** The CSV export stops here; narrower filters export the rest. */
export const CSV_MAX_ROWS = 10_000;

export interface DashboardOptions {
  readonly helpdesk: Helpdesk;
  /** Cookies only over HTTPS (PUBLIC_URL is https). */
  readonly secureCookies: boolean;
  readonly logger: Logger;
}

const DONE: Readonly<Record<string, string>> = {
  claim: 'You took the ticket. The requester has been told.',
  start: 'The ticket is in progress.',
  resolve: 'Resolved. The requester has been told.',
  reassign: 'Reassigned.',
  note: 'Internal note added.',
  triage: 'Triage saved.',
};

const SIGN_IN_HINT = 'Type /dashboard in Slack, Discord or the console: the bot answers privately with a sign-in link.';

/**
 * The web dashboard: server-rendered pages over the same use cases as the
 * chat surfaces, behind a session cookie opened by a one-time link from
 * chat. Every form posts a token bound to the session.
 */
export class WebDashboard {
  private readonly errors: ErrorSink;

  constructor(private readonly options: DashboardOptions) {
    this.errors = new ErrorSink({ logger: options.logger, surface: 'web dashboard' });
  }

  /** The node listener for the bot's HTTP server. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    toWebRequest(req)
      .then((request) => this.handle(request))
      .catch((error: unknown) => (error instanceof BodyTooLarge ? this.text(413, 'That form is too large.') : this.failure(error, req.url ?? '')))
      .then((response) => writeWebResponse(res, response))
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'web dashboard response failed');
        res.destroy();
      });
  };

  /** One request to one response; tests call it directly. */
  async handle(req: WebRequest): Promise<WebResponse> {
    try {
      return await this.route(req);
    } catch (error) {
      return this.failure(error, req.path);
    }
  }

  private async route(req: WebRequest): Promise<WebResponse> {
    const { helpdesk } = this.options;
    if (req.path === '/assets/dashboard.css' && req.method === 'GET') return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: STYLESHEET };
    // Forms posted from another site are refused before anything else (the session's form token is checked too).
    if (req.method === 'POST' && (req.fetchSite === 'cross-site' || req.fetchSite === 'same-site'))
      return this.page(403, 'Refused', null, html`<h1>Refused</h1>${notice('error', 'That form was sent from another site. Open the dashboard and try again there.')}`);
    if (req.path === '/login') return req.method === 'POST' ? this.signIn(req) : this.loginPage(req);
    const secret = req.cookies[SESSION_COOKIE] ?? '';
    const session = secret ? await helpdesk.dashboardSession(secret) : null;
    if (!session) return this.page(401, 'Sign in', null, html`<h1>Sign in</h1><p class="card">${SIGN_IN_HINT}</p>`, { 'set-cookie': this.cookie('', 0) });
    if (req.method === 'POST') {
      if (!csrfTokenMatches(session, req.form.get('csrf') ?? undefined))
        return this.page(403, 'Form expired', session, html`<h1>That form has expired</h1>${notice('error', 'The form did not come from this dashboard session. Reload the page and try again.')}`);
      if (req.path === '/logout') {
        await helpdesk.signOut(secret);
        return { status: 303, headers: { location: '/login', 'set-cookie': this.cookie('', 0) }, body: '' };
      }
      const action = /^\/tickets\/(\d{1,9})\/(claim|start|resolve|reassign|note|triage)$/.exec(req.path);
      if (action) return this.act(session, Number(action[1]), action[2] ?? '', req.form);
      return this.notFound(session);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.text(405, 'method not allowed');
    if (req.path === '/') return this.queue(session, req);
    if (req.path === '/export.csv') return this.csv(session, req);
    if (req.path === '/stats') return this.stats(session, req);
    if (req.path === '/audit') return this.audit(session, req);
    const ticket = /^\/tickets\/(\d{1,9})$/.exec(req.path);
    if (ticket) return this.ticket(session, Number(ticket[1]), { done: DONE[req.query.get('done') ?? ''] ?? null });
    return this.notFound(session);
  }

  private loginPage(req: WebRequest): WebResponse {
    const token = (req.query.get('token') ?? '').slice(0, 200);
    // Opening the link only shows a button: link previews in chat fetch the address and must not spend it.
    const body = token
      ? html`<h1>Sign in to the helpdesk</h1><form class="card" method="post" action="/login"><input type="hidden" name="token" value="${token}"><p>This link works once and for ten minutes.</p><button type="submit">Sign in</button></form>`
      : html`<h1>Sign in</h1><p class="card">${SIGN_IN_HINT}</p>`;
    return this.page(200, 'Sign in', null, body);
  }

  private async signIn(req: WebRequest): Promise<WebResponse> {
    const signed = await this.options.helpdesk.signInWithLink(req.form.get('token') ?? '');
    if (!signed.ok) return this.page(400, 'Sign-in link refused', null, html`<h1>Sign-in link refused</h1>${notice('error', signed.error.message)}`);
    return { status: 303, headers: { location: '/', 'set-cookie': this.cookie(signed.value.sessionSecret) }, body: '' };
  }

  private async queue(session: DashboardSession, req: WebRequest): Promise<WebResponse> {
    const { helpdesk } = this.options;
    const params = queueParams(req.query);
    const filters = queueFilters(helpdesk, params);
    const listed = filters.ok ? await helpdesk.listTickets(session.person, filters.value) : filters;
    const names = listed.ok ? await helpdesk.displayNames(listed.value.tickets.flatMap((t) => [t.requesterId, t.assigneeId])) : {};
    const body = queueBody({ viewer: session.person, params, listed, names, now: helpdesk.now() });
    return this.page(listed.ok ? 200 : 400, 'Tickets', session, body, {}, 'queue');
  }

  private async csv(session: DashboardSession, req: WebRequest): Promise<WebResponse> {
    const { helpdesk } = this.options;
    const params = queueParams(req.query);
    const rows: string[] = [];
    const tickets: Ticket[] = [];
    for (let p = 1; tickets.length < CSV_MAX_ROWS; p++) {
      const filters = queueFilters(helpdesk, params, { limit: 100, page: p });
      if (!filters.ok) return this.text(400, filters.error.message);
      const listed = await helpdesk.listTickets(session.person, filters.value);
      if (!listed.ok) return this.text(400, listed.error.message);
      tickets.push(...listed.value.tickets);
      if (p >= listed.value.pages) break;
    }
    const names = await helpdesk.displayNames(tickets.flatMap((t) => [t.requesterId, t.assigneeId]));
    for (const t of tickets.slice(0, CSV_MAX_ROWS)) rows.push(csvRow(t, names));
    return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="tickets.csv"' }, body: csvDocument(rows) };
  }

  private async ticket(session: DashboardSession, ref: number, flash: { error?: string | null; done?: string | null }, status = 200): Promise<WebResponse> {
    const t = await this.options.helpdesk.ticketTranscript(session.person, ref);
    if (!t.ok) return this.notFound(session);
    return this.page(status, `#${ref} ${t.value.ticket.title}`, session, ticketBody(t.value, { csrf: session.csrfToken, ...flash }), {}, 'queue');
  }

  private async act(session: DashboardSession, ref: number, action: string, form: URLSearchParams): Promise<WebResponse> {
    const { helpdesk } = this.options;
    const t = await helpdesk.ticketTranscript(session.person, ref);
    if (!t.ok) return this.notFound(session);
    const input = { ticketId: t.value.ticket.id, actorId: session.person.id };
    const field = (name: string) => (form.get(name) ?? '').slice(0, 8000);
    let result: Result<unknown>;
    switch (action) {
      case 'claim':
        result = await helpdesk.claimTicket(input);
        break;
      case 'start':
        result = await helpdesk.startTicket(input);
        break;
      case 'resolve':
        result = await helpdesk.resolveTicket({ ...input, note: field('note') });
        break;
      case 'reassign':
        result = await helpdesk.reassignTicket({ ...input, to: field('to') || null });
        break;
      case 'note':
        result = await helpdesk.addNote({ ...input, text: field('text') });
        break;
      default: {
        const skills = field('skills').split(',').map((s) => s.trim()).filter(Boolean);
        result = await helpdesk.correctTriage({ ...input, priority: field('priority'), category: field('category'), skills });
      }
    }
    if (!result.ok) return this.ticket(session, ref, { error: result.error.message }, 409);
    return { status: 303, headers: { location: `/tickets/${ref}?done=${action}` }, body: '' };
  }

  private async stats(session: DashboardSession, req: WebRequest): Promise<WebResponse> {
    const { helpdesk } = this.options;
    if (!isStaff(session.person)) return this.page(403, 'Stats', session, html`<h1>Stats</h1>${notice('error', 'Only moderators and admins see the stats.')}`, {}, 'stats');
    const asked = Number(req.query.get('days') ?? 30);
    const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30;
    const [stats, perDay] = await Promise.all([helpdesk.stats(session.person, { period: `${days}d` }), helpdesk.ticketsPerDay(session.person, days)]);
    if (!stats.ok || !perDay.ok) return this.page(400, 'Stats', session, html`<h1>Stats</h1>${notice('error', !stats.ok ? stats.error.message : !perDay.ok ? perDay.error.message : '')}`, {}, 'stats');
    const names = await helpdesk.displayNames(stats.value.perModerator.map((m) => m.assigneeId));
    return this.page(200, 'Stats', session, statsBody({ days, stats: stats.value, perDay: perDay.value, names }), {}, 'stats');
  }

  private async audit(session: DashboardSession, req: WebRequest): Promise<WebResponse> {
    const { helpdesk } = this.options;
    if (!isAdmin(session.person)) return this.notFound(session);
    const n = Number(req.query.get('page') ?? 1);
    const listed = await helpdesk.listAudit({ actorId: session.person.id, page: Number.isInteger(n) && n > 0 ? Math.min(n, 10_000) : 1 });
    if (!listed.ok) return this.notFound(session);
    const names = await helpdesk.displayNames(listed.value.entries.map((e) => e.actorId));
    return this.page(200, 'Audit log', session, auditBody({ audit: listed.value, names }), {}, 'audit');
  }

  private notFound(session: DashboardSession | null): WebResponse {
    return this.page(404, 'Not found', session, html`<h1>Not found</h1><p class="card">There is nothing here, or nothing you may see. <a href="/">Back to the tickets</a></p>`);
  }

  private failure(error: unknown, where: string): WebResponse {
    const message = this.errors.text(error, where);
    return this.page(500, 'Something went wrong', null, html`<h1>Something went wrong</h1>${notice('error', message)}`);
  }

  private page(status: number, title: string, session: DashboardSession | null, body: Html, headers: Record<string, string> = {}, section: 'queue' | 'stats' | 'audit' | 'none' = 'none'): WebResponse {
    const doc = page({ title, person: session?.person ?? null, csrf: session?.csrfToken ?? '', section, body });
    return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: doc.value };
  }

  private text(status: number, body: string): WebResponse {
    return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
  }

  private cookie(value: string, maxAge?: number): string {
    const attrs = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(this.options.secureCookies ? ['Secure'] : []), ...(maxAge !== undefined ? [`Max-Age=${maxAge}`] : [])];
    return attrs.join('; ');
  }
}

