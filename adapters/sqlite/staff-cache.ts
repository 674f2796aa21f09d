import type Database from 'better-sqlite3';
import type { Person } from '../../core/index.js';

/**
 * Moderators and admins held in memory with a skill index, so assignment
 * reads its candidates without building hundreds of rows per ticket (the
 * benchmark asks for under a millisecond with 10,000 moderators).
 *
 * The database stays the truth. The cache re-reads a person after this
 * connection commits a change to them, and drops everything when another
 * connection committed (`PRAGMA data_version` moved) or when a write ran
 * inside an outer transaction that could still roll back.
 */
export class StaffCache {
  private byId: Map<string, Person> | null = null;
  /** Available moderators by skill; available admins apart. Away people and users are in neither. */
  private readonly bySkill = new Map<string, Set<Person>>();
  private readonly admins = new Set<Person>();
  private readonly dataVersion: Database.Statement;
  private seenVersion = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly loadStaff: () => Person[],
    private readonly loadOne: (id: string) => Person | null,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /**
   * Available admins and available moderators holding any of `skills`.
   *
   * The people returned are the cache's own snapshots, shared between
   * callers and typed read-only: a change to a person replaces the snapshot,
   * never edits it, so a caller's list stays as it was read. They are
   * neither copied nor frozen on purpose: copying 500 people per ticket
   * fills the young generation and puts a garbage collection in about one
   * assignment in a hundred, and V8 reads frozen objects and arrays several
   * times slower in the assignment policy; either one alone breaks the
   * sub-millisecond p99 the benchmark asks for.
   */
  candidates(skills: readonly string[]): Person[] {
    this.fresh();
    const out: Person[] = [];
    for (const p of this.admins) out.push(p);
    const wanted = [...new Set(skills)];
    // A moderator with several of the skills appears in several sets: dedupe only then.
    const seen = wanted.length > 1 ? new Set<Person>() : null;
    for (const skill of wanted) {
      for (const p of this.bySkill.get(skill) ?? []) {
        if (seen) {
          if (seen.has(p)) continue;
          seen.add(p);
        }
        out.push(p);
      }
    }
    return out;
  }

  /** Call after this connection wrote to these people. */
  changed(ids: Iterable<string>): void {
    if (this.byId === null) return;
    // Inside someone's outer transaction the write may still roll back: start over later.
    if (this.db.inTransaction) return this.invalidate();
    for (const id of new Set(ids)) {
      this.remove(id);
      const p = this.loadOne(id);
      if (p) this.add(p);
    }
  }

  invalidate(): void {
    this.byId = null;
  }

  private fresh(): void {
    const version = this.dataVersion.get() as number;
    if (this.byId !== null && version === this.seenVersion) return;
    this.byId = new Map();
    this.bySkill.clear();
    this.admins.clear();
    for (const p of this.loadStaff()) this.add(p);
    this.seenVersion = version;
  }

  private add(p: Person): void {
    if (this.byId === null || p.availability !== 'available') return;
    if (p.role === 'admin') {
      this.byId.set(p.id, p);
      this.admins.add(p);
    } else if (p.role === 'moderator') {
      this.byId.set(p.id, p);
      for (const s of p.skills) {
        let set = this.bySkill.get(s);
        if (!set) this.bySkill.set(s, (set = new Set()));
        set.add(p);
      }
    }
  }

  private remove(id: string): void {
    const p = this.byId?.get(id);
    if (!p) return;
    this.byId?.delete(id);
    this.admins.delete(p);
    for (const s of p.skills) this.bySkill.get(s)?.delete(p);
  }
}
