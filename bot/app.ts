import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Readable } from 'node:stream';
import { DEFAULT_SETTINGS, Helpdesk, Notifier, SkillCatalog, type Logger, type NotificationChannel, type SimilarTicketIndex, type Store } from '../core/index.js';
import { ConsoleChannel, ConsoleSurface } from '../adapters/console/index.js';
import { JobPruner, WorkSignalRelay } from '../adapters/inprocess/index.js';
import type { Config } from './config.js';
import { startHttpServer, type Route } from './http.js';
import { buildAi } from './wiring/ai.js';
import { buildEmail } from './wiring/channels.js';
import { buildEngine } from './wiring/engine.js';
import { openStore } from './wiring/store.js';
import { buildPlatforms, type Surface } from './wiring/surfaces.js';
import { slaSettings, statsFor } from './wiring/sla.js';
import { dashboardFor, secureCookies } from './wiring/dashboard.js';
import { WebDashboard } from '../adapters/web/index.js';

export { StartupError } from './errors.js';

export interface App {
  start(): Promise<void>;
  /** Graceful: surfaces stop taking input, in-flight work finishes, the store closes. */
  stop(): Promise<void>;
  /** Resolves when the background work triggered so far has settled. */
  settle(): Promise<void>;
  readonly helpdesk: Helpdesk;
  /** The similar-ticket index the helpdesk searches, for benchmarks that measure it directly. */
  readonly similar: SimilarTicketIndex;
}

export interface AppIo {
  readonly input: Readable;
  readonly interactive: boolean;
  readonly onConsoleEnd: () => void;
}

const systemClock = { now: () => new Date() };
/** How far ahead the end of a piped run looks for due work (a retry's backoff), see docs/runner.md. */
const PIPED_RUN_RETRY_HORIZON_MS = 30_000;
const uuids = { newId: () => randomUUID() };

/** Wires the configured adapters into core. The only place that knows them all. */
export async function buildApp(config: Readonly<Config>, logger: Logger, io: AppIo): Promise<App> {
  for (const warning of config.warnings) logger.warn(warning);
  const store: Store = await openStore(config, logger);
  const ai = await buildAi(config, store, systemClock, logger);

  const platforms = await buildPlatforms(config, store, logger);
  const channels: NotificationChannel[] = [...platforms.channels];
  const write = (line: string) => void process.stdout.write(`${line}\n`);
  if (config.console.enabled) channels.push(new ConsoleChannel({ write }));
  const email = buildEmail(config, store, logger);
  channels.push(email.channel);

  const signal = new WorkSignalRelay();
  const stats = statsFor(store);
  const dashboard = dashboardFor(config, store, logger);
  const deps = {
    store,
    clock: systemClock,
    ids: uuids,
    catalog: new SkillCatalog(),
    triage: ai.triage,
    similar: ai.similar,
    notifier: new Notifier(channels, logger),
    signal,
    logger,
    ...(stats ? { stats } : {}),
    ...(dashboard ? { dashboard } : {}),
    settings: {
      ...DEFAULT_SETTINGS,
      adminIdentities: config.HELPDESK_ADMINS,
      filingLimitPerMinute: config.HELPDESK_FILING_LIMIT_PER_MINUTE,
      ...slaSettings(config.sla),
    },
  };
  const helpdesk = new Helpdesk(deps);
  const web = dashboard ? new WebDashboard({ helpdesk, secureCookies: secureCookies(dashboard), logger }) : null;
  const engine = await buildEngine(config, { store, deps, workflows: helpdesk.workflows(), clock: systemClock, logger, signal });

  const pruner = new JobPruner({ jobs: store, clock: systemClock, logger, retainMs: config.jobsRetentionMs });

  let surfaces: Surface[];
  try {
    surfaces = await platforms.surfaces(helpdesk);
  } catch (error) {
    // A platform refused at start-up: give back what this process holds (the runner's heartbeat, the store) before the error ends it.
    await stopAll([() => engine.stop(), () => ai.stop(), () => store.close()], logger);
    throw error;
  }
  const routes: Route[] = [...engine.routes, ...platforms.routes];
  let server: Server | null = null;
  // At the end of piped input, short retries still run before the process exits; far timers (SLA) stay stored.
  const finishPipedRun = () =>
    void engine
      .idle({ dueWithinMs: PIPED_RUN_RETRY_HORIZON_MS })
      .catch((error: unknown) => logger.warn({ err: error }, 'pending work could not be finished before exit'))
      .finally(io.onConsoleEnd);
  let consoleSurface: ConsoleSurface | null = null;

  return {
    helpdesk,
    similar: ai.similar,
    settle: () => engine.idle(),
    async start() {
      const admins = await helpdesk.ensureConfiguredAdmins();
      if (admins === 0) logger.warn('no admin is configured: tickets nobody can take wait in the queue unseen (set HELPDESK_ADMINS)');
      engine.start();
      const rearmed = await helpdesk.rearmTimers(engine.name);
      if (rearmed > 0) logger.info({ tickets: rearmed, engine: engine.name }, 'timers of open tickets set again on this engine (the engine changed since the last start)');
      pruner.start();
      if (config.PORT !== undefined || routes.length > 0) {
        const port = config.PORT ?? 3000;
        server = await startHttpServer({ port, routes, logger, health: async () => ({ ok: true, detail: { store: store.description, engine: engine.name } }), ...(web ? { fallback: web.listener } : {}) });
        logger.info({ port, paths: ['/healthz', ...routes.map((r) => r.prefix), ...(web && dashboard ? [`dashboard ${dashboard.baseUrl}/`] : [])] }, 'http server listening');
      }
      for (const s of surfaces) await s.start();
      if (config.console.enabled) {
        consoleSurface = new ConsoleSurface({ helpdesk, input: io.input, output: { write }, logger, interactive: io.interactive, settle: () => engine.idle(), onEnd: () => finishPipedRun() });
        consoleSurface.start();
      }
      logger.info(
        {
          store: store.description,
          engine: engine.name,
          ai: ai.description,
          similarTickets: ai.similar.size,
          surfaces: [...surfaces.map((s) => s.name), ...(config.console.enabled ? ['console'] : [])],
          channels: channels.map((c) => c.name),
          mail: email.description,
        },
        'helpdesk-bot started',
      );
    },
    async stop() {
      consoleSurface?.stop();
      await stopAll(
        [
          ...surfaces.map((s) => () => s.stop()),
          () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
          () => pruner.stop(),
          () => engine.stop(),
          () => email.channel.close(),
          () => ai.stop(),
          () => store.close(),
        ],
        logger,
      );
    },
  };
}

/**
 * Runs every stop step in order even when one fails (a surface that never
 * started, a server that never listened), so the runner's heartbeat is
 * released and the store closed whatever happened before; the first error
 * is rethrown at the end.
 */
async function stopAll(steps: readonly (() => Promise<void> | void)[], logger: Logger): Promise<void> {
  let first: unknown = null;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      if (first === null) first = error;
      else logger.warn({ err: error }, 'another error while stopping');
    }
  }
  if (first !== null) throw first;
}
