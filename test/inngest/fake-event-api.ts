/**
 * A stand-in for Inngest's event API on 127.0.0.1: `POST /e/<event key>`
 * with a JSON array of events, answered `{ ids, status: 200 }` as Inngest
 * does. It records every delivery and, like Inngest, accepts an event id
 * once (a second event with the same id is acknowledged and dropped).
 * It also takes out-of-band syncs (`POST /fn/register`) and records them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, type TestServer } from './http.js';

export interface ReceivedEvent {
  readonly id: string;
  readonly name: string;
  readonly data: Record<string, unknown>;
}

/** One out-of-band sync as it reached the API. */
export interface Registration {
  /** Path and query, e.g. `/fn/register?deployId=…`. */
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { url: string; functions: { id: string; steps: Record<string, { runtime: { url: string } }> }[]; [k: string]: unknown };
}

export type ApiMode = 'ok' | 'unavailable' | 'lose-reply-once';

export class FakeEventApi {
  /** Every event in every request that reached the API, duplicates included. */
  readonly deliveries: ReceivedEvent[] = [];
  /** Events Inngest would run functions for: first delivery of each id. */
  readonly accepted = new Map<string, ReceivedEvent>();
  readonly paths: string[] = [];
  readonly registrations: Registration[] = [];
  mode: ApiMode = 'ok';
  private server: TestServer | null = null;

  get url(): string {
    if (!this.server) throw new Error('the fake event API is not running');
    return this.server.url;
  }

  async start(port = 0): Promise<this> {
    this.server = await listen((req, res) => void this.handle(req, res), port);
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    this.paths.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url?.startsWith('/fn/register')) {
      this.registrations.push({ path: req.url, authorization: req.headers.authorization, body: JSON.parse(body) as Registration['body'] });
      res.end(JSON.stringify({ ok: true, modified: true }));
      return;
    }
    if (req.method !== 'POST' || !req.url?.startsWith('/e/')) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'not found', status: 404 }));
      return;
    }
    if (this.mode === 'unavailable') {
      res.statusCode = 503;
      res.end(JSON.stringify({ error: 'service unavailable', status: 503 }));
      return;
    }
    const events = JSON.parse(body) as ReceivedEvent[];
    for (const e of events) {
      this.deliveries.push(e);
      if (!this.accepted.has(e.id)) this.accepted.set(e.id, e);
    }
    if (this.mode === 'lose-reply-once') {
      // Accepted, but the answer is lost on the way back: the sender must resend.
      this.mode = 'ok';
      res.statusCode = 500;
      res.end(JSON.stringify({ error: 'internal error', status: 500 }));
      return;
    }
    res.end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  }
}
