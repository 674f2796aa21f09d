import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { FakeSocketMode } from './socket.js';

/** One Web API call as it crossed the wire. */
export interface RecordedCall {
  readonly method: string;
  /** Arguments with JSON-valued fields (`blocks`, `view`) decoded. */
  readonly args: Record<string, unknown>;
  readonly token: string | null;
  readonly contentType: string;
}

export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly realName?: string;
  /** Slack's display name is often empty; the real name is the fallback. */
  readonly displayName?: string;
  readonly email?: string;
}

/** What the next call(s) of a method should get instead of success. */
export type Injection = { readonly status: 429; readonly retryAfter: number } | { readonly error: string } | { readonly status: 500 | 503 };

/** A message the fake holds, for assertions on threads and in-place updates. */
export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  threadTs: string | null;
  text: string;
  blocks: unknown[];
  updates: number;
}

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata']);

/**
 * A local stand-in for slack.com/api: form-encoded or JSON calls with
 * Bearer tokens, `{ ok: true, … }` answers, every call recorded, and
 * injectable failures (429 with Retry-After, `ok: false` errors). It also
 * accepts response_url posts and serves Socket Mode through `socket`.
 */
export class FakeSlack {
  readonly botToken = 'xoxb-fake-bot-token';
  readonly appToken = 'xapp-fake-app-token';
  readonly teamId = 'T1';
  readonly botUserId = 'UBOT';
  readonly botId = 'BBOT';
  readonly calls: RecordedCall[] = [];
  readonly responses: { readonly id: string; readonly body: Record<string, unknown> }[] = [];
  readonly messages: FakeMessage[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Users whose DMs fail with this Slack error. */
  readonly dmErrors = new Map<string, string>();
  /** Channels whose posts fail with this Slack error (`not_in_channel` for a channel the bot was never added to). */
  readonly channelErrors = new Map<string, string>();
  /** People's channel messages, `<channel>:<ts>` → text and author, for conversations.history. */
  readonly history = new Map<string, { readonly user: string; readonly text: string }>();
  readonly socket: FakeSocketMode;
  private readonly injections = new Map<string, Injection[]>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.socket = new FakeSocketMode(server, '/link');
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | null = null;
    const server = createServer((req, res) => {
      if (!fake) return void res.writeHead(503).end();
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next call(s) of `method` fail this way, one injection per call. */
  failNext(method: string, ...injections: Injection[]): void {
    this.injections.set(method, [...(this.injections.get(method) ?? []), ...injections]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages posted to a user's DM (the fake names DM channels `D<user>`). */
  dm(userId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === `D${userId}`);
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'POST' && path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    if (req.method !== 'POST' || !path.startsWith('/api/')) return void res.writeHead(404).end();
    const method = path.slice('/api/'.length);
    const contentType = String(req.headers['content-type'] ?? '');
    const args = parseArgs(raw, contentType);
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : null;
    this.calls.push({ method, args, token, contentType });

    const injection = this.injections.get(method)?.shift();
    if (injection && 'status' in injection) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (injection.status === 429) headers['retry-after'] = String(injection.retryAfter);
      return void res.writeHead(injection.status, headers).end(JSON.stringify({ ok: false, error: injection.status === 429 ? 'ratelimited' : 'fatal_error' }));
    }
    const reply = injection ? { ok: false, error: injection.error } : this.answer(method, args, token);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply));
  }

  private answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      return token === this.appToken ? { ok: true, url: this.url.replace('http', 'ws') + '/link' } : { ok: false, error: 'invalid_auth' };
    }
    if (token !== this.botToken) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'helpdesk', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'users.info': {
        const u = this.users.get(str('user'));
        if (!u) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: u.id, team_id: this.teamId, name: u.name, real_name: u.realName ?? u.name, profile: { display_name: u.displayName ?? '', real_name: u.realName ?? u.name, ...(u.email ? { email: u.email } : {}) } } };
      }
      case 'conversations.open': {
        const user = str('users');
        const error = this.dmErrors.get(user);
        return error ? { ok: false, error } : { ok: true, channel: { id: `D${user}` } };
      }
      case 'chat.postMessage': {
        const channel = str('channel');
        const error = channel.startsWith('D') ? this.dmErrors.get(channel.slice(1)) : this.channelErrors.get(channel);
        if (error) return { ok: false, error };
        const message: FakeMessage = { channel, ts: this.nextTs(), threadTs: str('thread_ts') || null, text: str('text'), blocks: (args.blocks as unknown[]) ?? [], updates: 0 };
        this.messages.push(message);
        return { ok: true, channel, ts: message.ts, message: { type: 'message', text: message.text, ts: message.ts, bot_id: this.botId } };
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === str('channel') && x.ts === str('ts'));
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = str('text');
        m.blocks = (args.blocks as unknown[]) ?? [];
        m.updates += 1;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case 'conversations.history': {
        const m = this.history.get(`${str('channel')}:${str('latest')}`);
        return { ok: true, messages: m ? [{ type: 'message', user: m.user, text: m.text, ts: str('latest') }] : [], has_more: false };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel: str('channel'), permalink: `https://fake.slack.test/archives/${str('channel')}/p${str('message_ts').replace('.', '')}` };
      case 'views.open':
      case 'views.update':
      case 'views.publish': {
        this.seq += 1;
        const view = (args.view ?? {}) as Record<string, unknown>;
        return { ok: true, view: { ...view, id: str('view_id') || `V${this.seq}`, hash: `hash-${this.seq}` } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.seq += 1;
    return `1700000000.${String(this.seq).padStart(6, '0')}`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies carry JSON-valued arguments as strings; JSON bodies carry them as values. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parseQuery(raw))) {
    const value = Array.isArray(v) ? v[0] : v;
    out[k] = JSON_ARGS.has(k) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
}
