/**
 * The web dashboard's handlers, driven directly: sign-in from a chat link,
 * sessions, what each role sees, staff actions with their form tokens,
 * escaping, the CSV export, stats and the audit log.
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../adapters/web/index.js';
import { dashboardFixture, serve } from './fixture.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('sign-in from chat', () => {
  it('a /dashboard link opens a session cookie (HttpOnly, SameSite=Lax) and the queue', async () => {
    const f = await dashboardFixture();
    await f.file(f.alice, 'VPN drops every hour');
    const link = await f.helpdesk.dashboardCommand({ actorId: f.bob.id, text: '' });
    expect(link.ok && link.value).toMatch(/^Your dashboard sign-in link \(only for you, works once, for 10 minutes\): http:\/\/dashboard\.test\/login\?token=/);
    const token = await f.linkFor(f.bob);
    const confirm = await f.request('GET', `/login?token=${token}`);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('<button type="submit">Sign in</button>');
    const res = await f.request('POST', '/login', { form: { token } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^helpdesk_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const secret = decodeURIComponent(/=([^;]*)/.exec(cookie)?.[1] ?? '');
    const queue = await f.request('GET', '/', { cookie: secret });
    expect(queue.status).toBe(200);
    expect(queue.body).toContain('VPN drops every hour');
    expect(queue.body).toContain('1 ticket · page 1 of 1');
  });

  it('the cookie is Secure when PUBLIC_URL is https', async () => {
    const f = await dashboardFixture({ baseUrl: 'https://help.example.com' });
    const res = await f.request('POST', '/login', { form: { token: await f.linkFor(f.bob) } });
    expect(String(res.headers['set-cookie'])).toContain('; Secure');
  });

  it('a link works once, only within 10 minutes, and only a stored hash is kept', async () => {
    const f = await dashboardFixture();
    const token = await f.linkFor(f.bob);
    expect((await f.request('POST', '/login', { form: { token } })).status).toBe(303);
    const again = await f.request('POST', '/login', { form: { token } });
    expect(again.status).toBe(400);
    expect(again.body).toContain('This sign-in link was already used or has expired. Type /dashboard in chat for a new one.');
    expect(again.headers['set-cookie']).toBeUndefined();
    const late = await f.linkFor(f.bob);
    f.clock.advance(10 * MINUTE);
    expect((await f.request('POST', '/login', { form: { token: late } })).status).toBe(400);
    const fresh = await f.linkFor(f.bob);
    f.clock.advance(10 * MINUTE - 1);
    expect((await f.request('POST', '/login', { form: { token: fresh } })).status).toBe(303);
    expect(JSON.stringify(f.sessions)).not.toContain(fresh);
  });

  it('without a session every page asks to sign in from chat', async () => {
    const f = await dashboardFixture();
    for (const path of ['/', '/tickets/1', '/stats', '/audit', '/export.csv']) {
      const res = await f.request('GET', path, { cookie: 'forged' });
      expect(res.status).toBe(401);
      expect(res.body).toContain('Type /dashboard in Slack, Discord or the console');
    }
  });

  it('a session ends after 12 idle hours; use keeps it alive', async () => {
    const f = await dashboardFixture();
    const cookie = await f.signIn(f.bob);
    f.clock.advance(11 * HOUR);
    expect((await f.request('GET', '/', { cookie })).status).toBe(200);
    f.clock.advance(11 * HOUR);
    expect((await f.request('GET', '/', { cookie })).status).toBe(200);
    f.clock.advance(12 * HOUR);
    expect((await f.request('GET', '/', { cookie })).status).toBe(401);
  });

  it('/dashboard logout-everywhere ends every session of that person only', async () => {
    const f = await dashboardFixture();
    const a = await f.signIn(f.bob);
    const b = await f.signIn(f.bob);
    const other = await f.signIn(f.maya);
    const r = await f.helpdesk.dashboardCommand({ actorId: f.bob.id, text: 'logout-everywhere' });
    expect(r.ok && r.value).toBe('Signed out of the dashboard everywhere (2 sessions ended).');
    expect((await f.request('GET', '/', { cookie: a })).status).toBe(401);
    expect((await f.request('GET', '/', { cookie: b })).status).toBe(401);
    expect((await f.request('GET', '/', { cookie: other })).status).toBe(200);
  });

  it('signing out needs the form token and ends this session', async () => {
    const f = await dashboardFixture();
    const cookie = await f.signIn(f.bob);
    expect((await f.request('POST', '/logout', { cookie, form: { csrf: 'nope' } })).status).toBe(403);
    const page = await f.request('GET', '/', { cookie });
    const out = await f.request('POST', '/logout', { cookie, form: { csrf: f.csrfOf(page.body) } });
    expect(out.status).toBe(303);
    expect((await f.request('GET', '/', { cookie })).status).toBe(401);
  });

  it('with the dashboard off, /dashboard says how to turn it on', async () => {
    const f = await dashboardFixture();
    const { dashboard: _off, ...deps } = f.deps;
    const { Helpdesk } = await import('../../core/index.js');
    const r = await new Helpdesk(deps).dashboardCommand({ actorId: f.bob.id, text: '' });
    expect(!r.ok && r.error.message).toBe('The web dashboard is off: the bot needs PORT and PUBLIC_URL set to serve it.');
  });
});

describe('what each role sees', () => {
  it('a requester sees their own tickets without staff notes; another person’s ticket is not found', async () => {
    const f = await dashboardFixture();
    const mine = await f.file(f.alice, 'VPN drops');
    const theirs = await f.file(f.carol, 'Printer jam on floor 3');
    await f.helpdesk.addNote({ ticketId: mine.id, actorId: f.bob.id, text: 'secret staff remark' });
    const cookie = await f.signIn(f.alice);
    const queue = await f.request('GET', '/', { cookie });
    expect(queue.body).toContain('VPN drops');
    expect(queue.body).not.toContain('Printer jam');
    const own = await f.request('GET', `/tickets/${mine.ref}`, { cookie });
    expect(own.status).toBe(200);
    expect(own.body).not.toContain('secret staff remark');
    expect(own.body).not.toContain('check the client');
    expect(own.body).not.toContain('Actions');
    const other = await f.request('GET', `/tickets/${theirs.ref}`, { cookie });
    expect(other.status).toBe(404);
    expect(other.body).toContain('Not found');
    expect(other.body).not.toContain('Printer jam');
    expect((await f.request('GET', '/tickets/999', { cookie })).body).toBe(other.body);
    expect((await f.request('GET', '/stats', { cookie })).status).toBe(403);
    expect((await f.request('GET', '/audit', { cookie })).status).toBe(404);
  });

  it('a moderator sees their queue, the unassigned queue and tickets they worked on, not others’', async () => {
    const f = await dashboardFixture();
    const vpn = await f.file(f.alice, 'VPN drops');
    const printer = await f.file(f.carol, 'Printer jam');
    const cookie = await f.signIn(f.bob);
    expect((await f.request('GET', `/tickets/${vpn.ref}`, { cookie })).body).toContain('check the client');
    expect((await f.request('GET', `/tickets/${printer.ref}`, { cookie })).status).toBe(404);
    await f.helpdesk.reassignTicket({ ticketId: vpn.id, actorId: f.bob.id, to: f.maya.id });
    await f.drain();
    const after = await f.request('GET', `/tickets/${vpn.ref}`, { cookie });
    expect(after.status).toBe(200);
    expect(after.body).not.toContain('action="/tickets/1/resolve"');
  });

  it('the audit log is for admins', async () => {
    const f = await dashboardFixture();
    const t = await f.file(f.alice, 'VPN drops');
    await f.helpdesk.addNote({ ticketId: t.id, actorId: f.bob.id, text: 'looked at it' });
    expect((await f.request('GET', '/audit', { cookie: await f.signIn(f.bob) })).status).toBe(404);
    const page = await f.request('GET', '/audit', { cookie: await f.signIn(f.root) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Audit log');
    expect(page.body).toMatch(/bob<\/td><td data-label="Action">note/);
  });
});

describe('staff actions', () => {
  it('claiming from the page tells the requester in chat; without the form token nothing happens', async () => {
    const f = await dashboardFixture();
    expect((await f.helpdesk.skills(f.root, { op: 'away', target: 'console:root' })).ok).toBe(true);
    const t = await f.file(f.alice, 'Cluster down');
    expect(t.assigneeId).toBeNull();
    const cookie = await f.signIn(f.maya);
    const page = await f.request('GET', `/tickets/${t.ref}`, { cookie });
    expect(page.body).toContain(`action="/tickets/${t.ref}/claim"`);
    const forged = await f.request('POST', `/tickets/${t.ref}/claim`, { cookie, form: { csrf: 'forged' } });
    expect(forged.status).toBe(403);
    const otherSession = f.csrfOf((await f.request('GET', '/', { cookie: await f.signIn(f.maya) })).body);
    expect((await f.request('POST', `/tickets/${t.ref}/claim`, { cookie, form: { csrf: otherSession } })).status).toBe(403);
    const crossSite = await f.request('POST', `/tickets/${t.ref}/claim`, { cookie, form: { csrf: f.csrfOf(page.body) }, fetchSite: 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await f.request('POST', '/login', { form: { token: await f.linkFor(f.alice) }, fetchSite: 'cross-site' })).status).toBe(403);
    expect((await f.store.getTicket(t.id))!.assigneeId).toBeNull();
    const res = await f.request('POST', `/tickets/${t.ref}/claim`, { cookie, form: { csrf: f.csrfOf(page.body) } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/tickets/${t.ref}?done=claim`);
    await f.drain();
    expect((await f.store.getTicket(t.id))!.assigneeId).toBe(f.maya.id);
    const told = f.chat.sent.filter((s) => s.person.id === f.alice.id && s.notification.kind === 'ticket.assigned').at(-1);
    expect(told?.notification).toMatchObject({ assignee: { displayName: 'maya' } });
    const done = await f.request('GET', res.headers.location as string, { cookie });
    expect(done.body).toContain('You took the ticket. The requester has been told.');
  });

  it('start, note, triage and resolve call the chat use cases; a refusal shows its message', async () => {
    const f = await dashboardFixture();
    const t = await f.file(f.alice, 'VPN drops');
    const cookie = await f.signIn(f.bob);
    const csrf = f.csrfOf((await f.request('GET', `/tickets/${t.ref}`, { cookie })).body);
    const post = (action: string, form: Record<string, string> = {}) => f.request('POST', `/tickets/${t.ref}/${action}`, { cookie, form: { csrf, ...form } });
    expect((await post('start')).status).toBe(303);
    expect((await post('note', { text: 'checked the tunnel' })).status).toBe(303);
    expect((await post('triage', { priority: 'high', category: 'network', skills: 'vpn' })).status).toBe(303);
    const refused = await post('resolve', { note: '' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('role="alert"');
    expect((await post('resolve', { note: 'New client profile' })).status).toBe(303);
    await f.drain();
    const after = (await f.store.getTicket(t.id))!;
    expect(after.status).toBe('DONE');
    expect(after.priority).toBe('HIGH');
    expect(after.history.map((h) => h.type)).toEqual(expect.arrayContaining(['started', 'note', 'triage-corrected', 'resolved']));
    const transcript = (await f.request('GET', `/tickets/${t.ref}`, { cookie })).body;
    expect(transcript).toContain('internal note, staff only');
    expect(transcript).toContain('corrected the triage: priority MEDIUM → HIGH');
    expect(transcript).toContain('New client profile');
  });
});

describe('hostile text', () => {
  it('titles, messages and names are text, never markup', async () => {
    const f = await dashboardFixture();
    const t = await f.file(f.alice, '<script>alert(1)</script> "quoted" \'single\'', '<img src=x onerror=alert(2)>');
    await f.helpdesk.postMessage({ ticketId: t.id, actorId: f.alice.id, text: '</p><script>alert(3)</script>' });
    const cookie = await f.signIn(f.root);
    for (const path of ['/?scope=all', `/tickets/${t.ref}`]) {
      const body = (await f.request('GET', path, { cookie })).body;
      expect(body).not.toMatch(/<script|<img/i);
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;');
    }
    const q = await f.request('GET', '/?q=%22%3E%3Cscript%3E', { cookie });
    expect(q.body).not.toContain('"><script>');
  });

  it('every response carries the CSP and no inline script or event handler', async () => {
    const f = await dashboardFixture();
    const server = await serve(f.dashboard);
    try {
      const res = await fetch(`${server.url}/login`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await res.text();
      expect(body).not.toMatch(/<script|\son[a-z]+=/i);
    } finally {
      await server.close();
    }
  });
});

describe('CSV export', () => {
  it('exports the filtered queue with formula cells defused', async () => {
    const f = await dashboardFixture();
    await f.file(f.alice, '=HYPERLINK("http://evil","x")');
    await f.file(f.alice, 'Printer jam');
    await f.file(f.carol, 'VPN drops');
    const cookie = await f.signIn(f.root);
    const res = await f.request('GET', '/export.csv?scope=all&q=HYPERLINK', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"ticket","title","status","priority","category","skills","requester","assignee","created","updated","resolved"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"#1","'=HYPERLINK\(""http:\/\/evil"",""x""\)","TODO","MEDIUM","general","kubernetes","alice","root",/);
    const all = await f.request('GET', '/export.csv?scope=all', { cookie });
    expect(all.body.trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('csvCell defuses = + - @ and leading tab or carriage return', () => {
    expect(['=1', '+1', '-1', '@x', '\t=1', '\r=1', 'ok'].map(csvCell)).toEqual(["\"'=1\"", "\"'+1\"", "\"'-1\"", "\"'@x\"", "\"'\t=1\"", "\"'\r=1\"", '"ok"']);
  });
});

describe('queue and stats', () => {
  it('filters, sorts and pages like /tickets', async () => {
    const f = await dashboardFixture();
    for (let i = 1; i <= 23; i++) {
      await f.file(f.alice, `Printer ${i}`);
      f.clock.advance(MINUTE);
    }
    await f.file(f.alice, 'Server down');
    const cookie = await f.signIn(f.root);
    const first = await f.request('GET', '/?scope=all', { cookie });
    expect(first.body).toContain('24 tickets · page 1 of 2');
    expect(first.body.indexOf('Server down')).toBeLessThan(first.body.indexOf('Printer 1<'));
    expect(first.body).toContain('href="/?scope=all&amp;page=2"');
    const newest = await f.request('GET', '/?scope=all&sort=newest', { cookie });
    expect(newest.body.indexOf('Server down')).toBeLessThan(newest.body.indexOf('Printer 23'));
    const age = await f.request('GET', '/?scope=all&sort=age', { cookie });
    expect(age.body.indexOf('Printer 1<')).toBeLessThan(age.body.indexOf('Printer 2<'));
    const high = await f.request('GET', '/?scope=all&priority=high', { cookie });
    expect(high.body).toContain('1 ticket · page 1 of 1');
    const bad = await f.request('GET', '/?older=soon', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('older: takes an age like 3d');
  });

  it('stats show charts for 7, 30 and 90 days', async () => {
    const f = await dashboardFixture();
    const t = await f.file(f.alice, 'VPN drops');
    await f.helpdesk.resolveTicket({ ticketId: t.id, actorId: f.bob.id, note: 'fixed' });
    await f.drain();
    const cookie = await f.signIn(f.root);
    for (const days of [7, 30, 90]) {
      const page = await f.request('GET', `/stats?days=${days}`, { cookie });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`Stats, last ${days} days`);
      expect((page.body.match(/<svg /g) ?? []).length).toBe(6);
      expect(page.body).toContain('Tickets filed per day (1 in all)');
    }
  });
});
