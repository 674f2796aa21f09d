import { formatRef, type AuditPage } from '../../core/index.js';
import { html, type Html } from './html.js';
import { when } from './layout.js';

/** The admins' audit log: who did what, newest first, a page at a time. */
export function auditBody(input: { audit: AuditPage; names: Readonly<Record<string, string>> }): Html {
  const { audit: a, names } = input;
  const rows = a.entries.map(
    (e) => html`<tr><td data-label="When"><time datetime="${e.at}">${when(e.at)}</time></td><td data-label="Who">${names[e.actorId] ?? 'someone'}</td><td data-label="Action">${e.action}</td><td data-label="Ticket">${e.ref !== null ? html`<a href="/tickets/${e.ref}">${formatRef(e.ref)}</a>` : '—'}</td><td data-label="Detail">${e.detail}</td></tr>`,
  );
  return html`<h1>Audit log</h1>
<p class="summary">${a.total} entr${a.total === 1 ? 'y' : 'ies'} · page ${a.page} of ${a.pages}</p>
${a.entries.length ? html`<table class="queue"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Ticket</th><th scope="col">Detail</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="card">Nothing recorded yet.</p>`}
<nav class="pager" aria-label="Pages">${a.page > 1 ? html`<a href="/audit?page=${a.page - 1}" rel="prev">← Newer</a>` : ''}<span>Page ${a.page} of ${a.pages}</span>${a.page < a.pages ? html`<a href="/audit?page=${a.page + 1}" rel="next">Older →</a>` : ''}</nav>`;
}
