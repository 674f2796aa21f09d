import type { Person } from '../../core/index.js';
import { html, type Html, type HtmlValue } from './html.js';

export type Section = 'queue' | 'stats' | 'audit' | 'none';

/** The page shell: one stylesheet from this server, a skip link, the navigation for the person's role. */
export function page(input: { title: string; person?: Person | null; csrf?: string; section?: Section; body: HtmlValue }): Html {
  const p = input.person ?? null;
  const staff = p !== null && p.role !== 'user';
  const link = (href: string, label: string, section: Section) =>
    html`<a href="${href}"${input.section === section ? html` aria-current="page"` : ''}>${label}</a>`;
  const nav = p
    ? html`<nav aria-label="Main">${link('/', 'Tickets', 'queue')}${staff ? link('/stats', 'Stats', 'stats') : ''}${p.role === 'admin' ? link('/audit', 'Audit log', 'audit') : ''}</nav>
      <form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="${input.csrf ?? ''}"><span class="who">${p.displayName} · ${p.role}</span> <button type="submit">Sign out</button></form>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · Helpdesk</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="/">Helpdesk</a>${nav}</header>
<main id="main" tabindex="-1">
${input.body}
</main>
</body>
</html>`;
}

/** A notice above the content: `error` for a refused action, `ok` for a done one. */
export function notice(kind: 'error' | 'ok', text: string | null | undefined): Html {
  if (!text) return html``;
  return kind === 'error' ? html`<p class="notice error" role="alert">${text}</p>` : html`<p class="notice ok" role="status">${text}</p>`;
}

/** A short, readable age: `5 min`, `3 h`, `2 d`. */
export function age(fromIso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h`;
  return `${Math.floor(ms / 86_400_000)} d`;
}

export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const STATUS_LABEL: Readonly<Record<string, string>> = { TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Done' };

/** The stylesheet, served as /assets/dashboard.css (the CSP allows no inline style). */
export const STYLESHEET = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--card:#fff;--accent:#1f5fbf;--high:#b42318;--medium:#b54708;--low:#3b6e3b;--note:#fff7e0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;background:#15233b;color:#fff}
.top a{color:#fff}
.brand{font-weight:700;text-decoration:none}
nav{display:flex;gap:1rem;flex-wrap:wrap}
nav a[aria-current=page]{text-decoration:underline 3px}
.signout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
.who{opacity:.85;font-size:.9rem;overflow-wrap:anywhere}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem;min-width:0}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem;align-items:end}
label{display:block;font-size:.85rem;color:var(--muted);margin-bottom:.2rem}
input,select,textarea,button{font:inherit;max-width:100%}
input,select,textarea{width:100%;padding:.4rem .5rem;border:1px solid #9aa3b2;border-radius:6px;background:#fff}
textarea{min-height:5rem}
button,.button{display:inline-block;padding:.45rem .9rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
.summary{color:var(--muted);margin:.25rem 0 .75rem}
table{width:100%;border-collapse:collapse;background:var(--card);table-layout:fixed}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{font-size:.85rem;color:var(--muted)}
caption{text-align:left}
col.ref{width:4.5rem}col.title{width:auto}col.s{width:7.5rem}col.p{width:5.5rem}col.who{width:9rem}col.t{width:5.5rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;border:1px solid currentColor;white-space:nowrap}
.HIGH{color:var(--high)}.MEDIUM{color:var(--medium)}.LOW{color:var(--low)}
.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0;flex-wrap:wrap}
.notice{padding:.6rem .8rem;border-radius:6px;overflow-wrap:anywhere}
.notice.error{background:#fde8e7;border:1px solid var(--high)}
.notice.ok{background:#e7f5e8;border:1px solid var(--low)}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.25rem 1rem;margin:0}
.meta dt{font-size:.8rem;color:var(--muted)}.meta dd{margin:0 0 .5rem;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{border-left:3px solid var(--line);padding:.3rem 0 .6rem .8rem;margin-left:.3rem;overflow-wrap:anywhere}
.timeline li.note{border-color:#e0a800;background:var(--note)}
.timeline li.message{border-color:var(--accent)}
.timeline time{display:block;font-size:.8rem;color:var(--muted)}
.grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem}
.actions form{margin-bottom:1rem}
.actions .row{display:flex;gap:.5rem;flex-wrap:wrap}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
svg{max-width:100%;height:auto;display:block}
.periods{display:flex;gap:.5rem;flex-wrap:wrap}
@media (max-width:700px){
  .grid{grid-template-columns:1fr}
  table.queue,table.queue tbody,table.queue tr,table.queue td{display:block;width:100%}
  table.queue thead,table.queue colgroup{display:none}
  table.queue caption{display:block;text-align:left}
  table.queue tr{border:1px solid var(--line);border-radius:8px;margin-bottom:.75rem;background:var(--card)}
  table.queue td{border:0;padding:.2rem .6rem}
  table.queue td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
  .signout{margin-left:0}
}
`;
