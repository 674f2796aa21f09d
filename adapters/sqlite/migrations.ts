/**
 * The schema, as numbered migrations applied in order at open (see
 * migrate.ts). A migration, once shipped, never changes: add a new one.
 *
 * Layout: each ticket and person is one row whose queried fields are
 * columns (with indexes for every query of the store port) and whose full
 * record is a JSON document, so the domain can grow without a migration for
 * every field. Times that are compared are integer milliseconds. A
 * ticket's history is the exception: its entries are rows of their own in
 * ticket_history, appended by each save, so the ticket's document stays
 * small however long its conversation grows (migration 7).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE tickets (
        ref             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        status          TEXT NOT NULL,
        priority        TEXT NOT NULL,
        requester_id    TEXT NOT NULL,
        assignee_id     TEXT,
        created_ms      INTEGER NOT NULL,
        version         INTEGER NOT NULL,
        idempotency_key TEXT UNIQUE,
        -- Lower-cased copies for literal, case-insensitive search with instr().
        title_lc        TEXT NOT NULL,
        description_lc  TEXT NOT NULL,
        doc             TEXT NOT NULL
      );
      CREATE INDEX ix_tickets_status_priority ON tickets (status, priority, ref);
      CREATE INDEX ix_tickets_requester ON tickets (requester_id, created_ms);
      CREATE INDEX ix_tickets_assignee ON tickets (assignee_id, status);
      CREATE INDEX ix_tickets_created ON tickets (created_ms);

      CREATE TABLE ticket_skills (
        skill      TEXT NOT NULL,
        ticket_ref INTEGER NOT NULL REFERENCES tickets (ref) ON DELETE CASCADE,
        PRIMARY KEY (skill, ticket_ref)
      ) WITHOUT ROWID;
      CREATE INDEX ix_ticket_skills_ticket ON ticket_skills (ticket_ref);

      CREATE TABLE people (
        id               TEXT PRIMARY KEY,
        display_name     TEXT NOT NULL,
        email            TEXT,
        email_lc         TEXT,
        role             TEXT NOT NULL,
        availability     TEXT NOT NULL,
        prefers_email    INTEGER NOT NULL,
        open_tickets     INTEGER NOT NULL,
        last_assigned_at TEXT,
        skills           TEXT NOT NULL,
        identities       TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        version          INTEGER NOT NULL
      );
      CREATE INDEX ix_people_email ON people (email_lc) WHERE email_lc IS NOT NULL;
      CREATE INDEX ix_people_role ON people (role, availability);

      CREATE TABLE person_identities (
        identity  TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX ix_person_identities_person ON person_identities (person_id);

      CREATE TABLE person_skills (
        skill     TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (skill, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX ix_person_skills_person ON person_skills (person_id);

      CREATE TABLE jobs (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        state       TEXT NOT NULL,
        -- When the job can be claimed: runAt while pending or waiting, the
        -- lease expiry while running, NULL once finished.
        due_ms      INTEGER,
        run_at      TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until TEXT,
        last_error  TEXT,
        data        TEXT NOT NULL,
        wait        TEXT,
        wait_event  TEXT,
        wait_value  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX ix_jobs_due ON jobs (due_ms) WHERE due_ms IS NOT NULL;
      CREATE INDEX ix_jobs_state ON jobs (state, name);
      CREATE INDEX ix_jobs_waiting ON jobs (wait_event, wait_value) WHERE state = 'waiting';

      CREATE TABLE job_steps (
        job_id  INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        value   TEXT NOT NULL,
        PRIMARY KEY (job_id, step_id)
      ) WITHOUT ROWID;

      CREATE TABLE dedupe (
        key        TEXT PRIMARY KEY,
        expires_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ix_dedupe_expires ON dedupe (expires_ms);

      CREATE TABLE kv (
        namespace TEXT NOT NULL,
        key       TEXT NOT NULL,
        value     TEXT NOT NULL,
        PRIMARY KEY (namespace, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'support channels and withdrawn ticket refs',
    sql: `
      CREATE TABLE watched_channels (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        name       TEXT NOT NULL,
        added_by   TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      ) WITHOUT ROWID;

      -- Refs of withdrawn tickets (nothing else of them is kept), so a ref is never handed out twice.
      CREATE TABLE retired_refs (
        ref INTEGER PRIMARY KEY
      );
    `,
  },
  {
    version: 3,
    name: 'queue order, audit record and saved replies',
    sql: `
      -- The queue order (priority, then age) as an indexed rank; computed, so writers never set it.
      ALTER TABLE tickets ADD COLUMN priority_rank INTEGER
        GENERATED ALWAYS AS (CASE priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END) VIRTUAL;
      -- Open tickets in queue order (what /tickets shows by default), and every ticket for other status filters.
      CREATE INDEX ix_tickets_queue_open ON tickets (priority_rank, created_ms, ref) WHERE status <> 'DONE';
      CREATE INDEX ix_tickets_queue ON tickets (priority_rank, created_ms, ref);

      CREATE TABLE audit (
        id         TEXT NOT NULL UNIQUE,
        at_ms      INTEGER NOT NULL,
        actor_id   TEXT NOT NULL,
        subject_id TEXT,
        doc        TEXT NOT NULL
      );
      CREATE INDEX ix_audit_at ON audit (at_ms, id);
      CREATE INDEX ix_audit_actor ON audit (actor_id);
      CREATE INDEX ix_audit_subject ON audit (subject_id) WHERE subject_id IS NOT NULL;

      CREATE TABLE saved_replies (
        name TEXT PRIMARY KEY,
        doc  TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'resolved ticket changes for the shared similar-ticket index',
    sql: `
      -- Computed from the document, so writers never set them.
      ALTER TABLE tickets ADD COLUMN updated_at TEXT GENERATED ALWAYS AS (json_extract(doc, '$.updatedAt')) VIRTUAL;
      ALTER TABLE tickets ADD COLUMN resolved_once INTEGER
        GENERATED ALWAYS AS (status = 'DONE' OR json_extract(doc, '$.resolution') IS NOT NULL) VIRTUAL;
      -- Tickets that are or were resolved, in change order: every process's similar index catches up from it.
      CREATE INDEX ix_tickets_resolved_changes ON tickets (updated_at, id) WHERE resolved_once = 1;
    `,
  },
  {
    version: 5,
    name: 'web dashboard sign-in links and sessions',
    sql: `
      -- Only SHA-256 hashes of the secrets are stored: a copy of the database opens no session.
      CREATE TABLE dashboard_links (
        token_hash TEXT PRIMARY KEY,
        person_id  TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ix_dashboard_links_person ON dashboard_links (person_id);
      CREATE INDEX ix_dashboard_links_expiry ON dashboard_links (expires_ms);

      CREATE TABLE dashboard_sessions (
        session_hash TEXT PRIMARY KEY,
        person_id    TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_seen_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ix_dashboard_sessions_person ON dashboard_sessions (person_id);
      CREATE INDEX ix_dashboard_sessions_seen ON dashboard_sessions (last_seen_ms);

      -- The dashboard's "recently updated" sort.
      CREATE INDEX ix_tickets_updated ON tickets (updated_at, ref);
    `,
  },
  {
    version: 6,
    name: 'ticket stats',
    sql: `
      -- IF NOT EXISTS: releases before this migration created these tables when the database opened.
      -- The rows are derived from the tickets (filled in at start-up when missing or stale).
      CREATE TABLE IF NOT EXISTS ticket_metrics (
        ticket_id         TEXT PRIMARY KEY,
        version           INTEGER NOT NULL,
        open              INTEGER NOT NULL,
        priority          TEXT NOT NULL,
        assignee_id       TEXT,
        created_ms        INTEGER NOT NULL,
        resolved_ms       INTEGER,
        first_response_ms INTEGER,
        resolution_ms     INTEGER,
        breached          INTEGER NOT NULL,
        reopens           INTEGER NOT NULL,
        rating            TEXT
      ) WITHOUT ROWID;
      -- Covering indexes: each /stats question is answered from one index without reading the rows.
      CREATE INDEX IF NOT EXISTS ix_metrics_filed ON ticket_metrics (created_ms, first_response_ms, breached);
      CREATE INDEX IF NOT EXISTS ix_metrics_done ON ticket_metrics (resolved_ms, resolution_ms, reopens, rating, breached, assignee_id);
      -- In value order, so a percentile is a walk up the index to its rank, with no sort.
      CREATE INDEX IF NOT EXISTS ix_metrics_fr_order ON ticket_metrics (first_response_ms, created_ms);
      CREATE INDEX IF NOT EXISTS ix_metrics_res_order ON ticket_metrics (resolution_ms, resolved_ms);
      -- Per moderator, in resolution-time order (window functions read it without sorting).
      CREATE INDEX IF NOT EXISTS ix_metrics_moderator ON ticket_metrics (assignee_id, resolution_ms, resolved_ms, breached, rating);
      CREATE INDEX IF NOT EXISTS ix_metrics_open ON ticket_metrics (open, priority);
      CREATE TABLE IF NOT EXISTS ticket_metric_skills (
        skill     TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        open      INTEGER NOT NULL,
        PRIMARY KEY (skill, ticket_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ix_metric_skills_ticket ON ticket_metric_skills (ticket_id);
      CREATE INDEX IF NOT EXISTS ix_metric_skills_open ON ticket_metric_skills (open, skill);
    `,
  },
  {
    version: 7,
    name: 'ticket history in its own table',
    sql: `
      -- One row per history entry, appended; the ticket's document no longer carries its history,
      -- so a save writes a small row however long the conversation grew.
      CREATE TABLE ticket_history (
        ticket_ref INTEGER NOT NULL REFERENCES tickets (ref) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        doc        TEXT NOT NULL,
        PRIMARY KEY (ticket_ref, seq)
      ) WITHOUT ROWID;
      INSERT INTO ticket_history (ticket_ref, seq, doc)
        SELECT t.ref, j.key, j.value FROM tickets t, json_each(t.doc, '$.history') j;
      -- How many entries the ticket has: a save appends the ones after it.
      ALTER TABLE tickets ADD COLUMN history_len INTEGER NOT NULL DEFAULT 0;
      UPDATE tickets SET history_len = json_array_length(doc, '$.history'), doc = json_remove(doc, '$.history')
        WHERE json_type(doc, '$.history') = 'array';
    `,
  },
];
