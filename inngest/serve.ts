import type { RequestListener } from 'node:http';
import type { InngestFunction } from 'inngest';
import { serve } from 'inngest/node';
import type { HelpdeskInngest } from './client.js';

/** Where the bot's HTTP server mounts the Inngest endpoint. */
export const INNGEST_PATH = '/api/inngest';

export interface InngestHandlerOptions {
  readonly client: HelpdeskInngest;
  readonly functions: readonly InngestFunction.Any[];
  /**
   * The bot's public origin (`https://helpdesk.example.com`) when it sits
   * behind a proxy, so Inngest is told the right URL to call at sync time.
   * Without it the origin of the incoming request is used.
   */
  readonly serveOrigin?: string;
}

/**
 * The `/api/inngest` endpoint as a Node request listener, for the bot to
 * mount on its own HTTP server next to Slack's HTTP mode and `/healthz`:
 * Inngest syncs the function list with PUT, introspects with GET and runs
 * steps with POST (signed with the signing key unless in dev mode).
 */
export function createInngestHandler(options: InngestHandlerOptions): RequestListener {
  return serve({
    client: options.client,
    functions: [...options.functions],
    servePath: INNGEST_PATH,
    ...(options.serveOrigin ? { serveOrigin: options.serveOrigin } : {}),
  });
}
