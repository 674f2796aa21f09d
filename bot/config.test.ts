import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from './config.js';

function ok(env: Record<string, string>): Readonly<Config> {
  const parsed = loadConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

function problems(env: Record<string, string>): string {
  const parsed = loadConfig(env);
  if (parsed.ok) throw new Error('expected the configuration to be refused');
  return parsed.problems.join('\n');
}

const DISCORD = { DISCORD_TOKEN: 'discord-token', DISCORD_APPLICATION_ID: '100000000001' };
const SIGNED = { INNGEST_SIGNING_KEY: 'signkey-prod-0123456789abcdef', INNGEST_EVENT_KEY: 'event-key' };

describe('INNGEST_DEV', () => {
  it.each(['0', 'false', 'FALSE', 'off', 'no', ''])('%j is off: without keys Inngest stays off', (value) => {
    const config = ok({ INNGEST_DEV: value });
    expect(config.inngest).toEqual({ enabled: false, dev: false });
  });

  it.each(['0', 'false', 'off'])('%j with keys is cloud mode, not dev mode', (value) => {
    const config = ok({ ...SIGNED, INNGEST_SERVE_HOST: 'https://bot.example.com', INNGEST_DEV: value });
    expect(config.inngest).toEqual({ enabled: true, dev: false });
  });

  it.each(['1', 'true', 'on', 'yes', 'TRUE'])('%j selects the dev server', (value) => {
    expect(ok({ INNGEST_DEV: value }).inngest).toEqual({ enabled: true, dev: true });
  });

  it('takes a URL as the dev server to use', () => {
    expect(ok({ INNGEST_DEV: 'http://localhost:8288' }).inngest).toEqual({ enabled: true, dev: true, devUrl: 'http://localhost:8288' });
  });

  it('refuses anything else with the accepted values', () => {
    expect(problems({ INNGEST_DEV: 'maybe' })).toMatch(/INNGEST_DEV: must be 1\/0, true\/false, on\/off, or the dev server URL/);
  });
});

describe('INNGEST_SERVE_HOST', () => {
  it('is required with Inngest outside dev mode, saying it is never taken from a request', () => {
    expect(problems(SIGNED)).toMatch(/INNGEST_SERVE_HOST: is required with Inngest outside dev mode.*never taken from a request/);
    expect(problems({ INNGEST_SIGNING_KEY: 'signkey-prod-0123456789abcdef' })).toMatch(/INNGEST_SERVE_HOST/);
  });

  it('is optional in dev mode and must be a URL when given', () => {
    expect(ok({ INNGEST_DEV: '1' }).INNGEST_SERVE_HOST).toBeUndefined();
    expect(ok({ ...SIGNED, INNGEST_SERVE_HOST: 'https://bot.example.com' }).INNGEST_SERVE_HOST).toBe('https://bot.example.com');
    expect(problems({ ...SIGNED, INNGEST_SERVE_HOST: 'bot.example.com' })).toMatch(/INNGEST_SERVE_HOST: must be a URL/);
  });
});

describe('other settings', () => {
  it('names the port range', () => {
    expect(problems({ PORT: '99999' })).toMatch(/PORT: .*0 to 65535/);
    expect(ok({ PORT: '0' }).PORT).toBe(0);
  });

  it('takes SQLITE_SYNCHRONOUS in any case', () => {
    expect(ok({ SQLITE_SYNCHRONOUS: 'normal' }).SQLITE_SYNCHRONOUS).toBe('NORMAL');
    expect(problems({ SQLITE_SYNCHRONOUS: 'off' })).toMatch(/SQLITE_SYNCHRONOUS: must be FULL or NORMAL/);
  });

  it('refuses an SLA where a higher priority gets a longer window', () => {
    expect(problems({ SLA_HIGH: '10d', SLA_LOW: '1h' })).toMatch(/SLA_HIGH: 10d is longer than SLA_MEDIUM/);
    expect(ok({ SLA_HIGH: '15m', SLA_MEDIUM: '1h', SLA_LOW: '1h' }).SLA_LOW).toBe('1h');
  });

  it('needs the Discord server ids with a Discord token', () => {
    expect(problems(DISCORD)).toMatch(/DISCORD_GUILD_IDS: is required with DISCORD_TOKEN/);
  });

  it('still takes DISCORD_GUILD_ID as one server id, alone or with DISCORD_GUILD_IDS', () => {
    expect(ok({ ...DISCORD, DISCORD_GUILD_ID: '123456789012' }).discord).toEqual({ enabled: true, guildIds: ['123456789012'] });
    expect(ok({ ...DISCORD, DISCORD_GUILD_IDS: '111111111111, 222222222222', DISCORD_GUILD_ID: '111111111111' }).discord.guildIds).toEqual([
      '111111111111',
      '222222222222',
    ]);
  });

  it('warns when the Discord admin role is matched by name only', () => {
    const byName = ok({ ...DISCORD, DISCORD_GUILD_ID: '123456789012', DISCORD_ADMIN_ROLE: 'Helpdesk Admin' });
    expect(byName.warnings).toEqual([expect.stringMatching(/DISCORD_ADMIN_ROLE.*"Helpdesk Admin".*DISCORD_ADMIN_ROLE_ID/)]);
    const byId = ok({ ...DISCORD, DISCORD_GUILD_ID: '123456789012', DISCORD_ADMIN_ROLE: 'Helpdesk Admin', DISCORD_ADMIN_ROLE_ID: '987654321098' });
    expect(byId.warnings).toEqual([]);
  });
});
