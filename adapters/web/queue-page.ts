import { formatRef, isIdentity, isStaff, parseTicketFilters, type Helpdesk, type Person, type Result, type TicketFilters, type TicketPage } from '../../core/index.js';
import { html, type Html } from './html.js';
import { age, notice, STATUS_LABEL } from './layout.js';

/** The queue's form fields, as they arrive in the address (all optional). */
export interface QueueParams {
  readonly status: string;
  readonly priority: string;
  readonly scope: string;
  readonly skill: string;
  readonly older: string;
  readonly q: string;
  readonly sort: string;
  readonly page: number;
}

const STATUSES = [['', 'Open'], ['todo', 'To do'], ['in-progress', 'In progress'], ['done', 'Done']] as const;
const PRIORITY_CHOICES = [['', 'Any'], ['high', 'High'], ['medium', 'Medium'], ['low', 'Low']] as const;
const SORTS = [['priority', 'Priority, then oldest'], ['age', 'Oldest first'], ['newest', 'Newest first'], ['updated', 'Recently updated']] as const;

export function queueParams(query: URLSearchParams): QueueParams {
  const get = (k: string) => (query.get(k) ?? '').trim().slice(0, 200);
  const page = Number(get('page'));
  return { status: get('status'), priority: get('priority'), scope: get('scope'), skill: get('skill'), older: get('older'), q: get('q'), sort: get('sort'), page: Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1 };
}

/** The same filters as `/tickets`: the fields become its words, so both read them alike. */
export function queueFilters(helpdesk: Helpdesk, p: QueueParams, extra: { limit?: number; page?: number } = {}): Result<TicketFilters> {
  const words = [
    p.status && /^[a-z-]+$/.test(p.status) ? `status:${p.status}` : '',
    p.priority && /^[a-z]+$/.test(p.priority) ? `priority:${p.priority}` : '',
    ['mine', 'assigned', 'unassigned', 'all'].includes(p.scope) ? p.scope : '',
    p.skill ? `skill:${p.skill.replace(/\s+/g, '-')}` : '',
    p.older ? `older:${p.older.replace(/\s+/g, '')}` : '',
    p.q,
  ].filter(Boolean);
  const parsed = parseTicketFilters(words.join(' '), (s) => helpdesk.normalizeSkill(s), (token) => (isIdentity(token) ? token : null));
  if (!parsed.ok) return parsed;
  const sort = (['priority', 'age', 'newest', 'updated'] as const).find((s) => s === p.sort) ?? 'priority';
  return { ok: true, value: { ...parsed.value, sort, page: extra.page ?? p.page, ...(extra.limit ? { limit: extra.limit } : {}) } };
}

/** `?status=…&page=2`: the same filters with another page (or none, for the CSV). */
export function queueHref(base: string, p: QueueParams, page?: number): string {
  const q = new URLSearchParams();
  for (const k of ['status', 'priority', 'scope', 'skill', 'older', 'q', 'sort'] as const) if (p[k]) q.set(k, p[k]);
  if (page !== undefined && page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

function options(choices: readonly (readonly [string, string])[], current: string): Html[] {
  return choices.map(([value, label]) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`);
}

export function queueBody(input: { viewer: Person; params: QueueParams; listed: Result<TicketPage>; names: Readonly<Record<string, string>>; now: Date }): Html {
  const { viewer, params: p, listed, names, now } = input;
  const staff = isStaff(viewer);
  const scopes: [string, string][] = staff
    ? [['', viewer.role === 'admin' ? 'Everything' : 'Mine and unassigned'], ['mine', 'Assigned to me'], ['unassigned', 'Unassigned'], ...(viewer.role === 'admin' ? ([['assigned', 'Mine and unassigned']] as [string, string][]) : [])]
    : [['', 'Filed by me']];
  const form = html`<form class="card filters" method="get" action="/" role="search" aria-label="Filter tickets">
  <div><label for="f-status">Status</label><select id="f-status" name="status">${options(STATUSES, p.status)}</select></div>
  <div><label for="f-priority">Priority</label><select id="f-priority" name="priority">${options(PRIORITY_CHOICES, p.priority)}</select></div>
  ${staff ? html`<div><label for="f-scope">Showing</label><select id="f-scope" name="scope">${options(scopes, p.scope)}</select></div>` : ''}
  <div><label for="f-skill">Skill</label><input id="f-skill" name="skill" value="${p.skill}" placeholder="vpn"></div>
  <div><label for="f-older">Older than</label><input id="f-older" name="older" value="${p.older}" placeholder="3d"></div>
  <div><label for="f-q">Search</label><input id="f-q" name="q" type="search" value="${p.q}" placeholder="printer"></div>
  <div><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${options(SORTS, p.sort || 'priority')}</select></div>
  <div><button type="submit">Show</button></div>
</form>`;
  if (!listed.ok) return html`<h1>Tickets</h1>${form}${notice('error', listed.error.message)}`;
  const { tickets, total, page, pages } = listed.value;
  const rows = tickets.map(
    (t) => html`<tr>
  <td data-label="Ticket"><a href="/tickets/${t.ref}">${formatRef(t.ref)}</a></td>
  <td data-label="Title"><a href="/tickets/${t.ref}">${t.title}</a></td>
  <td data-label="Status">${STATUS_LABEL[t.status] ?? t.status}</td>
  <td data-label="Priority"><span class="badge ${t.priority}">${t.priority.toLowerCase()}</span></td>
  <td data-label="Requester">${names[t.requesterId] ?? '—'}</td>
  <td data-label="Assignee">${t.assigneeId ? (names[t.assigneeId] ?? '—') : 'unassigned'}</td>
  <td data-label="Age">${age(t.createdAt, now)}</td>
  <td data-label="Updated">${age(t.updatedAt, now)} ago</td>
</tr>`,
  );
  const table = tickets.length
    ? html`<table class="queue"><caption class="summary">${total} ticket${total === 1 ? '' : 's'} · page ${page} of ${pages}</caption>
<colgroup><col class="ref"><col class="title"><col class="s"><col class="p"><col class="who"><col class="who"><col class="t"><col class="t"></colgroup>
<thead><tr><th scope="col">#</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Requester</th><th scope="col">Assignee</th><th scope="col">Age</th><th scope="col">Updated</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p class="card">No tickets match.</p>`;
  const pager = html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? html`<a href="${queueHref('/', p, page - 1)}" rel="prev">← Previous</a>` : ''}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? html`<a href="${queueHref('/', p, page + 1)}" rel="next">Next →</a>` : ''}
  <a class="button secondary" href="${queueHref('/export.csv', p)}" download>Export CSV</a>
</nav>`;
  return html`<h1>Tickets</h1>${form}${table}${pager}`;
}
