import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../core/index.js';
import { listenStartupError } from './errors.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface Route {
  /** Path prefix, e.g. `/slack/events` or `/api/inngest`. */
  readonly prefix: string;
  readonly listener: RequestListener;
}

/**
 * The bot's one HTTP server: /healthz, Slack's HTTP mode and Inngest's
 * serve endpoint share it.
 */
export async function startHttpServer(options: {
  port: number;
  routes: readonly Route[];
  health: () => Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  logger: Logger;
  /** Serves every path no route claims (the web dashboard at `/`); 404 without it. */
  fallback?: RequestListener;
}): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      options
        .health()
        .then((h) => {
          res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: h.ok ? 'ok' : 'unhealthy', ...h.detail }));
        })
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'health check failed');
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end('{"status":"unhealthy"}');
        });
      return;
    }
    const route = options.routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
    if (route) {
      route.listener(req, res);
      return;
    }
    if (options.fallback) {
      options.fallback(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenStartupError(options.port, error)));
    server.listen(options.port, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  return server;
}
