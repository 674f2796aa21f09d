import type { RequestListener } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createInngestClient, createInngestHandler, functions, INNGEST_PATH } from '../../inngest/index.js';
import { silentLogger } from '../../core/index.js';
import { fixture } from './support.js';
import { listen, readBody, type TestServer } from './http.js';

/** The shape of the bot's own server: Slack's HTTP mode, /healthz and Inngest share one listener. */
function botServer(inngest: RequestListener): RequestListener {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://bot').pathname;
    if (path === INNGEST_PATH) return inngest(req, res);
    if (path === '/healthz') {
      res.end('ok');
      return;
    }
    res.statusCode = 404;
    res.end();
  };
}

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('the /api/inngest endpoint', () => {
  it('answers dev-mode introspection and syncs the function list with the dev server', async () => {
    const registrations: { path: string; body: { functions: { id: string; triggers: unknown[]; concurrency?: unknown; [k: string]: unknown }[]; url: string } }[] = [];
    const devServer = await listen(async (req, res) => {
      registrations.push({ path: req.url ?? '', body: JSON.parse(await readBody(req)) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, modified: true }));
    });
    servers.push(devServer);
    const client = createInngestClient({ id: 'helpdesk-bot', isDev: true, baseUrl: devServer.url, logger: silentLogger });
    const fns = functions(client, fixture().deps);
    const bot = await listen(botServer(createInngestHandler({ client, functions: fns })));
    servers.push(bot);

    const health = await fetch(`${bot.url}/healthz`);
    expect(await health.text()).toBe('ok');

    const introspection = await fetch(`${bot.url}${INNGEST_PATH}`);
    expect(introspection.status).toBe(200);
    const body = (await introspection.json()) as { mode: string; function_count: number; has_signing_key: boolean };
    expect(body.mode).toBe('dev');
    // Seven workflows, each with its failure handler.
    expect(body.function_count).toBe(fns.length * 2);

    const sync = await fetch(`${bot.url}${INNGEST_PATH}`, { method: 'PUT' });
    expect(sync.status).toBe(200);
    expect(registrations).toHaveLength(1);
    const registered = registrations[0];
    expect(registered?.path).toBe('/fn/register');
    expect(registered?.body.url).toBe(`${bot.url}${INNGEST_PATH}`);
    const byId = new Map(registered?.body.functions.map((fn) => [fn.id, fn]));
    for (const id of ['ticket-pipeline', 'ticket-started', 'ticket-resolved', 'ticket-reopened', 'ticket-reassigned', 'ticket-message', 'ticket-sla']) {
      expect(byId.has(`helpdesk-bot-${id}`), id).toBe(true);
    }
    expect(byId.get('helpdesk-bot-ticket-pipeline')?.triggers).toEqual([{ event: 'ticket/filed' }]);
    expect(byId.get('helpdesk-bot-ticket-sla')?.triggers).toEqual([{ event: 'ticket/assigned' }]);
    expect(byId.get('helpdesk-bot-ticket-pipeline')?.concurrency).toEqual({ key: 'event.data.ticketId', limit: 1 });
    expect(byId.get('helpdesk-bot-ticket-pipeline')).toMatchObject({ idempotency: 'event.data.ticketId', throttle: { limit: 30, period: '1m', burst: 10 } });
    expect(byId.get('helpdesk-bot-ticket-sla')).toMatchObject({
      cancel: [
        { event: 'ticket/started', if: 'event.data.ticketId == async.data.ticketId' },
        { event: 'ticket/resolved', if: 'event.data.ticketId == async.data.ticketId' },
      ],
    });
  });

  it('refuses unsigned requests in cloud mode', async () => {
    const client = createInngestClient({ id: 'helpdesk-bot', isDev: false, signingKey: 'signkey-prod-0123456789abcdef', eventKey: 'event-key', logger: silentLogger });
    const bot = await listen(botServer(createInngestHandler({ client, functions: functions(client, fixture().deps), serveOrigin: 'https://helpdesk.example.com' })));
    servers.push(bot);

    const introspection = await fetch(`${bot.url}${INNGEST_PATH}`);
    expect(introspection.status).toBe(401);
    const run = await fetch(`${bot.url}${INNGEST_PATH}?fnId=helpdesk-bot-ticket-pipeline&stepId=step`, { method: 'POST', body: '{}' });
    expect(run.status).toBe(401);
  });
});
