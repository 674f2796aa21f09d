import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as the dashboard's handlers see it: parsed, without the socket. */
export interface WebRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly cookies: Readonly<Record<string, string>>;
  /** The url-encoded form of a POST (empty otherwise). */
  readonly form: URLSearchParams;
  /** The browser's `Sec-Fetch-Site` (`same-origin`, `cross-site`, …), when it sent one. */
  readonly fetchSite?: string;
}

export interface WebResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: string;
}

/** Forms are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Every response: the page may load only what this server serves (no inline
 * script or style, no framing), is not cached and sends no referrer (sign-in
 * links carry their secret in the address).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is someone else's; ignore it.
    }
  }
  return out;
}

export class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a node request into a WebRequest (the form only for url-encoded POSTs). */
export async function toWebRequest(req: IncomingMessage): Promise<WebRequest> {
  const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const form = method === 'POST' && type === 'application/x-www-form-urlencoded' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
  const site = req.headers['sec-fetch-site'];
  return { method, path: url.pathname, query: url.searchParams, cookies: parseCookies(req.headers.cookie), form, ...(typeof site === 'string' ? { fetchSite: site } : {}) };
}

export function writeWebResponse(res: ServerResponse, response: WebResponse): void {
  res.writeHead(response.status, { ...SECURITY_HEADERS, ...response.headers });
  res.end(response.body);
}
