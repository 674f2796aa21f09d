import type Database from 'better-sqlite3';
import { newPersonRecord, VersionConflict, type LoadDelta, type NewPerson, type Person, type PersonPatch, type Role } from '../../core/index.js';
import { placeholders, type StatementCache } from './sql.js';

const COLUMNS =
  'id, display_name, email, email_lc, role, availability, prefers_email, open_tickets, last_assigned_at, skills, identities, created_at, updated_at, version';

interface PersonRow {
  id: string;
  display_name: string;
  email: string | null;
  role: Person['role'];
  availability: Person['availability'];
  prefers_email: number;
  open_tickets: number;
  last_assigned_at: string | null;
  skills: string;
  identities: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/**
 * People, their identities (unique across people) and their skills (a
 * table indexed by skill). Synchronous; callers wrap writes in a transaction.
 * Assignment candidates come from StaffCache.
 */
export class PeopleTable {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly ownerOf: Database.Statement;
  private readonly addIdentityRow: Database.Statement;
  private readonly byEmail: Database.Statement;
  private readonly clearSkills: Database.Statement;
  private readonly addSkill: Database.Statement;
  private readonly addLoad: Database.Statement;
  private readonly setAssignedAt: Database.Statement;
  private readonly allStaff: Database.Statement;
  private readonly staffSkills: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    const named = COLUMNS.split(', ').map((c) => `@${c}`).join(', ');
    this.insert = db.prepare(`INSERT INTO people (${COLUMNS}) VALUES (${named})`);
    this.update = db.prepare(`UPDATE people SET display_name = @display_name, email = @email, email_lc = @email_lc, role = @role,
      availability = @availability, prefers_email = @prefers_email, skills = @skills, identities = @identities,
      updated_at = @updated_at, version = @version WHERE id = @id AND version = @expected`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ?`);
    this.ownerOf = db.prepare('SELECT person_id FROM person_identities WHERE identity = ?').pluck();
    this.addIdentityRow = db.prepare('INSERT INTO person_identities (identity, person_id) VALUES (?, ?)');
    this.byEmail = db.prepare(`SELECT ${COLUMNS} FROM people WHERE email_lc = ? ORDER BY rowid`);
    this.clearSkills = db.prepare('DELETE FROM person_skills WHERE person_id = ?');
    this.addSkill = db.prepare('INSERT OR IGNORE INTO person_skills (skill, person_id) VALUES (?, ?)');
    this.addLoad = db.prepare('UPDATE people SET open_tickets = open_tickets + ? WHERE id = ?');
    this.setAssignedAt = db.prepare('UPDATE people SET last_assigned_at = ? WHERE id = ?');
    this.allStaff = db.prepare(`SELECT ${COLUMNS} FROM people WHERE role IN ('moderator', 'admin')`);
    this.staffSkills = db
      .prepare("SELECT DISTINCT s.skill FROM person_skills s JOIN people p ON p.id = s.person_id WHERE p.role IN ('moderator', 'admin')")
      .pluck();
  }

  get(id: string): Person | null {
    return toPerson(this.byId.get(id) as PersonRow | undefined);
  }

  findByIdentity(identity: string): Person | null {
    const owner = this.ownerOf.get(identity) as string | undefined;
    return owner === undefined ? null : this.get(owner);
  }

  findByEmail(email: string): Person[] {
    return (this.byEmail.all(email.toLowerCase()) as PersonRow[]).map(mustPerson);
  }

  ensure(input: NewPerson): Person {
    const existing = this.findByIdentity(input.identity);
    if (existing) return existing;
    const person = newPersonRecord(input);
    this.insert.run(personRow(person));
    this.addIdentityRow.run(input.identity, person.id);
    return person;
  }

  patch(id: string, patch: PersonPatch, expectedVersion: number, at: string): Person {
    const current = this.get(id);
    if (!current) throw new Error(`person ${id} does not exist`);
    if (current.version !== expectedVersion) throw new VersionConflict('person', id);
    const next: Person = { ...current, ...patch, updatedAt: at, version: current.version + 1 };
    this.write(next, expectedVersion);
    if (patch.skills !== undefined) {
      this.clearSkills.run(id);
      for (const skill of next.skills) this.addSkill.run(skill, id);
    }
    return next;
  }

  addIdentity(personId: string, identity: string, at: string): Person {
    const person = this.get(personId);
    if (!person) throw new Error(`person ${personId} does not exist`);
    const owner = this.ownerOf.get(identity) as string | undefined;
    if (owner === personId) return person;
    if (owner !== undefined) throw new Error(`identity ${identity} already belongs to another person`);
    this.addIdentityRow.run(identity, personId);
    const next: Person = { ...person, identities: [...person.identities, identity], updatedAt: at, version: person.version + 1 };
    this.write(next, person.version);
    return next;
  }

  list(filter: { roles?: readonly Role[]; skill?: string; limit?: number }): Person[] {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.roles !== undefined) {
      if (filter.roles.length === 0) return [];
      clauses.push(`role IN (${placeholders(filter.roles.length)})`);
      params.push(...filter.roles);
    }
    if (filter.skill !== undefined) {
      clauses.push('id IN (SELECT person_id FROM person_skills WHERE skill = ?)');
      params.push(filter.skill);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.cache.get(`SELECT ${COLUMNS} FROM people ${where} ORDER BY rowid LIMIT ?`).all(...params, filter.limit ?? -1);
    return (rows as PersonRow[]).map(mustPerson);
  }

  /** Every moderator and admin, for the in-memory staff cache. */
  staff(): Person[] {
    return (this.allStaff.all() as PersonRow[]).map(mustPerson);
  }

  staffSkillList(): string[] {
    return (this.staffSkills.all() as string[]).sort();
  }

  /** Load bookkeeping is not an edit, so it leaves the version (and admins' pending edits) alone. */
  applyLoad(deltas: readonly LoadDelta[], assignedAt: { personId: string; at: string } | undefined): void {
    for (const { personId, delta } of deltas) this.addLoad.run(delta, personId);
    if (assignedAt) this.setAssignedAt.run(assignedAt.at, assignedAt.personId);
  }

  private write(next: Person, expectedVersion: number): void {
    const result = this.update.run({ ...personRow(next), expected: expectedVersion });
    if (result.changes !== 1) throw new VersionConflict('person', next.id);
  }
}

/** Column values for a person (copy.ts imports whole records with it too). */
export function personRow(p: Person) {
  return {
    id: p.id,
    display_name: p.displayName,
    email: p.email,
    email_lc: p.email === null ? null : p.email.toLowerCase(),
    role: p.role,
    availability: p.availability,
    prefers_email: p.prefersEmail ? 1 : 0,
    open_tickets: p.openTickets,
    last_assigned_at: p.lastAssignedAt,
    skills: JSON.stringify(p.skills),
    identities: JSON.stringify(p.identities),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    version: p.version,
  };
}

function toPerson(row: PersonRow | undefined): Person | null {
  return row ? mustPerson(row) : null;
}

function mustPerson(row: PersonRow): Person {
  return {
    id: row.id,
    identities: JSON.parse(row.identities) as string[],
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    skills: JSON.parse(row.skills) as string[],
    availability: row.availability,
    prefersEmail: row.prefers_email === 1,
    openTickets: row.open_tickets,
    lastAssignedAt: row.last_assigned_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
