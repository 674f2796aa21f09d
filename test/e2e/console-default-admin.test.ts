/**
 * Who is admin on a fresh start: the console's @root when nothing names an
 * admin and the console is on, and never anyone on Slack or Discord.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';

function configOf(env: Record<string, string>) {
  const parsed = loadConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

const slack = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' };

describe('the default console admin', () => {
  it('is console:root when no admin is configured and the console is on, with one start-up line saying so', () => {
    const config = configOf({});
    expect(config.HELPDESK_ADMINS).toEqual(['console:root']);
    expect(config.warnings.filter((w) => w.includes('console:root is the admin'))).toHaveLength(1);
    expect(configOf({ HELPDESK_ADMINS: '' }).HELPDESK_ADMINS).toEqual(['console:root']);
  });

  it('is nobody when the console is off, e.g. Slack alone', () => {
    for (const env of [slack, { CONSOLE: 'off' }]) {
      const config = configOf(env);
      expect(config.HELPDESK_ADMINS).toEqual([]);
      expect(config.warnings.some((w) => w.includes('console:root'))).toBe(false);
    }
  });

  it('is only a console identity even when the console runs beside Slack', () => {
    expect(configOf({ ...slack, CONSOLE: 'on' }).HELPDESK_ADMINS).toEqual(['console:root']);
  });

  it('gives way to configured admins', () => {
    const config = configOf({ HELPDESK_ADMINS: 'slack:T1:U1' });
    expect(config.HELPDESK_ADMINS).toEqual(['slack:T1:U1']);
    expect(config.warnings.some((w) => w.includes('console:root'))).toBe(false);
  });
});
