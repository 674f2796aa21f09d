import type { Priority } from '../domain/ticket.js';

/**
 * How `/stats` figures read, so the surfaces say the same numbers the same
 * way; each surface only lays them out.
 */

/** `42%` of the whole, or a dash when there is nothing to divide by. */
export function statsShare(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

/** `35 min`, `4 h 20 min` (under two days), `3 days`; a dash when unknown. */
export function statsDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.round(hours / 24)} days`;
}

/** The open tickets by priority: `3 high, 5 medium, 0 low`. */
export function statsBacklog(byPriority: Readonly<Record<Priority, number>>): string {
  return `${byPriority.HIGH} high, ${byPriority.MEDIUM} medium, ${byPriority.LOW} low`;
}
