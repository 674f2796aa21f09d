/**
 * Bulk export and import of the SQLite store (the StoreCopy port), for
 * `npm run store:copy`. Reads page through the tables by key, so a large
 * database never sits in memory; each imported record is written in one
 * IMMEDIATE transaction with the same row layout the store writes (see
 * migrations.ts), and a record equal to the stored one is not written.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AuditEntry, ImportOutcome, Job, Person, StoreCopy, StoreRecord, StoreRecordKind, Ticket } from '../../core/index.js';
import { iso, json, ms } from './sql.js';
import { personRow } from './people.js';
import { historyRows, ticketRow } from './tickets.js';
import type { SqliteStore } from './sqlite-store.js';

const PAGE = 500;
const UNFINISHED = "('pending', 'waiting', 'running')";

/** The StoreCopy of an open SqliteStore. */
export function sqliteStoreCopy(store: SqliteStore): StoreCopy {
  const db = store.db;

  async function* exportRecords(): AsyncGenerator<StoreRecord> {
    const people = db.prepare('SELECT rowid AS r, id FROM people WHERE rowid > ? ORDER BY rowid LIMIT ?');
    for (let after = 0; ; ) {
      const rows = people.all(after, PAGE) as { r: number; id: string }[];
      for (const row of rows) {
        const person = await store.getPerson(row.id);
        if (person) yield { kind: 'person', person };
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.r ?? after;
    }
    // A page of tickets and their histories on one snapshot, the histories in one query.
    const tickets = db.prepare('SELECT ref, history_len AS len, doc, idempotency_key AS k FROM tickets WHERE ref > ? ORDER BY ref LIMIT ?');
    for (let after = 0; ; ) {
      const [rows, page] = store.snapshot(() => {
        const rows = tickets.all(after, PAGE) as { ref: number; len: number; doc: string; k: string | null }[];
        return [rows, store.ticketTable.many(rows)] as const;
      });
      for (const [i, row] of rows.entries()) {
        const ticket = page[i];
        if (ticket) yield { kind: 'ticket', ticket, idempotencyKey: row.k };
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.ref ?? after;
    }
    const jobs = db.prepare(`SELECT id FROM jobs WHERE id > ? AND state IN ${UNFINISHED} ORDER BY id LIMIT ?`).pluck();
    for (let after = 0; ; ) {
      const ids = jobs.all(after, PAGE) as number[];
      for (const id of ids) {
        const job = await store.getJob(String(id));
        if (job) yield { kind: 'job', job };
      }
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1] ?? after;
    }
    const values = db.prepare('SELECT namespace, key, value FROM kv WHERE (namespace, key) > (?, ?) ORDER BY namespace, key LIMIT ?');
    for (let after = { namespace: '', key: '' }, first = true; ; first = false) {
      const rows = (first ? db.prepare('SELECT namespace, key, value FROM kv ORDER BY namespace, key LIMIT ?').all(PAGE) : values.all(after.namespace, after.key, PAGE)) as {
        namespace: string;
        key: string;
        value: string;
      }[];
      for (const row of rows) yield { kind: 'value', ...row };
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1] ?? after;
    }
    for (const reply of store.auditTable.replies()) yield { kind: 'reply', reply };
    const audit = db.prepare('SELECT rowid AS r, doc FROM audit WHERE rowid > ? ORDER BY rowid LIMIT ?');
    for (let after = 0; ; ) {
      const rows = audit.all(after, PAGE) as { r: number; doc: string }[];
      for (const row of rows) yield { kind: 'audit', entry: JSON.parse(row.doc) as AuditEntry };
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.r ?? after;
    }
  }

  async function countRecords(): Promise<Record<StoreRecordKind, number>> {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      person: count('SELECT count(*) FROM people'),
      ticket: count('SELECT count(*) FROM tickets'),
      job: count(`SELECT count(*) FROM jobs WHERE state IN ${UNFINISHED}`),
      value: count('SELECT count(*) FROM kv'),
      reply: count('SELECT count(*) FROM saved_replies'),
      audit: count('SELECT count(*) FROM audit'),
    };
  }

  const importPerson = db.transaction((p: Person, existed: boolean): void => {
    const owners = db.prepare('SELECT person_id FROM person_identities WHERE identity = ?').pluck();
    for (const identity of p.identities) {
      const owner = owners.get(identity) as string | undefined;
      if (owner !== undefined && owner !== p.id) throw new Error(`person ${p.id}: identity ${identity} belongs to another person in the target store`);
    }
    const row = personRow(p);
    const cols = Object.keys(row);
    if (existed) db.prepare(`UPDATE people SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
    else db.prepare(`INSERT INTO people (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    db.prepare('DELETE FROM person_identities WHERE person_id = ?').run(p.id);
    for (const identity of p.identities) db.prepare('INSERT INTO person_identities (identity, person_id) VALUES (?, ?)').run(identity, p.id);
    db.prepare('DELETE FROM person_skills WHERE person_id = ?').run(p.id);
    for (const skill of p.skills) db.prepare('INSERT OR IGNORE INTO person_skills (skill, person_id) VALUES (?, ?)').run(skill, p.id);
  });

  const importTicket = db.transaction((t: Ticket, idempotencyKey: string | null, existed: boolean): void => {
    const holder = db.prepare('SELECT id FROM tickets WHERE ref = ?').pluck().get(t.ref) as string | undefined;
    if (holder !== undefined && holder !== t.id) throw new Error(`ticket ${t.id}: ref #${t.ref} belongs to another ticket in the target store`);
    const row = { ...ticketRow(t), idempotency_key: idempotencyKey };
    const cols = Object.keys(row);
    if (existed) db.prepare(`UPDATE tickets SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
    else db.prepare(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    db.prepare('DELETE FROM ticket_skills WHERE ticket_ref = ?').run(t.ref);
    for (const skill of t.skills) db.prepare('INSERT OR IGNORE INTO ticket_skills (skill, ticket_ref) VALUES (?, ?)').run(skill, t.ref);
    // The copy is the source's history exactly: whatever the target held for this ticket is replaced.
    db.prepare('DELETE FROM ticket_history WHERE ticket_ref = ?').run(t.ref);
    const entry = db.prepare('INSERT INTO ticket_history (ticket_ref, seq, doc) VALUES (@ticket_ref, @seq, @doc)');
    for (const row of historyRows(t)) entry.run(row);
  });

  const importJob = db.transaction((job: Job): void => {
    const due = job.state === 'running' ? (job.leaseUntil ?? job.runAt) : job.state === 'pending' || job.state === 'waiting' ? job.runAt : null;
    const wait = job.wait === null ? null : { ...job.wait, until: iso(job.wait.until) };
    const row = {
      key: job.key,
      name: job.name,
      state: job.state,
      due_ms: due === null ? null : ms(due),
      run_at: iso(job.runAt),
      attempts: job.attempts,
      lease_owner: job.leaseOwner,
      lease_until: job.leaseUntil === null ? null : iso(job.leaseUntil),
      last_error: job.lastError,
      data: json(job.data),
      wait: wait === null ? null : JSON.stringify(wait),
      wait_event: wait?.event ?? null,
      wait_value: wait?.matchValue ?? null,
      created_at: iso(job.createdAt),
      updated_at: iso(job.updatedAt),
    };
    const cols = Object.keys(row);
    db.prepare(
      `INSERT INTO jobs (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (key) DO UPDATE SET ${cols.filter((c) => c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ).run(row);
    const id = db.prepare('SELECT id FROM jobs WHERE key = ?').pluck().get(job.key) as number;
    db.prepare('DELETE FROM job_steps WHERE job_id = ?').run(id);
    for (const [stepId, value] of Object.entries(job.steps)) db.prepare('INSERT INTO job_steps (job_id, step_id, value) VALUES (?, ?, ?)').run(id, stepId, json(value));
  });

  async function importRecord(record: StoreRecord): Promise<ImportOutcome> {
    switch (record.kind) {
      case 'person': {
        const stored = await store.getPerson(record.person.id);
        if (stored && isDeepStrictEqual(stored, record.person)) return 'unchanged';
        importPerson.immediate(record.person, stored !== null);
        return stored ? 'updated' : 'inserted';
      }
      case 'ticket': {
        const t = record.ticket;
        const row = db.prepare('SELECT ref, idempotency_key AS k FROM tickets WHERE id = ?').get(t.id) as { ref: number; k: string | null } | undefined;
        if (row && row.ref !== t.ref) throw new Error(`ticket ${t.id} is #${row.ref} in the target store but #${t.ref} in the source`);
        if (row && row.k === record.idempotencyKey && isDeepStrictEqual(await store.getTicket(t.id), t)) return 'unchanged';
        importTicket.immediate(t, record.idempotencyKey, row !== undefined);
        return row ? 'updated' : 'inserted';
      }
      case 'job': {
        const stored = await store.getJobByKey(record.job.key);
        if (stored && isDeepStrictEqual({ ...stored, id: '' }, { ...normalizedJob(record.job), id: '' })) return 'unchanged';
        importJob.immediate(record.job);
        return stored ? 'updated' : 'inserted';
      }
      case 'reply': {
        const stored = await store.getSavedReply(record.reply.name);
        const wanted = { ...record.reply, createdAt: iso(record.reply.createdAt), updatedAt: iso(record.reply.updatedAt) };
        if (stored && isDeepStrictEqual(stored, wanted)) return 'unchanged';
        await store.putSavedReply(record.reply, []);
        return stored ? 'updated' : 'inserted';
      }
      case 'audit': {
        // Entries never change once written: one with this id is the same entry.
        if (store.auditTable.get(record.entry.id)) return 'unchanged';
        db.transaction(() => store.auditTable.write([record.entry])).immediate();
        return 'inserted';
      }
      case 'value': {
        const stored = await store.getValue(record.namespace, record.key);
        if (stored === record.value) return 'unchanged';
        await store.setValue(record.namespace, record.key, record.value);
        return stored === null ? 'inserted' : 'updated';
      }
    }
  }

  return { exportRecords, importRecord, countRecords };
}

/** A job as this store would read it back (times normalized). */
function normalizedJob(job: Job): Job {
  return {
    ...job,
    runAt: iso(job.runAt),
    leaseUntil: job.leaseUntil === null ? null : iso(job.leaseUntil),
    wait: job.wait === null ? null : { ...job.wait, until: iso(job.wait.until) },
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    data: JSON.parse(json(job.data)) as Record<string, unknown>,
    steps: JSON.parse(json(job.steps)) as Record<string, unknown>,
  };
}
