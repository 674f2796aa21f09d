import { formatRef, type Ticket } from '../../core/index.js';

/**
 * One CSV cell, quoted. A cell a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, so an exported title cannot run anything.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = ['ticket', 'title', 'status', 'priority', 'category', 'skills', 'requester', 'assignee', 'created', 'updated', 'resolved'];

export function csvRow(t: Ticket, names: Readonly<Record<string, string>>): string {
  return [
    formatRef(t.ref), t.title, t.status, t.priority, t.category, t.skills.join(' '), names[t.requesterId] ?? t.requesterId,
    t.assigneeId ? (names[t.assigneeId] ?? t.assigneeId) : '', t.createdAt, t.updatedAt, t.resolvedAt ?? '',
  ].map(csvCell).join(',');
}

export function csvDocument(rows: readonly string[]): string {
  return [CSV_HEADER.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}
