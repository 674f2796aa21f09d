/** Plain JSON shapes the fake keeps; they mirror Discord's API objects closely enough for discord.js. */
export type Json = Record<string, unknown>;

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string | null;
  readonly discriminator: '0';
  readonly avatar: null;
  readonly bot?: boolean;
}

export interface FakeRole {
  readonly id: string;
  readonly name: string;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
  readonly roles: FakeRole[];
  /** user id → role ids */
  readonly members: Map<string, string[]>;
}

export interface FakeChannel {
  readonly id: string;
  /** 0 text channel, 1 DM, 12 private thread. */
  readonly type: 0 | 1 | 12;
  readonly recipientId?: string;
  readonly guildId?: string;
  /** Threads: the channel they were made in, their name, options and members (user ids). */
  readonly parentId?: string;
  readonly name?: string;
  readonly invitable?: boolean;
  readonly members?: Set<string>;
}

/** One REST request as it crossed the wire. */
export interface RecordedCall {
  readonly method: string;
  /** Path after `/api/v10`, as sent (percent-encoding kept). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly auth: string | null;
  readonly body: Json | null;
  readonly status: number;
  readonly at: number;
}

/** An interaction the fake dispatched, and how the bot answered it. */
export interface InteractionRecord {
  readonly payload: Json;
  readonly dispatchedAt: number;
  /** Callback bodies (`{type, data}`) in arrival order; Discord accepts only the first. */
  readonly callbacks: { type: number; data: Json | undefined; at: number }[];
  /** The message the interaction's `@original` refers to, once there is one. */
  originalId: string | null;
  readonly channelId: string;
}

/** A response to inject once for the next matching request. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: Json;
  readonly headers?: Record<string, string>;
  remaining: number;
}
