/**
 * A helpdesk on in-memory fakes with the web dashboard on: root (admin),
 * bob and maya (moderators: vpn / printers), alice and carol (requesters),
 * console chat recorded. `request` drives the dashboard's handler directly;
 * `serve` puts it on a real HTTP port for the browser tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { WebDashboard, SESSION_COOKIE, type WebResponse } from '../../adapters/web/index.js';
import { Helpdesk, type Person, type Ticket } from '../../core/index.js';
import { FixedTriage, RecordingChannel } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryDashboardSessions } from '../../core/testing/memory-dashboard-sessions.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { MemoryTicketStats } from '../../core/testing/memory-stats.js';
import { nodeHasher } from '../../bot/wiring/hasher.js';

export async function dashboardFixture(options: { baseUrl?: string } = {}) {
  const chat = new RecordingChannel('console');
  const store = new MemoryStore();
  const t = testHelpdesk({
    store,
    channels: [chat],
    triage: new FixedTriage((r) => ({ skills: /vpn/i.test(r.ticket.title) ? ['vpn'] : /printer/i.test(r.ticket.title) ? ['printers'] : ['kubernetes'], priority: /down/i.test(r.ticket.title) ? 'HIGH' : 'MEDIUM', notes: 'check the client' })),
    settings: { adminIdentities: ['console:root'] },
  });
  let n = 0;
  const sessions = new MemoryDashboardSessions();
  const base = options.baseUrl ?? 'http://dashboard.test';
  const helpdesk = new Helpdesk({
    ...t.deps,
    stats: new MemoryTicketStats(),
    dashboard: { sessions, hasher: nodeHasher, secrets: { newSecret: () => `secret-${++n}-${'x'.repeat(24)}` }, baseUrl: base },
  });
  const dashboard = new WebDashboard({ helpdesk, secureCookies: base.startsWith('https://'), logger: t.deps.logger });
  const id = async (h: string) => {
    const r = await helpdesk.identify({ identity: `console:${h}`, displayName: h });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const root = await id('root');
  const alice = await id('alice');
  const carol = await id('carol');
  await id('bob');
  await id('maya');
  expect((await helpdesk.skills(root, { op: 'add', target: 'console:bob', skills: ['vpn'] })).ok).toBe(true);
  expect((await helpdesk.skills(root, { op: 'add', target: 'console:maya', skills: ['printers'] })).ok).toBe(true);
  const person = async (h: string) => (await store.findPersonByIdentity(`console:${h}`)) as Person;
  const file = async (who: Person, title: string, description = title): Promise<Ticket> => {
    const r = await helpdesk.fileTicket({ requesterId: who.id, title, description, origin: { platform: 'console' } });
    if (!r.ok) throw new Error(r.error.message);
    await t.engine.drain();
    return (await store.getTicket(r.value.ticket.id))!;
  };
  /** `/dashboard` in chat: the link's token. */
  const linkFor = async (who: Person): Promise<string> => {
    const r = await helpdesk.dashboardCommand({ actorId: who.id, text: '' });
    if (!r.ok) throw new Error(r.error.message);
    const url = /(https?:\/\/\S+)/.exec(r.value)?.[1] ?? '';
    return new URL(url).searchParams.get('token') ?? '';
  };
  const request = async (method: 'GET' | 'POST', path: string, input: { cookie?: string; form?: Record<string, string>; fetchSite?: string } = {}): Promise<WebResponse> => {
    const url = new URL(path, 'http://x');
    return dashboard.handle({ method, path: url.pathname, query: url.searchParams, cookies: input.cookie ? { [SESSION_COOKIE]: input.cookie } : {}, form: new URLSearchParams(input.form ?? {}), ...(input.fetchSite ? { fetchSite: input.fetchSite } : {}) });
  };
  /** Signs in through a fresh link; the session cookie's value. */
  const signIn = async (who: Person): Promise<string> => {
    const res = await request('POST', '/login', { form: { token: await linkFor(who) } });
    expect(res.status).toBe(303);
    const cookie = String(res.headers['set-cookie'] ?? '');
    return decodeURIComponent(/=([^;]*)/.exec(cookie)?.[1] ?? '');
  };
  /** The form token of a page (every form carries it). */
  const csrfOf = (body: string): string => /name="csrf" value="([^"]*)"/.exec(body)?.[1] ?? '';
  /** Runs the background work an action triggered (notifications). */
  const drain = () => t.engine.drain();
  return { ...t, helpdesk, dashboard, chat, sessions, root, alice, carol, bob: await person('bob'), maya: await person('maya'), file, linkFor, request, signIn, csrfOf, drain };
}

/** The dashboard on a real port, for a browser. */
export async function serve(dashboard: WebDashboard): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(dashboard.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
