import { dashboardSessionContract } from '../../core/ports/dashboard.contract.js';
import { updatedOrderContract } from '../../core/ports/store-updated-order.contract.js';
import { MemoryDashboardSessions } from '../../core/testing/memory-dashboard-sessions.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { openSqliteStore, SqliteDashboardSessions } from './index.js';

dashboardSessionContract('memory', async () => ({ sessions: new MemoryDashboardSessions() }));

dashboardSessionContract('SQLite', async () => {
  const store = openSqliteStore({ dataDir: ':memory:' });
  return { sessions: new SqliteDashboardSessions(store.db), close: () => store.close() };
});

updatedOrderContract('memory', async () => ({ store: new MemoryStore() }));
updatedOrderContract('SQLite', async () => {
  const store = openSqliteStore({ dataDir: ':memory:' });
  return { store, close: () => store.close() };
});
