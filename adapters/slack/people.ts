import type { webApi } from '@slack/bolt';
import { clip, ok, type Helpdesk, type Logger, type MentionResolver, type Person, type Result } from '../../core/index.js';
import { slackErrorCode } from './channel.js';
import { parseMention, slackIdentity } from './identity.js';
import { TtlCache } from './ttl-cache.js';

export interface SlackProfile {
  readonly displayName: string;
  readonly email: string | null;
}

export interface PeopleOptions {
  readonly cacheSize: number;
  readonly cacheTtlMs: number;
  /** How long a request waits for users.info before going on with what it has (acks must stay under 3 s). */
  readonly lookupDeadlineMs: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Maps Slack users to helpdesk people (`slack:<team>:<user>`) with names and
 * emails from users.info, cached in memory. A slow or failing users.info
 * never blocks a request: a known person is used as stored, a new one is
 * created with the name Slack sent and completed on a later request.
 */
export class SlackPeople {
  private readonly cache: TtlCache<SlackProfile>;
  /** identity → person id, once identify ran with a fresh profile; expires with the profile. */
  private readonly ids: TtlCache<string>;
  private readonly inflight = new Map<string, Promise<SlackProfile | null>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly helpdesk: Helpdesk,
    private readonly logger: Logger,
    private readonly options: PeopleOptions,
  ) {
    this.cache = new TtlCache(options.cacheSize, options.cacheTtlMs);
    this.ids = new TtlCache(options.cacheSize, options.cacheTtlMs);
  }

  /**
   * The person id behind a Slack user, for paths that need only the id
   * (filing). A person's id never changes, so once identify ran with a
   * fresh profile the id is served from memory until that profile expires:
   * the filing path then writes the ticket and nothing else.
   */
  async personId(teamId: string, userId: string, hintName?: string): Promise<Result<string>> {
    const identity = slackIdentity(teamId, userId);
    const known = this.ids.get(identity);
    if (known) return ok(known);
    const person = await this.identify(teamId, userId, hintName);
    return person.ok ? ok(person.value.id) : person;
  }

  /** Finds or creates the person behind a Slack user. `hintName` is the name a payload carried, if any. */
  async identify(teamId: string, userId: string, hintName?: string): Promise<Result<Person>> {
    const identity = slackIdentity(teamId, userId);
    const profile = await this.profile(userId);
    if (!profile) {
      const known = await this.helpdesk.deps.store.findPersonByIdentity(identity);
      if (known) return ok(known);
    }
    const displayName = clip((profile?.displayName ?? hintName ?? userId).trim() || userId, 80);
    const email = profile?.email;
    const person = await this.helpdesk.identify({ identity, displayName, ...(email ? { email } : {}) });
    if (person.ok && profile) this.ids.set(identity, person.value.id);
    return person;
  }

  /** Resolves `<@U123>` and `<@U123|name>` to identities in this team. */
  mentionResolver(teamId: string): MentionResolver {
    return (token) => {
      const user = parseMention(token);
      return user ? slackIdentity(teamId, user) : null;
    };
  }

  clear(): void {
    this.cache.clear();
    this.ids.clear();
  }

  private async profile(userId: string): Promise<SlackProfile | null> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    let pending = this.inflight.get(userId);
    if (!pending) {
      pending = this.fetch(userId).finally(() => this.inflight.delete(userId));
      this.inflight.set(userId, pending);
    }
    return withDeadline(pending, this.options.lookupDeadlineMs);
  }

  private async fetch(userId: string): Promise<SlackProfile | null> {
    try {
      const result = await this.client.users.info({ user: userId });
      const u = result.user;
      if (!u) return null;
      const name = [u.profile?.display_name, u.profile?.real_name, u.real_name, u.name].find((x): x is string => typeof x === 'string' && x.trim() !== '');
      const email = u.profile?.email && EMAIL.test(u.profile.email) ? u.profile.email : null;
      const profile: SlackProfile = { displayName: name ?? userId, email };
      this.cache.set(userId, profile);
      return profile;
    } catch (error) {
      this.logger.warn({ slackUser: userId, slackError: slackErrorCode(error) ?? (error instanceof Error ? error.message : 'unknown') }, 'users.info failed; going on without the profile');
      return null;
    }
  }
}

/** Resolves to null when `promise` takes longer than `ms`; the promise itself keeps running (and fills the cache). */
function withDeadline<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
