import type { HelpdeskSettings, Logger, NotificationChannel, Person, TicketStatsStore, TriageEngine } from '../../core/index.js';
import { FixedTriage, RecordingChannel } from '../../core/testing/fakes.js';
import { testHelpdesk, type TestHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createDiscordChannel, createDiscordSurface, discordIdentity, type DiscordSurface } from '../../adapters/discord/index.js';
import { FakeDiscord, type FakeGuild, type FakeUser } from './fake-discord/index.js';

export const ADMIN_ROLE = 'Helpdesk Admins';

/** Log lines kept for assertions (error references, warnings). */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: { level: string; obj: Record<string, unknown>; msg: string | undefined }[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  private log(level: string, obj: object | string, msg?: string) {
    this.lines.push(typeof obj === 'string' ? { level, obj: { ...this.bindings }, msg: obj } : { level, obj: { ...this.bindings, ...obj }, msg });
  }
  debug = (obj: object | string, msg?: string) => this.log('debug', obj, msg);
  info = (obj: object | string, msg?: string) => this.log('info', obj, msg);
  warn = (obj: object | string, msg?: string) => this.log('warn', obj, msg);
  error = (obj: object | string, msg?: string) => this.log('error', obj, msg);
  child = (bindings: Record<string, unknown>): Logger => new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
}

export interface DiscordHarness extends TestHelpdesk {
  readonly fake: FakeDiscord;
  readonly surface: DiscordSurface;
  readonly email: RecordingChannel;
  readonly logger: RecordingLogger;
  /** The server the helpdesk serves (DISCORD_GUILD_IDS). */
  readonly guild: FakeGuild;
  /** A server the bot is in but the helpdesk does not serve, with a role of the same name as the admin role. */
  readonly other: FakeGuild;
  /** The admin role's id in the served server (DISCORD_ADMIN_ROLE_ID). */
  readonly adminRoleId: string;
  /**
   * root: HELPDESK_ADMINS; carol: holds the admin role; bob: a moderator-to-be; alice: a requester; dave: nobody special;
   * mallory: only in the other server, holding its same-named role.
   */
  readonly users: { readonly root: FakeUser; readonly carol: FakeUser; readonly bob: FakeUser; readonly alice: FakeUser; readonly dave: FakeUser; readonly mallory: FakeUser };
  /** Workflow runs that threw (checked empty by the tests). */
  readonly drainErrors: unknown[];
  /** Resolves once the background work queued so far has run. */
  settled(): Promise<void>;
  person(user: FakeUser): Promise<Person | null>;
  close(): Promise<void>;
}

/**
 * The real discord.js client against the fake Discord, driving a helpdesk
 * built from core's in-memory pieces. Background work runs as it would in
 * production: every enqueued job wakes the engine (here core's InlineEngine,
 * run one drain at a time). An email channel stands in for the fallback.
 */
export async function startDiscordHarness(
  options: {
    triage?: TriageEngine;
    settings?: Partial<HelpdeskSettings>;
    ackAfterMs?: number;
    /** How the admin role is configured: by id (the default), by name only, or not at all. */
    adminRoleBy?: 'id' | 'name' | 'none';
    /** DISCORD_SUPPORT_CHANNELS: server messages are read (GuildMessages + MessageContent). */
    supportChannels?: boolean;
    /** Called on the fresh store before the surface starts (records an earlier version left behind). */
    seed?: (store: MemoryStore, users: DiscordHarness['users']) => Promise<void>;
    /** A stats store, for `/stats`. */
    stats?: TicketStatsStore;
  } = {},
): Promise<DiscordHarness> {
  const fake = new FakeDiscord();
  await fake.start();
  const guild = fake.addGuild('Acme', [ADMIN_ROLE]);
  const users = {
    root: fake.addUser('root', { globalName: 'Root Admin' }),
    carol: fake.addUser('carol', { globalName: 'Carol' }),
    bob: fake.addUser('bob', { globalName: 'Bob' }),
    alice: fake.addUser('alice', { globalName: 'Alice' }),
    dave: fake.addUser('dave', { globalName: 'Dave' }),
    mallory: fake.addUser('mallory', { globalName: 'Mallory' }),
  };
  fake.addMember(guild, users.root);
  fake.addMember(guild, users.carol, [ADMIN_ROLE]);
  fake.addMember(guild, users.bob);
  fake.addMember(guild, users.alice);
  fake.addMember(guild, users.dave);
  const other = fake.addGuild('Elsewhere', [ADMIN_ROLE]);
  fake.addMember(other, users.mallory, [ADMIN_ROLE]);
  fake.addMember(other, users.carol, [ADMIN_ROLE]);
  const adminRoleId = guild.roles.find((r) => r.name === ADMIN_ROLE)?.id ?? '';

  const logger = new RecordingLogger();
  const store = new MemoryStore();
  const email = new RecordingChannel('email', 'email', () => true);
  const by = options.adminRoleBy ?? 'id';
  const config = {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    guildIds: [guild.id],
    ...(by === 'id' ? { adminRoleId } : by === 'name' ? { adminRole: ADMIN_ROLE } : {}),
    ...(options.supportChannels ? { supportChannels: true } : {}),
  };
  const discord = createDiscordChannel({ store, logger, config });
  const channels: NotificationChannel[] = [discord, email];

  let queue: Promise<void> = Promise.resolve();
  const drainErrors: unknown[] = [];
  let t: TestHelpdesk | null = null;
  const signal = {
    workAvailable: () => {
      queue = queue.then(() => t?.engine.drain().then(() => undefined)).catch((error: unknown) => void drainErrors.push(error));
    },
  };
  t = testHelpdesk({
    store,
    channels,
    logger,
    signal,
    ...(options.stats ? { stats: options.stats } : {}),
    triage: options.triage ?? new FixedTriage({ skills: ['vpn'], priority: 'HIGH', category: 'network', notes: 'Check the VPN gateway certificate.', summary: 'VPN fails to connect' }),
    settings: { adminIdentities: [discordIdentity(users.root.id)], filingLimitPerMinute: 100, ...options.settings },
  });
  await options.seed?.(store, users);
  const surface = createDiscordSurface({ helpdesk: t.helpdesk, store, logger, config, channel: discord, newReference: () => 'REF123', ...(options.ackAfterMs !== undefined ? { ackAfterMs: options.ackAfterMs } : {}) });
  await surface.start();
  const helpdesk = t;

  return {
    ...helpdesk,
    fake,
    surface,
    email,
    logger,
    guild,
    other,
    adminRoleId,
    users,
    drainErrors,
    async settled() {
      // Work enqueued while a drain runs is picked up by the drain chained after it.
      for (let i = 0; i < 5; i++) await queue;
    },
    person: (user) => store.findPersonByIdentity(discordIdentity(user.id)),
    async close() {
      await surface.stop();
      await queue;
      await fake.stop();
    },
  };
}
