import { createHash } from 'node:crypto';
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
  /** Identities whose profile is being fetched and saved in the background. */
  private readonly refreshing = new Set<string>();

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
   * The person id behind a Slack user, for paths that need only the id.
   * It never waits on users.info (see requesterForFiling).
   */
  async personId(teamId: string, userId: string, hintName?: string): Promise<Result<string>> {
    const requester = await this.requesterForFiling(teamId, userId, hintName);
    if (!requester.ok) return requester;
    await requester.value.stored;
    return ok(requester.value.id);
  }

  /**
   * The requester of a ticket about to be filed. It never waits on
   * users.info, so a /ticket answer cannot queue behind a slow or
   * rate-limited Slack API: a stored person is used as they are, and
   * someone new gets the name Slack sent in the payload and an id that
   * follows from their identity, so their record and their first ticket are
   * written in the same commit. `stored` settles once that record is saved;
   * the caller awaits it before answering. Either way the profile (display
   * name, email) is fetched in the background and saved when it arrives.
   * Once a profile was applied the id is served from memory until that
   * profile expires.
   */
  async requesterForFiling(teamId: string, userId: string, hintName?: string): Promise<Result<{ id: string; stored: Promise<void> }>> {
    const identity = slackIdentity(teamId, userId);
    const known = this.ids.get(identity);
    if (known) return ok({ id: known, stored: STORED });
    const found = await this.helpdesk.personByIdentity(identity);
    if (found) {
      this.refreshLater(teamId, userId, hintName);
      return ok({ id: found.id, stored: STORED });
    }
    const id = personIdFor(identity);
    const stored = this.helpdesk.identify({ identity, displayName: displayNameOf(null, hintName, userId), nameIsHint: true, newId: id }).then((person) => {
      if (!person.ok) throw new Error(`could not store ${identity}: ${person.error.message}`);
      // Everyone who stores a Slack user derives the same id, so this holds even when two requests race.
      if (person.value.id !== id) throw new Error(`${identity} is stored under another id than the one its ticket names`);
      this.refreshLater(teamId, userId, hintName);
    });
    // Awaited by the caller after filing; marked handled now so a failure meanwhile is not reported as unhandled.
    stored.catch(() => undefined);
    return ok({ id, stored });
  }

  /** Finds or creates the person behind a Slack user. `hintName` is the name a payload carried, if any. */
  async identify(teamId: string, userId: string, hintName?: string): Promise<Result<Person>> {
    const identity = slackIdentity(teamId, userId);
    const profile = await this.profile(userId);
    if (!profile) {
      const known = await this.helpdesk.personByIdentity(identity);
      if (known) return ok(known);
    }
    return this.apply(identity, profile, hintName, userId);
  }

  /** Saves what a profile says (or the payload's name) on the person and remembers the id while the profile is fresh. */
  private async apply(identity: string, profile: SlackProfile | null, hintName: string | undefined, userId: string): Promise<Result<Person>> {
    const email = profile?.email;
    const person = await this.helpdesk.identify({ identity, displayName: displayNameOf(profile, hintName, userId), nameIsHint: !profile, newId: personIdFor(identity), ...(email ? { email } : {}) });
    if (person.ok && profile) this.ids.set(identity, person.value.id);
    return person;
  }

  /** Fetches the profile without a deadline and applies it; one refresh per user at a time, failures only logged. */
  private refreshLater(teamId: string, userId: string, hintName: string | undefined): void {
    const identity = slackIdentity(teamId, userId);
    if (this.refreshing.has(identity)) return;
    this.refreshing.add(identity);
    const cached = this.cache.get(userId);
    void (cached ? Promise.resolve(cached) : this.lookup(userId))
      .then((profile) => (profile ? this.apply(identity, profile, hintName, userId) : undefined))
      .catch((error: unknown) => this.logger.warn({ err: error, slackUser: userId }, 'could not save the Slack profile'))
      .finally(() => this.refreshing.delete(identity));
  }

  /**
   * The name to give a Slack user the helpdesk does not know yet: their
   * profile's (cached, within the lookup deadline), else the name the
   * payload carried. Reads only; nobody is stored.
   */
  async nameOf(userId: string, hintName?: string): Promise<string> {
    return displayNameOf(await this.profile(userId), hintName, userId);
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
    return withDeadline(this.lookup(userId), this.options.lookupDeadlineMs);
  }

  /** users.info for one user, shared by everyone asking meanwhile. */
  private lookup(userId: string): Promise<SlackProfile | null> {
    let pending = this.inflight.get(userId);
    if (!pending) {
      pending = this.fetch(userId).finally(() => this.inflight.delete(userId));
      this.inflight.set(userId, pending);
    }
    return pending;
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

const STORED: Promise<void> = Promise.resolve();

/** The id a Slack user's record gets when the helpdesk first stores them: the same from every request and process. */
export function personIdFor(identity: string): string {
  return `p-${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
}

function displayNameOf(profile: SlackProfile | null, hintName: string | undefined, userId: string): string {
  return clip((profile?.displayName ?? hintName ?? userId).trim() || userId, 80);
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
