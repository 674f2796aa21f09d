import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 over `v0:{timestamp}:{raw body}`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Overrides the computed signature (forgeries). */
  readonly signature?: string;
  /** Sets X-Slack-Retry-Num / X-Slack-Retry-Reason as Slack does on redelivery. */
  readonly retryNum?: number;
}

export interface SignedResponse {
  readonly status: number;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * Sends requests the way Slack does: slash commands and interactions
 * form-encoded (`application/x-www-form-urlencoded`, no charset: Bolt
 * compares it exactly), events as JSON, each correctly signed unless told
 * otherwise.
 */
export class SlackSigner {
  constructor(
    readonly url: string,
    private readonly secret: string,
  ) {}

  command(fields: Record<string, string>, options: SendOptions = {}): Promise<SignedResponse> {
    return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SignedResponse> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  event(envelope: Record<string, unknown>, options: SendOptions = {}): Promise<SignedResponse> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SignedResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(this.secret, timestamp, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(this.url, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text, json: <T>() => JSON.parse(text) as T };
  }
}
