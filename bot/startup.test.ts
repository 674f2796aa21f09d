import { createServer, type Server } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/index.js';
import { buildApp, StartupError, type App } from './app.js';
import { loadConfig } from './config.js';
import { listenStartupError, platformStartupError } from './errors.js';

function configOf(env: Record<string, string>) {
  const parsed = loadConfig({ DATA_DIR: ':memory:', CONSOLE: 'off', LOG_LEVEL: 'silent', ...env });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

async function startFailure(env: Record<string, string>): Promise<unknown> {
  let app: App | null = null;
  try {
    app = await buildApp(configOf(env), silentLogger, { input: new PassThrough(), interactive: false, onConsoleEnd: () => undefined });
    await app.start();
    return null;
  } catch (error) {
    return error;
  } finally {
    await app?.stop().catch(() => undefined);
  }
}

describe('start-up problems are one line that says what to do', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it('a port already in use', async () => {
    const { server, port } = await listening();
    servers.push(server);
    const error = await startFailure({ PORT: String(port) });
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(`PORT ${port} is already in use by another program: stop that program or set PORT to a free port.`);
  });

  it('a local triage model that is missing or is no helpdesk model', async () => {
    const missing = await startFailure({ PORT: '0', LOCAL_TRIAGE_MODEL: '/nonexistent/model.json' });
    expect(missing).toBeInstanceOf(StartupError);
    expect((missing as Error).message).toMatch(/^LOCAL_TRIAGE_MODEL: cannot read \/nonexistent\/model\.json \(ENOENT.*\); write one with npm run train:helpdesk or set LOCAL_TRIAGE_MODEL=none$/);
    const wrong = await startFailure({ PORT: '0', LOCAL_TRIAGE_MODEL: 'package.json' });
    expect((wrong as Error).message).toMatch(/^LOCAL_TRIAGE_MODEL: cannot read package\.json \(not a model file/);
    expect(await startFailure({ PORT: '0', LOCAL_TRIAGE_MODEL: 'none' })).toBeNull();
  });

  it('Slack unreachable at start-up', async () => {
    // A port nobody listens on: reserve one, then free it.
    const { server, port } = await listening();
    await new Promise((r) => server.close(r));
    const error = await startFailure({
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    });
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Slack cannot be reached at start-up: the connection was refused \(ECONNREFUSED\)\. Check the network, proxy and SLACK_API_URL/);
    expect(message).not.toMatch(/\n|at .*\.js:\d+/);
  });

  it('ports without rights, and refused credentials', () => {
    expect(listenStartupError(80, Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' })).message).toBe(
      'PORT 80 needs more rights than this user has (ports below 1024 usually need root): set PORT to 1024 or above, such as 3000.',
    );
    const slackPlatform = Object.assign(new Error('An API error occurred: invalid_auth'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'invalid_auth' } });
    expect(platformStartupError('Slack', { token: 'SLACK_BOT_TOKEN', url: 'SLACK_API_URL' }, slackPlatform).message).toBe(
      "Slack refused SLACK_BOT_TOKEN (invalid_auth); copy the token again from the app's settings.",
    );
    const wrapped = Object.assign(new Error('A request error occurred: getaddrinfo ENOTFOUND slack.invalid'), {
      code: 'slack_webapi_request_error',
      original: Object.assign(new Error('getaddrinfo ENOTFOUND slack.invalid'), { code: 'ENOTFOUND' }),
    });
    expect(platformStartupError('Slack', { token: 'SLACK_BOT_TOKEN', url: 'SLACK_API_URL' }, wrapped).message).toMatch(/the host name does not resolve \(ENOTFOUND\)/);
    const discordFetch = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    expect(platformStartupError('Discord', { token: 'DISCORD_TOKEN', url: 'DISCORD_API_URL' }, discordFetch).message).toMatch(/^Discord cannot be reached at start-up: the connection was refused/);
  });
});
