import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it crossed the wire. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  readonly body: unknown;
}

/** What the fake answers: a JSON (or raw) reply, or no reply at all until the client gives up. */
export type Reply =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly json?: unknown; readonly text?: string }
  | { readonly hang: true };

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/**
 * A tiny HTTP server on 127.0.0.1 (port 0) that records every request and
 * answers through a handler. Hanging replies are held open until the
 * client aborts or `close()` drops every connection.
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private inFlight = 0;
  /** Most requests that were open at the same moment. */
  maxInFlight = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(handler: Handler): Promise<FakeHttpServer> {
    const holder: { server?: FakeHttpServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = undefined;
        }
        const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, raw, body };
        const s = holder.server as FakeHttpServer;
        s.requests.push(recorded);
        s.inFlight += 1;
        s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
        res.on('close', () => {
          s.inFlight -= 1;
        });
        Promise.resolve()
          .then(() => handler(recorded))
          .then((reply) => send(res, reply))
          .catch((error: unknown) => send(res, { status: 500, json: { error: { message: String(error) } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.server = new FakeHttpServer(server, `http://127.0.0.1:${port}`);
    return holder.server;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if ('hang' in reply) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] ??= 'text/plain';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Polls until `check` holds, with a generous deadline; for conditions, never for timing. */
export async function until(check: () => boolean, what: string, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
