/**
 * Tickets with long histories, on the SQLite store with its production
 * settings (WAL, synchronous=FULL) in a temporary directory. Five tickets
 * each get 10,000 messages (saved through the store, 500 per save), then:
 * - ticket_10k_start_ms / ticket_10k_messages_ms: `startTicket` and
 *   `resolveTicket` through the Helpdesk, as the admin's click does (read,
 *   policy, transition, save with its event), median over the five tickets;
 * - ticket_10k_message_ms: one more message saved through the store on such
 *   a ticket (read and save);
 * - ticket_10k_list_ms: `listTickets` of the page holding the five tickets
 *   (every history attached), median of five.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite/index.js';
import { addMessage, Helpdesk, type Person, type Ticket } from '../../core/index.js';
import { benchDeps, percentile } from '../support.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 5;
const MESSAGES = 10_000;
const PER_SAVE = 500;
const TEXT = 'The VPN dropped again after about ten minutes; the client log says "tunnel closed by peer". ';

const suite: BenchSuite = {
  name: 'history',
  async run(): Promise<Metric[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-history-'));
    const store = openSqliteStore({ dataDir: dir });
    try {
      const helpdesk = new Helpdesk(benchDeps(store));
      const at = new Date().toISOString();
      const admin = await store.ensurePerson({ id: 'admin', identity: 'console:admin', displayName: 'Admin', email: null, role: 'admin', createdAt: at });
      const tickets: Ticket[] = [];
      for (let i = 0; i < TICKETS; i++) tickets.push(await longTicket(store, i, admin));
      const start = await timeEach(tickets, async (t) => {
        const r = await helpdesk.startTicket({ ticketId: t.id, actorId: admin.id });
        if (!r.ok) throw new Error(r.error.message);
      });
      const message = await timeEach(tickets, async (t) => {
        const current = await store.getTicket(t.id);
        if (!current) throw new Error('ticket vanished');
        await store.updateTicket(addMessage(current, admin.id, 'One more thing to try: reinstall the client.', new Date().toISOString()), { expectedVersion: current.version });
      });
      const resolve = await timeEach(tickets, async (t) => {
        const r = await helpdesk.resolveTicket({ ticketId: t.id, actorId: admin.id, note: 'Replaced the VPN profile; stable for a day now.' });
        if (!r.ok) throw new Error(r.error.message);
      });
      const list = await timeEach(tickets, async () => {
        const r = await helpdesk.listTickets(admin, { scope: 'all', statuses: ['DONE'] });
        if (!r.ok) throw new Error(r.error.message);
        if (r.value.tickets.length < TICKETS) throw new Error('the list misses tickets');
      });
      return [
        { metric: 'ticket_10k_messages_ms', value: percentile(resolve, 0.5), unit: 'ms', target: '< 100' },
        { metric: 'ticket_10k_start_ms', value: percentile(start, 0.5), unit: 'ms' },
        { metric: 'ticket_10k_message_ms', value: percentile(message, 0.5), unit: 'ms' },
        { metric: 'ticket_10k_list_ms', value: percentile(list, 0.5), unit: 'ms' },
        { metric: 'ticket_10k_row_bytes', value: rowBytes(store, tickets[0]?.id ?? ''), unit: 'bytes' },
      ];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

/** A ticket assigned to the admin with MESSAGES messages, requester and staff taking turns. */
async function longTicket(store: SqliteStore, i: number, admin: Person): Promise<Ticket> {
  const t0 = Date.now() - MESSAGES * 1000;
  const { ticket } = await store.createTicket(
    { id: `long-${i}`, title: `VPN keeps dropping ${i}`, description: TEXT, requesterId: `requester-${i}`, origin: { platform: 'console' }, priority: 'MEDIUM', createdAt: new Date(t0).toISOString() },
    [],
  );
  let t = await store.updateTicket({ ...ticket, assigneeId: admin.id }, { expectedVersion: ticket.version });
  for (let m = 0; m < MESSAGES; m += PER_SAVE) {
    let next = t;
    for (let k = m; k < m + PER_SAVE; k++) next = addMessage(next, k % 2 === 0 ? ticket.requesterId : admin.id, `${TEXT}(${k})`, new Date(t0 + k * 1000).toISOString());
    t = await store.updateTicket(next, { expectedVersion: t.version });
  }
  return t;
}

/** Milliseconds of `fn` for each ticket, in turn. */
async function timeEach(tickets: readonly Ticket[], fn: (t: Ticket) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (const t of tickets) {
    const started = process.hrtime.bigint();
    await fn(t);
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

function rowBytes(store: SqliteStore, id: string): number {
  return store.db.prepare('SELECT length(CAST(doc AS BLOB)) FROM tickets WHERE id = ?').pluck().get(id) as number;
}
