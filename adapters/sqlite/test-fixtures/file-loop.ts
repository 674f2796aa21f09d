/**
 * Crash-test worker: files tickets through core into the SQLite store in
 * `argv[2]` and assigns each one, forever, printing each ref once its
 * filing returned. The test kills it with SIGKILL at an arbitrary moment.
 */
import { fileTicket } from '../../../core/index.js';
import { assignToPerson } from '../../../core/usecases/assign-ticket.js';
import { openSqliteStore } from '../index.js';
import { depsWith } from './deps.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: file-loop.ts <dataDir>');
const store = openSqliteStore({ dataDir: dir });
const deps = depsWith(store);
const at = new Date().toISOString();
const requester = await store.ensurePerson({ id: 'requester', identity: 'console:alice', displayName: 'alice', email: null, role: 'user', createdAt: at });
const admin = await store.ensurePerson({ id: 'admin', identity: 'console:root', displayName: 'root', email: null, role: 'admin', createdAt: at });

for (let i = 0; ; i++) {
  const filed = await fileTicket(deps, {
    requesterId: requester.id,
    title: `Crash test ticket ${i}`,
    description: `The printer on floor ${i % 7} shows error ${i}. `.repeat(20),
    origin: { platform: 'console' },
  });
  if (!filed.ok) throw new Error(filed.error.message);
  process.stdout.write(`filed ${filed.value.ticket.ref}\n`);
  const assigned = await assignToPerson(deps, filed.value.ticket.id, admin.id, admin.id);
  if (!assigned.ok) throw new Error(assigned.error.message);
}
