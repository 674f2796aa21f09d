import type { IncomingMessage, ServerResponse } from 'node:http';
import { snowflake } from './snowflake.js';
import type { FakeState } from './state.js';
import type { Fault, FakeUser, Json, RecordedCall } from './types.js';

export interface RestContext {
  readonly state: FakeState;
  readonly calls: RecordedCall[];
  readonly faults: Fault[];
  gatewayUrl(): string;
  /** Gateway events a REST call causes (THREAD_CREATE after a thread is made). */
  dispatch?(t: string, d: Json): void;
}

/** Headers Discord sends with every response; remaining stays above 0 so the client never waits unasked. */
const RATE_HEADERS = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49', 'x-ratelimit-reset-after': '1.000', 'x-ratelimit-bucket': 'fakebucket' };

type Reply = { status: number; body?: Json | Json[]; headers?: Record<string, string> };

/**
 * The REST half of the fake Discord (`/api/v10/...`): answers what the
 * helpdesk and discord.js call, records every request, and lets a test
 * inject one-off responses (a 429 with Retry-After, a 50007).
 */
export async function handleRest(ctx: RestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const path = url.pathname.replace(/^\/api\/v10/, '');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const body = raw && (req.headers['content-type'] ?? '').startsWith('application/json') ? (JSON.parse(raw) as Json) : null;
  const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;

  let reply: Reply;
  const fault = ctx.faults.find((f) => f.remaining > 0 && f.method === method && f.path.test(path));
  if (fault) {
    fault.remaining -= 1;
    reply = { status: fault.status, body: fault.body, ...(fault.headers ? { headers: fault.headers } : {}) };
  } else {
    const botCall = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    reply = botCall && auth !== `Bot ${ctx.state.token}` ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : route(ctx, method, path, url.searchParams, body);
  }
  ctx.calls.push({ method, path, query: url.searchParams, auth, body, status: reply.status, at: performance.now() });

  if (reply.status === 204) {
    // Discord answers interaction callbacks with no body and no content type; discord.js depends on that.
    res.writeHead(204, { ...RATE_HEADERS, ...reply.headers });
    res.end();
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json', ...RATE_HEADERS, ...reply.headers });
  res.end(JSON.stringify(reply.body ?? {}));
}

function route(ctx: RestContext, method: string, path: string, query: URLSearchParams, body: Json | null): Reply {
  const s = ctx.state;
  const seg = path.split('/').filter(Boolean);
  const key = `${method} ${seg.map((x, i) => (isParam(seg, i) ? ':' : x)).join('/')}`;
  switch (key) {
    case 'GET gateway/bot':
      return ok({ url: ctx.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } });
    case 'GET users/@me':
      return ok(s.userJson(s.bot));
    case 'GET applications/:/commands':
      return ok(s.globalCommands);
    case 'PUT applications/:/commands':
      return ok(replaceCommands(s.globalCommands, body, s.applicationId, null));
    case 'GET applications/:/guilds/:/commands':
      return ok(s.guildCommands.get(seg[3] ?? '') ?? []);
    case 'PUT applications/:/guilds/:/commands': {
      const list = s.guildCommands.get(seg[3] ?? '') ?? [];
      s.guildCommands.set(seg[3] ?? '', list);
      return ok(replaceCommands(list, body, s.applicationId, seg[3] ?? null));
    }
    case 'POST users/@me/channels': {
      const recipient = s.users.get(String(body?.['recipient_id'] ?? ''));
      if (!recipient || recipient.bot) return error(400, 50033, 'Invalid Recipient(s)');
      return ok(s.channelJson(s.dmChannel(recipient.id)));
    }
    case 'POST channels/:/messages':
      return postMessage(ctx, seg[1] ?? '', body ?? {});
    case 'PATCH channels/:/messages/:': {
      const m = s.messages.get(seg[3] ?? '');
      if (!m || m['channel_id'] !== seg[1]) return error(404, 10008, 'Unknown Message');
      return ok(s.editMessage(seg[3] ?? '', body ?? {}) as Json);
    }
    case 'POST channels/:/threads':
      return createThread(ctx, seg[1] ?? '', body ?? {});
    case 'PUT channels/:/thread-members/:': {
      const thread = s.channels.get(seg[1] ?? '');
      if (!thread || thread.type !== 12) return error(404, 10003, 'Unknown Channel');
      if (!s.users.has(seg[3] ?? '')) return error(404, 10013, 'Unknown User');
      thread.members?.add(seg[3] ?? '');
      return { status: 204 };
    }
    case 'PUT channels/:/messages/:/reactions/:/@me':
      return s.messages.has(seg[3] ?? '') ? { status: 204 } : error(404, 10008, 'Unknown Message');
    case 'GET guilds/:/roles':
      return ok((s.guilds.get(seg[1] ?? '')?.roles ?? []).map((r) => ({ ...r, permissions: '0' })));
    case 'POST interactions/:/:/callback':
      return callback(ctx, seg[1] ?? '', seg[2] ?? '', body ?? {}, query);
    case 'POST webhooks/:/:':
      return followUp(ctx, seg[2] ?? '', body ?? {});
    case 'PATCH webhooks/:/:/messages/:':
      return editWebhookMessage(ctx, seg[2] ?? '', decodeURIComponent(seg[4] ?? ''), body ?? {});
    default:
      return error(404, 0, `404: Not Found (${method} ${path})`);
  }
}

