import { dashboardSessionContract } from '../../core/ports/dashboard.contract.js';
import { MemoryDashboardSessions } from '../../core/testing/memory-dashboard-sessions.js';
import { openSqliteStore, SqliteDashboardSessions } from './index.js';

dashboardSessionContract('memory', async () => ({ sessions: new MemoryDashboardSessions() }));

dashboardSessionContract('SQLite', async () => {
  const store = openSqliteStore({ dataDir: ':memory:' });
  return { sessions: new SqliteDashboardSessions(store.db), close: () => store.close() };
});
