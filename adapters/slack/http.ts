import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/index.js';

/** Slack's guidance: reject requests whose timestamp is more than five minutes off, either way. */
const MAX_SKEW_S = 5 * 60;

/** Largest request body read (Bolt's own limit): Slack's payloads, modal submissions included, stay far below it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP-mode entry point the bot mounts on its own server at
 * /slack/events. It reads the body once and checks Slack's signature
 * itself: the timestamp within five minutes either way (Bolt does not
 * reject timestamps from the future) and the `v0` HMAC of
 * `v0:<timestamp>:<body>` with the signing secret, compared in constant
 * time. The verified, buffered request then goes to Bolt's receiver, which
 * is built with its own verification off so the work is not done twice.
 * Slack's SSL checks (`ssl_check=1`, sent unsigned) are answered here. Until
 * the app has started it answers 503, so Slack retries instead of getting an
 * empty acknowledgement.
 */
export function slackRequestListener(
  receiver: HTTPReceiver,
  options: { readonly signingSecret: string; readonly path: string },
  isReady: () => boolean,
  logger: Logger,
  now: () => number = Date.now,
): RequestListener {
  const { signingSecret, path } = options;
  return (req, res) => {
    if (!isReady()) {
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    // Anything but a POST to the events path is not Slack's: Bolt answers it (404).
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return dispatch(receiver, req, res, logger);
    readBody(req, MAX_BODY_BYTES).then(
      (body) => {
        if (body === null) {
          logger.warn({ path: req.url }, 'Slack request body too large; rejected');
          return void res.writeHead(413).end();
        }
        if (isSslCheck(req, body)) return void res.writeHead(200).end();
        const problem = signatureProblem(req, body, signingSecret, now());
        if (problem) {
          logger.warn({ path: req.url, problem }, 'Slack request failed verification; rejected');
          return void res.writeHead(401).end();
        }
        // Bolt reads a request whose body is already buffered from `rawBody`.
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        dispatch(receiver, req, res, logger);
      },
      (error: unknown) => {
        logger.warn({ path: req.url, err: error }, 'could not read the Slack request body');
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}

function dispatch(receiver: HTTPReceiver, req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  try {
    receiver.requestListener(req, res);
  } catch (error) {
    const notOurs = (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
    if (!notOurs) logger.error({ err: error }, 'Slack request handling failed');
    if (!res.headersSent) res.writeHead(notOurs ? 404 : 500).end();
  }
}

/** Why the request is not from Slack, or null when its signature holds. */
export function signatureProblem(req: IncomingMessage, body: Buffer, signingSecret: string, nowMs: number): string | null {
  const timestamp = header(req, 'x-slack-request-timestamp');
  const signature = header(req, 'x-slack-signature');
  if (!timestamp || !signature) return 'missing signature headers';
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > MAX_SKEW_S) return 'timestamp more than five minutes off';
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature mismatch';
}

function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  if (header(req, 'content-type') !== 'application/x-www-form-urlencoded' || body.length > 64) return false;
  return new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The whole body, or null past `limit` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
