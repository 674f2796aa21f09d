import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/index.js';

/** Slack's guidance: reject requests whose timestamp is more than five minutes off, either way. */
const MAX_SKEW_S = 5 * 60;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP-mode entry point the bot mounts on its own server at
 * /slack/events. Bolt verifies the signature and rejects stale timestamps;
 * this also rejects timestamps from the future (Bolt accepts them) and
 * answers 503 until the app has started, so Slack retries instead of
 * receiving an empty acknowledgement.
 */
export function slackRequestListener(receiver: HTTPReceiver, isReady: () => boolean, logger: Logger, now: () => number = Date.now): RequestListener {
  return (req, res) => {
    if (!isReady()) {
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts - now() / 1000 > MAX_SKEW_S) {
      logger.warn({ path: req.url }, 'Slack request timestamp is in the future; rejected');
      res.writeHead(401).end();
      return;
    }
    try {
      receiver.requestListener(req, res);
    } catch (error) {
      const notOurs = (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (!notOurs) logger.error({ err: error }, 'Slack request handling failed');
      if (!res.headersSent) res.writeHead(notOurs ? 404 : 500).end();
    }
  };
}
