import { formatRef, renderText, type Notification, type Ticket } from '../../core/index.js';
import { escapeHtml, paragraphs } from './html.js';
import { emailSubject } from './subject.js';

/** The human part of an email, before addressing and threading. */
export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

interface Detail {
  readonly label: string;
  readonly value: string;
  /** Long text set as its own block rather than a table row. */
  readonly block?: boolean;
}

/**
 * Builds an email for one notification: the same sentence the console shows,
 * then the ticket's details. Staff (moderators, admins) also get the notes,
 * the suggested fix and similar resolved tickets; a requester never does.
 * Every piece of ticket text is escaped in the HTML part.
 */
export function composeEmail(n: Notification, recipientName: string): ComposedEmail {
  const staff = n.audience !== 'requester';
  const message = renderText(n);
  // The assignment message already carries the whole moderator card.
  const details = n.kind === 'ticket.assignment' ? [] : ticketDetails(n.ticket, staff);
  const greeting = `Hi ${recipientName},`;
  const footer = `You are getting this because of ticket ${formatRef(n.ticket.ref)} at the helpdesk.`;

  const textDetails = details.length
    ? ['', `— ${formatRef(n.ticket.ref)} —`, ...details.map((d) => (d.block ? `${d.label}:\n${indent(d.value)}` : `${d.label}: ${d.value}`))]
    : [];
  const text = [greeting, '', message, ...textDetails, '', footer, ''].join('\n');

  const rows = details.filter((d) => !d.block);
  const blocks = details.filter((d) => d.block);
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1d1c1d">',
    paragraphs(greeting),
    paragraphs(message),
    rows.length
      ? `<table cellpadding="4" style="border-collapse:collapse;margin:8px 0 12px">\n${rows
          .map((d) => `<tr><th align="left" style="color:#616061;font-weight:normal;padding-right:12px">${escapeHtml(d.label)}</th><td>${escapeHtml(d.value)}</td></tr>`)
          .join('\n')}\n</table>`
      : '',
    ...blocks.map((d) => `<h4 style="margin:12px 0 4px">${escapeHtml(d.label)}</h4>\n${paragraphs(d.value)}`),
    `<p style="color:#616061;font-size:12px;margin-top:24px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ]
    .filter((part) => part !== '')
    .join('\n');

  return { subject: emailSubject(n), text, html };
}

/** The ticket as the recipient may see it. */
function ticketDetails(t: Ticket, staff: boolean): Detail[] {
  const details: Detail[] = [
    { label: 'Title', value: t.title },
    { label: 'Status', value: { TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Resolved' }[t.status] },
    { label: 'Priority', value: t.priority },
    { label: 'Category', value: t.category },
  ];
  if (staff && t.skills.length) details.push({ label: 'Skills', value: t.skills.join(', ') });
  if (t.summary) details.push({ label: 'Summary', value: t.summary });
  if (t.description && t.description !== t.title) details.push({ label: 'Description', value: t.description, block: true });
  if (t.resolution) details.push({ label: 'Resolution', value: t.resolution, block: true });
  if (staff) {
    if (t.notes) details.push({ label: 'Notes', value: t.notes, block: true });
    if (t.suggestedFix) details.push({ label: 'Suggested fix', value: t.suggestedFix, block: true });
    if (t.similar.length)
      details.push({ label: 'Similar resolved tickets', value: t.similar.map((s) => `${formatRef(s.ref)} ${s.title} — ${s.resolution}`).join('\n'), block: true });
  }
  return details;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
