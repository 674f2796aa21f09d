import { REST, Routes, type APIApplicationCommand, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from './commands.js';

export interface RegisterOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register to one server (updates are instant there); global otherwise (Discord may take up to an hour to show them). */
  readonly guildId?: string;
  /** REST base, e.g. `https://discord.com/api` (the default) or a proxy. */
  readonly apiUrl?: string;
}

export type CommandChange = 'created' | 'updated' | 'unchanged' | 'removed';

export interface RegisterReport {
  readonly scope: 'global' | 'guild';
  readonly guildId: string | null;
  readonly commands: readonly { readonly name: string; readonly change: CommandChange }[];
  /** False when everything was already up to date and nothing was sent. */
  readonly wrote: boolean;
}

/**
 * Registers the helpdesk's commands: reads what Discord has, compares, and
 * overwrites the whole set in one call only when something differs (a bulk
 * overwrite also removes commands the helpdesk no longer has).
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterReport> {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const scope = options.guildId ? 'guild' : 'global';
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  try {
    const wanted = commandDefinitions(scope);
    const existing = (await rest.get(route)) as APIApplicationCommand[];
    const commands = diffCommands(wanted, existing);
    const wrote = commands.some((c) => c.change !== 'unchanged');
    if (wrote) await rest.put(route, { body: wanted });
    return { scope, guildId: options.guildId ?? null, commands, wrote };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** Pure: what a bulk overwrite with `wanted` changes compared with `existing`. */
export function diffCommands(wanted: readonly RESTPostAPIApplicationCommandsJSONBody[], existing: readonly APIApplicationCommand[]): { name: string; change: CommandChange }[] {
  const key = (c: { type?: number | undefined; name: string }) => `${c.type ?? 1}:${c.name}`;
  const remote = new Map(existing.map((c) => [key(c), c]));
  const out: { name: string; change: CommandChange }[] = wanted.map((w) => {
    const r = remote.get(key(w));
    if (!r) return { name: w.name, change: 'created' };
    return { name: w.name, change: JSON.stringify(normalize(w, w)) === JSON.stringify(normalize(r, w)) ? 'unchanged' : 'updated' };
  });
  const local = new Set(wanted.map(key));
  for (const r of existing) if (!local.has(key(r))) out.push({ name: r.name, change: 'removed' });
  return out;
}

type AnyCommand = RESTPostAPIApplicationCommandsJSONBody | APIApplicationCommand;

/** The fields that matter, with Discord's defaults filled in; `contexts` only when the local definition sets them. */
function normalize(c: AnyCommand, local: RESTPostAPIApplicationCommandsJSONBody): unknown {
  const raw = c as unknown as Record<string, unknown>;
  const l = local as unknown as Record<string, unknown>;
  return {
    type: raw['type'] ?? 1,
    name: raw['name'],
    description: raw['description'] ?? '',
    options: normalizeOptions(raw['options']),
    default_member_permissions: raw['default_member_permissions'] ?? null,
    nsfw: raw['nsfw'] ?? false,
    ...(l['contexts'] !== undefined ? { contexts: sorted(raw['contexts']) } : {}),
    ...(l['integration_types'] !== undefined ? { integration_types: sorted(raw['integration_types']) } : {}),
  };
}

function normalizeOptions(options: unknown): unknown[] {
  if (!Array.isArray(options)) return [];
  return options.map((o: Record<string, unknown>) => ({
    type: o['type'],
    name: o['name'],
    description: o['description'],
    required: o['required'] ?? false,
    autocomplete: o['autocomplete'] ?? false,
    choices: Array.isArray(o['choices']) ? o['choices'].map((ch: Record<string, unknown>) => ({ name: ch['name'], value: ch['value'] })) : [],
    min_length: o['min_length'] ?? null,
    max_length: o['max_length'] ?? null,
    min_value: o['min_value'] ?? null,
    max_value: o['max_value'] ?? null,
    options: normalizeOptions(o['options']),
  }));
}

function sorted(v: unknown): unknown {
  return Array.isArray(v) ? [...(v as number[])].sort((a, b) => a - b) : null;
}

/** One line per command, as `npm run discord:register` prints it. */
export function formatRegisterReport(report: RegisterReport): string {
  const where = report.scope === 'guild' ? `server ${report.guildId}` : 'global (may take up to an hour to appear everywhere)';
  const lines = report.commands.map((c) => `  ${c.change.padEnd(9)} ${c.name}`);
  return [`Discord commands, ${where}:`, ...lines, report.wrote ? 'Saved.' : 'Everything was already up to date; nothing sent.'].join('\n');
}
