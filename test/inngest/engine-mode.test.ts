/**
 * INNGEST_DEV set to an "off" value leaves Inngest off: the bot as
 * `npm start` builds it runs background work in process, so a filed ticket
 * is triaged instead of waiting for a dev server that is not there.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { buildApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { buildEngine } from '../../bot/wiring/engine.js';
import { fixture } from './support.js';

function configOf(env: Record<string, string>) {
  const parsed = loadConfig({ DATA_DIR: ':memory:', CONSOLE: 'off', LOG_LEVEL: 'silent', ...env });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
});

describe('INNGEST_DEV=0', () => {
  it.each(['0', 'false', 'off'])('INNGEST_DEV=%s builds the in-process engine', async (value) => {
    const { deps, store, clock } = fixture();
    const engine = await buildEngine(configOf({ INNGEST_DEV: value }), { store, deps, workflows: [], clock, logger: silentLogger, signal: new WorkSignalRelay() });
    expect(engine.name).toBe('in-process');
    expect(engine.routes).toEqual([]);
    await engine.stop();
  });

  it('triages a filed ticket', async () => {
    const app = await buildApp(configOf({ INNGEST_DEV: '0' }), silentLogger, { input: new PassThrough(), interactive: false, onConsoleEnd: () => undefined });
    apps.push(app);
    await app.start();

    const alice = await app.helpdesk.identify({ identity: 'console:alice', displayName: 'alice' });
    if (!alice.ok) throw new Error(alice.error.message);
    const filed = await app.helpdesk.fileTicket({ requesterId: alice.value.id, title: 'VPN is down', description: 'Cannot connect to the VPN, error 809', origin: { platform: 'console' } });
    if (!filed.ok) throw new Error(filed.error.message);
    await app.settle();

    const ticket = await app.helpdesk.ticketByRef(filed.value.ticket.ref);
    if (!ticket.ok) throw new Error(ticket.error.message);
    expect(ticket.value.history.map((h) => h.type)).toContain('triaged');
  });
});
