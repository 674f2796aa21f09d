import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HelpdeskSettings, Logger, Person, SimilarTicketIndex, TicketStatsStore, TriageEngine } from '../../core/index.js';
import { FixedTriage } from '../../core/testing/fakes.js';
import { testHelpdesk, type TestHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createSlackChannel, createSlackSurface, type SlackConfig, type SlackSurface } from '../../adapters/slack/index.js';
import { FakeSlack } from './fake-slack/server.js';
import { SlackSigner } from './fake-slack/signer.js';
import { slashCommand, type Actor } from './fake-slack/payloads.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** Log lines kept for assertions (error references, warnings). */
export class RecordingLogger implements Logger {
  constructor(readonly lines: { level: string; obj: Record<string, unknown>; msg: string | undefined }[] = [], private readonly bindings: Record<string, unknown> = {}) {}
  private log(level: string, obj: object | string, msg?: string) {
    this.lines.push(typeof obj === 'string' ? { level, obj: { ...this.bindings }, msg: obj } : { level, obj: { ...this.bindings, ...obj }, msg });
  }
  debug = (obj: object | string, msg?: string) => this.log('debug', obj, msg);
  info = (obj: object | string, msg?: string) => this.log('info', obj, msg);
  warn = (obj: object | string, msg?: string) => this.log('warn', obj, msg);
  error = (obj: object | string, msg?: string) => this.log('error', obj, msg);
  child = (bindings: Record<string, unknown>): Logger => new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
}

export const ADMIN: Actor = { team: 'T1', user: 'UADMIN', name: 'ada' };
export const MODERATOR: Actor = { team: 'T1', user: 'UMOD', name: 'max' };
export const REQUESTER: Actor = { team: 'T1', user: 'UREQ', name: 'rita' };

export interface SlackHarness extends TestHelpdesk {
  readonly fake: FakeSlack;
  readonly surface: SlackSurface;
  readonly signer: SlackSigner;
  readonly logger: RecordingLogger;
  /** Runs queued workflows until `condition` holds (polling; fails after a generous deadline). */
  settle(condition?: () => boolean | Promise<boolean>, what?: string): Promise<void>;
  person(actor: Actor): Promise<Person | null>;
  close(): Promise<void>;
}

/**
 * The real Bolt app (HTTP mode, mounted on a server of our own like the
 * bot does) against the fake Slack, driving a helpdesk built from core's
 * in-memory pieces with the Slack channel as its notifier.
 */
export async function startSlackHarness(
  options: {
    triage?: TriageEngine;
    similar?: SimilarTicketIndex;
    settings?: Partial<HelpdeskSettings>;
    config?: Partial<SlackConfig>;
    stats?: TicketStatsStore;
    /** Puts a wrapper around the in-memory store (a store that stalls, for slow-store tests). */
    wrapStore?: (store: MemoryStore) => MemoryStore;
  } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  fake.addUser({ id: ADMIN.user, name: ADMIN.name, realName: 'Ada Admin', email: 'ada@example.com' });
  fake.addUser({ id: MODERATOR.user, name: MODERATOR.name, realName: 'Max Moderator', email: 'max@example.com' });
  fake.addUser({ id: REQUESTER.user, name: REQUESTER.name, realName: 'Rita Requester', email: 'rita@example.com' });
  const logger = new RecordingLogger();
  const store = options.wrapStore ? options.wrapStore(new MemoryStore()) : new MemoryStore();
  const config: SlackConfig = {
    botToken: fake.botToken,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    deliveryRetryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    profileLookupDeadlineMs: 5_000,
    ...options.config,
  };
  const channel = createSlackChannel({ store, logger, config });
  const t = testHelpdesk({
    store,
    channels: [channel],
    logger,
    triage: options.triage ?? new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network', notes: 'Check the VPN gateway certificate.', summary: 'VPN fails to connect' }),
    ...(options.similar ? { similar: options.similar } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
    settings: { adminIdentities: [`slack:${ADMIN.team}:${ADMIN.user}`], ...options.settings },
  });
  const surface = createSlackSurface({ helpdesk: t.helpdesk, store, logger, config, channel });
  await surface.start();
  const listener = surface.requestListener;
  if (!listener) throw new Error('HTTP mode expected');
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/slack/events')) listener(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const signer = new SlackSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);

  const settle = async (condition: () => boolean | Promise<boolean> = () => true, what = 'condition') => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await t.engine.drain();
      if (await condition()) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    ...t,
    fake,
    surface,
    signer,
    logger,
    settle,
    person: (actor) => store.findPersonByIdentity(`slack:${actor.team}:${actor.user}`),
    async close() {
      await surface.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

/**
 * A harness whose moderator holds `vpn` (the default triage's skill), given
 * by the admin with /skills, so the first ticket is assigned to them.
 */
export async function startStaffedSlackHarness(options: Parameters<typeof startSlackHarness>[0] = {}): Promise<SlackHarness> {
  const h = await startSlackHarness(options);
  await h.signer.command(slashCommand(ADMIN, '/skills', `add <@${MODERATOR.user}|max> vpn`, h.fake.responseUrl('setup')));
  await h.settle(() => h.fake.responses.some((r) => r.id === 'setup'), 'setup');
  return h;
}
