import type { IncomingMessage, RequestListener } from 'node:http';
import type { InngestFunction } from 'inngest';
import { serve } from 'inngest/node';
import type { HelpdeskInngest } from './client.js';

/** Where the bot's HTTP server mounts the Inngest endpoint. */
export const INNGEST_PATH = '/api/inngest';

export interface InngestHandlerOptions {
  readonly client: HelpdeskInngest;
  readonly functions: readonly InngestFunction.Any[];
  /**
   * The bot's public URL (`INNGEST_SERVE_HOST`, e.g. `https://helpdesk.example.com`,
   * or `https://example.com/helpdesk` behind a proxy that strips the prefix):
   * the only URL the bot ever registers with Inngest. Required outside dev
   * mode; only a dev-mode client may fall back to the incoming request's origin.
   */
  readonly serveOrigin?: string;
}

/**
 * The `/api/inngest` endpoint as a Node request listener, for the bot to
 * mount on its own HTTP server next to Slack's HTTP mode and `/healthz`:
 * Inngest syncs the function list with PUT, introspects with GET and runs
 * steps with POST (signed with the signing key unless in dev mode).
 *
 * A sync PUT may arrive unsigned (an out-of-band sync is a plain
 * `curl -X PUT`), and the SDK builds the URL it registers from that request:
 * its origin unless `serveOrigin` is set, and its query string in every case,
 * which lands in every function's step URL (`?probe=trust` there would turn
 * every run into a no-op trust probe). So outside dev mode the registered URL
 * is the configured one, always, and a PUT reaches the SDK with only a
 * well-formed `deployId` left of its query and the configured host.
 */
export function createInngestHandler(options: InngestHandlerOptions): RequestListener {
  const dev = options.client.mode === 'dev';
  if (!dev && !options.serveOrigin)
    throw new Error('createInngestHandler: serveOrigin (INNGEST_SERVE_HOST) is required outside dev mode; the URL registered with Inngest is never taken from a request');
  const publicUrl = options.serveOrigin ? new URL(options.serveOrigin) : null;
  const servePath = publicUrl ? `${publicUrl.pathname.replace(/\/+$/, '')}${INNGEST_PATH}` : INNGEST_PATH;
  const sdk = serve({
    client: options.client,
    functions: [...options.functions],
    servePath,
    ...(publicUrl ? { serveOrigin: publicUrl.origin } : {}),
  });
  if (dev) return sdk;
  const host = (publicUrl as URL).host;
  return (req, res) => {
    if (req.method === 'PUT') pinSyncRequest(req, host);
    return sdk(req, res);
  };
}

/** Shape of the deploy id Inngest puts on a sync it starts; anything else is dropped. */
const DEPLOY_ID = /^[\w-]{1,128}$/;

/**
 * Rewrites a sync request so nothing the sender chose reaches the URL the
 * SDK registers: the host headers become the configured host and the query
 * keeps only `deployId`. The signature Inngest puts on in-band syncs covers
 * the body alone, so a signed sync still validates.
 */
function pinSyncRequest(req: IncomingMessage, host: string): void {
  const incoming = new URL(req.url ?? INNGEST_PATH, 'http://request.invalid');
  const deployId = incoming.searchParams.get('deployId');
  req.url = incoming.pathname + (deployId && DEPLOY_ID.test(deployId) ? `?deployId=${deployId}` : '');
  req.headers.host = host;
  delete req.headers['x-forwarded-host'];
  delete req.headers['x-forwarded-proto'];
  delete req.headers['forwarded'];
}
