import { snowflake } from './snowflake.js';
import type { FakeState } from './state.js';
import type { FakeGuild, FakeUser, Json } from './types.js';

/** Where an interaction happens: a server's text channel, or the user's DM with the bot. */
export type Place = { readonly guild: FakeGuild } | { readonly dm: true };

/** Slash command options as Discord sends them, with the users they mention. */
export interface Option {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean;
  readonly options?: readonly Option[];
  readonly focused?: boolean;
  readonly user?: FakeUser;
}

export const opt = {
  string: (name: string, value: string, focused = false): Option => ({ name, type: 3, value, ...(focused ? { focused } : {}) }),
  user: (name: string, user: FakeUser): Option => ({ name, type: 6, value: user.id, user }),
  sub: (name: string, options: readonly Option[] = []): Option => ({ name, type: 1, options }),
};

/** The envelope every interaction shares; `entitlements` and `authorizing_integration_owners` are required by discord.js. */
export function interactionPayload(s: FakeState, user: FakeUser, place: Place, type: number, data: Json, extra: Json = {}): Json {
  const id = snowflake();
  const base: Json = {
    id,
    application_id: s.applicationId,
    type,
    data,
    token: `itoken-${id}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 8_388_608,
    ...extra,
  };
  if ('guild' in place) {
    const g = place.guild;
    const channel = s.channels.get(g.channelId);
    return {
      ...base,
      guild_id: g.id,
      guild: { id: g.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      member: s.memberJson(g, user),
      channel_id: g.channelId,
      channel: channel ? s.channelJson(channel) : { id: g.channelId, type: 0 },
      authorizing_integration_owners: { '0': g.id },
      context: 0,
    };
  }
  const dm = s.dmChannel(user.id);
  return { ...base, user: s.userJson(user), channel_id: dm.id, channel: s.channelJson(dm), authorizing_integration_owners: { '0': '0' }, context: 1 };
}

/** A chat-input command (`/skills add user:@bob skills:vpn`). */
export function slashData(s: FakeState, name: string, options: readonly Option[], guildId?: string): Json {
  const users: Json = {};
  const walk = (list: readonly Option[]): Json[] =>
    list.map((o) => {
      if (o.user) users[o.user.id] = s.userJson(o.user);
      return { name: o.name, type: o.type, ...(o.value !== undefined ? { value: o.value } : {}), ...(o.focused ? { focused: true } : {}), ...(o.options ? { options: walk(o.options) } : {}) };
    });
  return {
    id: commandId(s, name),
    name,
    type: 1,
    options: walk(options),
    ...(Object.keys(users).length ? { resolved: { users } } : {}),
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

/** Modal values, in Labels as current Discord clients send them: strings for text inputs, arrays for selects. */
export function modalData(customId: string, fields: Readonly<Record<string, string | readonly string[]>>): Json {
  let n = 0;
  return {
    custom_id: customId,
    components: Object.entries(fields).map(([id, value]) => ({
      type: 18,
      id: ++n,
      component: typeof value === 'string' ? { type: 4, id: ++n, custom_id: id, value } : { type: 3, id: ++n, custom_id: id, values: [...value] },
    })),
  };
}

/** The id of a registered command, or a made-up one when the test did not register. */
function commandId(s: FakeState, name: string): string {
  const all = [...s.globalCommands, ...[...s.guildCommands.values()].flat()];
  return String(all.find((c) => c['name'] === name)?.['id'] ?? snowflake());
}

export { commandId };
