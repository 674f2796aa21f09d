/**
 * pipeline_per_s: tickets per second through file → triage → assign →
 * notify, on the production path: SQLite store in a temporary directory with
 * its default durability (synchronous=FULL), the in-process runner with its
 * default options, local triage, and a notification channel that accepts
 * everything without doing I/O.
 *
 * Tickets arrive as people file them: in waves of BATCH filed at once (50
 * people pressing enter together), each wave as soon as the previous one was
 * acknowledged, while the runner works through the pipelines. The clock
 * stops when the runner is idle with every pipeline finished, so the figure
 * is sustained end-to-end throughput, not the intake rate. (Filing one
 * ticket at a time and waiting for each batch to settle measured one
 * pipeline's latency instead: with a disk flush per commit, a pipeline is
 * some twenty commits long whatever the machine.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessRunner, WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { LexicalSimilarIndex, LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import {
  DEFAULT_SETTINGS,
  Helpdesk,
  Notifier,
  SkillCatalog,
  silentLogger,
  type DeliveryOutcome,
  type NotificationChannel,
  type Store,
} from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';

const TICKETS = 2_000;
const BATCH = 50;
const WARMUP = 20;
/** Stops filing new waves after this long, so a slow disk (fsync per commit) does not stall the whole bench run. */
const MAX_SECONDS = 20;
const MODERATORS = 50;
const SKILLS = ['vpn', 'networking', 'email', 'printers', 'accounts', 'hardware', 'linux', 'python', 'sql', 'javascript'];

/** Everyday requests, so triage sees varied text and assignment spreads over moderators. */
const REQUESTS: readonly (readonly [string, string])[] = [
  ['VPN drops every hour', 'The VPN client disconnects from the Berlin office and reconnects after a minute.'],
  ['Printer on floor 3 jams', 'The shared printer jams on every duplex job since this morning.'],
  ['Cannot receive email in Outlook', 'Mail stopped arriving in Outlook; webmail shows new messages.'],
  ['Password reset for my account', 'I am locked out of my account after the password expired.'],
  ['Laptop will not boot', 'My laptop shows a black screen after the logo; the fan spins.'],
  ['Python script fails with ImportError', 'Our nightly python job fails importing pandas after the upgrade.'],
  ['Slow SQL query on reports', 'The monthly report query takes minutes; it used to take seconds.'],
  ['Linux server disk full', 'The build server reports no space left on device on /var.'],
];

/** Accepts every notification at once: the bench measures the pipeline, not a chat API. */
const noopChannel: NotificationChannel = {
  name: 'console',
  kind: 'chat',
  canReach: () => true,
  deliver: async (): Promise<DeliveryOutcome> => ({ status: 'delivered' }),
};

const suite: BenchSuite = {
  name: 'pipeline',
  async run(): Promise<Metric[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-pipeline-'));
    const store = openSqliteStore({ dataDir: dir });
    try {
      const perSecond = await measure(store);
      return [{ metric: 'pipeline_per_s', value: perSecond, unit: 'tickets/s', target: '>= 500' }];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

async function measure(store: Store): Promise<number> {
  const clock = { now: () => new Date() };
  let n = 0;
  const ids = { newId: () => `bench-${++n}` };
  const relay = new WorkSignalRelay();
  const triage = new LocalTriageEngine();
  const helpdesk = new Helpdesk({
    store,
    clock,
    ids,
    catalog: new SkillCatalog(),
    triage,
    similar: new LexicalSimilarIndex(),
    notifier: new Notifier([noopChannel], silentLogger),
    signal: relay,
    logger: silentLogger,
    settings: { ...DEFAULT_SETTINGS, filingLimitPerMinute: 0 },
  });
  const at = clock.now().toISOString();
  for (let i = 0; i < MODERATORS; i++) {
    const p = await store.ensurePerson({ id: `mod-${i}`, identity: `console:mod${i}`, displayName: `mod${i}`, email: null, role: 'moderator', createdAt: at });
    await store.updatePerson(p.id, { skills: [SKILLS[i % SKILLS.length] ?? 'vpn', SKILLS[(i + 3) % SKILLS.length] ?? 'sql'] }, p.version, at);
  }
  const requester = await store.ensurePerson({ id: 'requester', identity: 'console:alice', displayName: 'alice', email: null, role: 'user', createdAt: at });
  const runner = new InProcessRunner({ jobs: store, workflows: helpdesk.workflows(), clock, logger: silentLogger });
  relay.attach(runner);
  runner.start();
  try {
    let seq = 0;
    const fileOne = async () => {
      const [title, description] = REQUESTS[(seq++) % REQUESTS.length] ?? ['Help', 'Please help.'];
      const filed = await helpdesk.fileTicket({ requesterId: requester.id, title, description: `${description} (${seq})`, origin: { platform: 'console' } });
      if (!filed.ok) throw new Error(filed.error.message);
    };
    const wave = (count: number) => Promise.all(Array.from({ length: count }, fileOne));
    await wave(WARMUP);
    await runner.idle();
    const started = performance.now();
    let filed = 0;
    while (filed < TICKETS && performance.now() - started < MAX_SECONDS * 1000) {
      await wave(BATCH);
      filed += BATCH;
    }
    await runner.idle();
    const seconds = (performance.now() - started) / 1000;
    const unfinished = await store.listJobs({ states: ['pending', 'running', 'failed'], limit: 1 });
    if (unfinished.length > 0) throw new Error(`pipeline bench: job ${unfinished[0]?.name} ended ${unfinished[0]?.state}`);
    return filed / seconds;
  } finally {
    await runner.stop();
  }
}
