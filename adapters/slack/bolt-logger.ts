import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/index.js';

/**
 * Bolt and the Web API client log through this. Their debug output dumps
 * request and response bodies (user profiles with email addresses), so debug
 * is dropped; everything else goes to the helpdesk's logger.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = 'info' as LogLevel;
  const join = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : String(JSON.stringify(m)).slice(0, 500))).join(' ');
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info({ component: 'bolt' }, join(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: 'bolt' }, join(msg)),
    error: (...msg: unknown[]) => logger.error({ component: 'bolt' }, join(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
