/** The web dashboard: server-rendered pages for staff and requesters, signed in from chat. */
export { WebDashboard, SESSION_COOKIE, CSV_MAX_ROWS, type DashboardOptions } from './dashboard.js';
export { escapeHtml, html, Html } from './html.js';
export { csvCell } from './csv.js';
export type { WebRequest, WebResponse } from './http.js';
