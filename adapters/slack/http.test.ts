import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { MAX_BODY_BYTES, slackRequestListener } from './http.js';

const SECRET = 'test-signing-secret';

function signed(body: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

describe('Slack HTTP entry point', () => {
  let server: Server;
  let url: string;
  const reached: string[] = [];
  beforeAll(async () => {
    // Stands in for Bolt's receiver: records the buffered body it is handed.
    const receiver = {
      requestListener: (req: IncomingMessage & { rawBody?: Buffer }, res: { writeHead: (s: number) => { end: () => void } }) => {
        reached.push(req.rawBody?.toString('utf8') ?? '(not buffered)');
        res.writeHead(200).end();
      },
    } as unknown as HTTPReceiver;
    server = createServer(slackRequestListener(receiver, { signingSecret: SECRET, path: '/slack/events' }, () => true, silentLogger));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands a correctly signed request to Bolt with its body already read', async () => {
    const body = 'command=%2Fticket&text=hello';
    const res = await fetch(url, { method: 'POST', headers: signed(body), body });
    expect(res.status).toBe(200);
    expect(reached.at(-1)).toBe(body);
  });

  it('rejects a body changed after signing, and a signature from the future, with 401', async () => {
    const before = reached.length;
    const headers = signed('text=original');
    expect((await fetch(url, { method: 'POST', headers, body: 'text=changed' })).status).toBe(401);
    const future = Math.floor(Date.now() / 1000) + 10 * 60;
    expect((await fetch(url, { method: 'POST', headers: signed('a=1', future), body: 'a=1' })).status).toBe(401);
    expect(reached.length).toBe(before);
  });

  it("answers Slack's unsigned SSL check without passing it on", async () => {
    const before = reached.length;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(res.status).toBe(200);
    expect(reached.length).toBe(before);
  });

  it('refuses a body past the size limit with 413', async () => {
    const body = 'x='.padEnd(MAX_BODY_BYTES + 10, 'x');
    const res = await fetch(url, { method: 'POST', headers: signed(body), body });
    expect(res.status).toBe(413);
  });
});