/** Path segments that are ids or tokens (everything but the fixed words). */
function isParam(seg: readonly string[], i: number): boolean {
  const fixed = new Set(['gateway', 'bot', 'users', '@me', 'applications', 'commands', 'guilds', 'channels', 'messages', 'reactions', 'roles', 'interactions', 'callback', 'webhooks', 'threads', 'thread-members']);
  return !fixed.has(seg[i] ?? '');
}

function postMessage(ctx: RestContext, channelId: string, body: Json): Reply {
  const s = ctx.state;
  const channel = s.channels.get(channelId);
  if (!channel) return error(404, 10003, 'Unknown Channel');
  if (channel.type === 1 && channel.recipientId && s.closedDms.has(channel.recipientId)) return error(403, 50007, 'Cannot send messages to this user');
  const nonce = body['nonce'];
  if (body['enforce_nonce'] === true && nonce !== undefined) {
    const known = s.nonces.get(`${channelId}:${String(nonce)}`);
    const existing = known ? s.messages.get(known) : undefined;
    if (existing) return ok(existing);
  }
  const message = s.createMessage(channelId, s.bot, body);
  if (nonce !== undefined) s.nonces.set(`${channelId}:${String(nonce)}`, message['id'] as string);
  return ok(message);
}

/** Only private threads (type 12) in a server text channel, as the helpdesk makes them; Discord sends THREAD_CREATE to the bot. */
function createThread(ctx: RestContext, parentId: string, body: Json): Reply {
  const s = ctx.state;
  const parent = s.channels.get(parentId);
  if (!parent) return error(404, 10003, 'Unknown Channel');
  if (parent.type !== 0 || body['type'] !== 12) return error(400, 50024, 'Cannot execute action on this channel type');
  const name = String(body['name'] ?? '');
  if (name.length < 1 || name.length > 100) return error(400, 50035, 'Invalid Form Body (name)');
  const thread = s.addThread(parent, name, body['invitable'] !== false);
  const json = s.channelJson(thread);
  ctx.dispatch?.('THREAD_CREATE', { ...json, newly_created: true });
  return ok(json);
}

function callback(ctx: RestContext, id: string, token: string, body: Json, query: URLSearchParams): Reply {
  const s = ctx.state;
  const record = s.interactions.get(id);
  if (!record || record.payload['token'] !== token) return error(404, 10062, 'Unknown interaction');
  const type = Number(body['type']);
  const data = body['data'] as Json | undefined;
  record.callbacks.push({ type, data, at: performance.now() });
  if (record.callbacks.length > 1) return error(400, 40060, 'Interaction has already been acknowledged.');
  const component = record.payload['message'] as Json | undefined;
  if (type === 4 || type === 5) {
    const m = s.createMessage(record.channelId, s.bot, { ...(data ?? {}), ...(type === 5 ? { content: '', flags: Number(data?.['flags'] ?? 0) | 128 } : {}) }, { interaction_metadata: { id, type: record.payload['type'], user: invoker(record.payload), authorizing_integration_owners: record.payload['authorizing_integration_owners'] ?? {} }, webhook_id: s.applicationId });
    record.originalId = m['id'] as string;
  } else if ((type === 6 || type === 7) && component) {
    record.originalId = component['id'] as string;
    if (type === 7) s.editMessage(record.originalId, data ?? {});
  }
  if (query.get('with_response') === 'true') return ok({ interaction: { id, type: record.payload['type'] } });
  return { status: 204 };
}

/** The user who interacted, as the payload names them (member in servers, user in DMs). */
function invoker(payload: Json): Json {
  return (payload['user'] ?? (payload['member'] as Json | undefined)?.['user']) as Json;
}

function followUp(ctx: RestContext, token: string, body: Json): Reply {
  const s = ctx.state;
  const record = s.interactions.get(s.byToken.get(token) ?? '');
  if (!record) return error(404, 10015, 'Unknown Webhook');
  return ok(s.createMessage(record.channelId, s.bot, body, { webhook_id: s.applicationId }));
}

function editWebhookMessage(ctx: RestContext, token: string, messageId: string, body: Json): Reply {
  const s = ctx.state;
  const record = s.interactions.get(s.byToken.get(token) ?? '');
  if (!record) return error(404, 10015, 'Unknown Webhook');
  const id = messageId === '@original' ? record.originalId : messageId;
  if (!id) return error(404, 10008, 'Unknown Message');
  const edited = s.editMessage(id, { ...body, ...(messageId === '@original' ? { flags: Number(s.messages.get(id)?.['flags'] ?? 0) & ~128 } : {}) });
  return edited ? ok(edited) : error(404, 10008, 'Unknown Message');
}

function replaceCommands(list: Json[], body: Json | null, applicationId: string, guildId: string | null): Json[] {
  const wanted = Array.isArray(body) ? (body as Json[]) : [];
  const next = wanted.map((w) => {
    const same = list.find((c) => c['name'] === w['name'] && (c['type'] ?? 1) === (w['type'] ?? 1));
    return { ...w, id: same?.['id'] ?? snowflake(), application_id: applicationId, version: snowflake(), ...(guildId ? { guild_id: guildId } : {}), type: w['type'] ?? 1, description: w['description'] ?? '' };
  });
  list.splice(0, list.length, ...next);
  return next;
}

function ok(body: Json | Json[]): Reply {
  return { status: 200, body };
}

function error(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export type { FakeUser };
