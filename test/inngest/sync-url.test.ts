/**
 * The URL the bot registers with Inngest comes from INNGEST_SERVE_HOST and
 * nowhere else: a sync PUT sent with a forged Host, forwarded headers or
 * query reaches the bot's real HTTP server and Inngest route (config →
 * engine → server), and a fake Inngest API records what was registered.
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { loadConfig } from '../../bot/config.js';
import { startHttpServer } from '../../bot/http.js';
import { buildEngine, type Engine } from '../../bot/wiring/engine.js';
import { createInngestClient, createInngestHandler, functions, INNGEST_PATH } from '../../inngest/index.js';
import { FakeEventApi } from './fake-event-api.js';
import { fixture } from './support.js';

const SIGNING_KEY = 'signkey-prod-0123456789abcdef0123456789abcdef';
const PUBLIC = 'https://helpdesk.example.com';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so the Host header is exactly what an attacker would send. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs a body the way Inngest signs its calls to the app (HMAC-SHA256 over body + timestamp). */
function inngestSignature(body: string, key = SIGNING_KEY): string {
  const ts = String(Math.floor(Date.now() / 1000));
  const mac = createHmac('sha256', key.replace(/^signkey-\w+-/, '')).update(body + ts).digest('hex');
  return `t=${ts}&s=${mac}`;
}

const forged = { host: 'attacker.invalid', 'x-forwarded-host': 'attacker.invalid', 'x-forwarded-proto': 'http', forwarded: 'host=attacker.invalid;proto=http' };

const api = new FakeEventApi();
const running: { server: Server; engine: Engine }[] = [];

/** The bot's engine and HTTP server as `npm start` builds them for this environment. */
async function startBot(env: Record<string, string>): Promise<number> {
  const loaded = loadConfig({ INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_EVENT_KEY: 'event-key', INNGEST_BASE_URL: api.url, INNGEST_SERVE_HOST: PUBLIC, CONSOLE: 'off', ...env });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const { deps, store, clock } = fixture();
  const engine = await buildEngine(loaded.config, { store, deps, workflows: [], clock, logger: silentLogger, signal: new WorkSignalRelay() });
  const server = await startHttpServer({ port: 0, routes: engine.routes, logger: silentLogger, health: async () => ({ ok: true, detail: {} }) });
  running.push({ server, engine });
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  await api.start();
});
afterEach(() => {
  api.registrations.length = 0;
});
afterAll(async () => {
  for (const { server, engine } of running) {
    await engine.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await api.stop();
});

describe('syncing with Inngest outside dev mode', () => {
  it('registers only the configured URL for an unsigned PUT with a forged Host, forwarded headers and query', async () => {
    const port = await startBot({});
    const reply = await send(port, 'PUT', `${INNGEST_PATH}?probe=trust&fnId=evil&url=https://attacker.invalid&deployId=../x`, forged);

    expect(reply.status).toBe(200);
    expect(api.registrations).toHaveLength(1);
    const [registration] = api.registrations;
    expect(registration?.path).toBe('/fn/register');
    expect(registration?.authorization).toMatch(/^Bearer signkey-prod-/);
    expect(registration?.body.url).toBe(`${PUBLIC}${INNGEST_PATH}`);
    expect(registration?.body.functions.length).toBeGreaterThan(0);
    for (const fn of registration?.body.functions ?? []) {
      for (const step of Object.values(fn.steps)) {
        const url = new URL(step.runtime.url);
        expect(url.origin + url.pathname).toBe(`${PUBLIC}${INNGEST_PATH}`);
        // Only what the SDK adds itself: a `probe=trust` here would answer every run as a trust probe.
        expect([...url.searchParams.keys()].sort()).toEqual(['fnId', 'stepId']);
        expect(url.searchParams.get('fnId')).toBe(fn.id);
      }
    }
    expect(JSON.stringify(registration?.body)).not.toContain('attacker');
  });

  it('passes on the deploy id Inngest adds to a sync it starts, still at the configured URL', async () => {
    const port = await startBot({});
    const reply = await send(port, 'PUT', `${INNGEST_PATH}?deployId=01HZX3V5RZQ8&extra=1`, forged);

    expect(reply.status).toBe(200);
    expect(api.registrations.map((r) => r.path)).toEqual(['/fn/register?deployId=01HZX3V5RZQ8']);
    const registered = new URL(api.registrations[0]?.body.url ?? '');
    expect(registered.origin + registered.pathname).toBe(`${PUBLIC}${INNGEST_PATH}`);
    expect([...registered.searchParams.keys()]).toEqual(['deployId']);
  });

  it('answers a signed in-band sync from the dashboard with the configured URL, whatever URL and Host it came with', async () => {
    const port = await startBot({});
    const body = JSON.stringify({ url: `https://attacker.invalid${INNGEST_PATH}` });
    const reply = await send(port, 'PUT', INNGEST_PATH, { ...forged, 'content-type': 'application/json', 'x-inngest-sync-kind': 'in_band', 'x-inngest-signature': inngestSignature(body) }, body);

    expect(reply.status).toBe(200);
    expect(reply.headers['x-inngest-sync-kind']).toBe('in_band');
    const answer = JSON.parse(reply.body) as { url: string; functions: { steps: Record<string, { runtime: { url: string } }> }[] };
    expect(answer.url).toBe(`${PUBLIC}${INNGEST_PATH}`);
    for (const fn of answer.functions) for (const step of Object.values(fn.steps)) expect(step.runtime.url.startsWith(`${PUBLIC}${INNGEST_PATH}?`)).toBe(true);
    // In-band: the answer is the registration, nothing is sent to the API.
    expect(api.registrations).toHaveLength(0);
  });

  it('refuses an in-band sync without a valid signature', async () => {
    const port = await startBot({});
    const body = JSON.stringify({ url: `https://attacker.invalid${INNGEST_PATH}` });
    const unsigned = await send(port, 'PUT', INNGEST_PATH, { ...forged, 'content-type': 'application/json', 'x-inngest-sync-kind': 'in_band' }, body);
    const wrongKey = await send(
      port,
      'PUT',
      INNGEST_PATH,
      { ...forged, 'content-type': 'application/json', 'x-inngest-sync-kind': 'in_band', 'x-inngest-signature': inngestSignature(body, 'signkey-prod-ffff') },
      body,
    );

    expect(unsigned.status).toBe(401);
    expect(wrongKey.status).toBe(401);
    expect(api.registrations).toHaveLength(0);
  });

  it('keeps the path of a public URL behind a prefix-stripping proxy', async () => {
    const port = await startBot({ INNGEST_SERVE_HOST: 'https://example.com/helpdesk/' });
    await send(port, 'PUT', INNGEST_PATH, forged);

    expect(api.registrations.map((r) => r.body.url)).toEqual([`https://example.com/helpdesk${INNGEST_PATH}`]);
  });

  it('will not build a cloud-mode handler without the public URL', () => {
    const client = createInngestClient({ id: 'helpdesk-bot', isDev: false, signingKey: SIGNING_KEY, eventKey: 'event-key', logger: silentLogger });
    expect(() => createInngestHandler({ client, functions: functions(client, fixture().deps) })).toThrow(/INNGEST_SERVE_HOST/);
  });
});
