import type Database from 'better-sqlite3';

/**
 * Prepared statements by SQL text. Statements whose shape depends on the
 * query (how many statuses, which filters) are prepared once per shape; the
 * cache is bounded because shapes come from user filters.
 */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(
    private readonly db: Database.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= this.max) this.cache.clear();
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

/** `?, ?, ?` for an IN list of `n` values (n > 0). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Milliseconds for an ISO timestamp; a malformed one is a bug, not data. */
export function ms(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not an ISO timestamp: ${iso}`);
  return t;
}

/** Normalized ISO form, so stored times compare and print the same way. */
export function iso(value: string): string {
  return new Date(ms(value)).toISOString();
}

/** JSON text of a value; `undefined` is stored as null, as every store does. */
export function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
