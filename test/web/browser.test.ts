/**
 * The dashboard in a real browser: playwright-core driving the system
 * Chromium (/usr/bin/chromium, installed by .ci/run), one browser for the
 * file, a fresh context per test. Screenshots of every page go to
 * test-results/dashboard/; with DASHBOARD_DOCS_SCREENSHOT=1 the README's
 * docs/dashboard.png is taken again too (otherwise a run leaves the tree as it was).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, serve } from './fixture.js';

const SHOTS = join(process.cwd(), 'test-results', 'dashboard');
const CHROMIUM = '/usr/bin/chromium';
/**
 * CI always runs these (.ci/run installs Chromium; a missing browser fails there). On a developer's
 * fresh machine without Debian's chromium package they are skipped with a note, so `npm test` stays
 * green offline; `apt-get install -y chromium` turns them on.
 */
const HAS_BROWSER = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!HAS_BROWSER) process.stderr.write(`dashboard browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);

let browser: Browser;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  mkdirSync(SHOTS, { recursive: true });
  // playwright-core gives the browser a fresh temporary --user-data-dir of its own (it refuses the flag in launch()) and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** A helpdesk with a few tickets (one with a hostile title and message), served on a local port. */
async function world() {
  const f = await dashboardFixture();
  expect((await f.helpdesk.skills(f.root, { op: 'away', target: 'console:root' })).ok).toBe(true);
  const vpn = await f.file(f.alice, 'VPN drops every hour since the update', 'The tunnel drops every hour; reconnecting works for a while.');
  const printer = await f.file(f.carol, 'Printer on floor 3 prints blank pages');
  const hostile = await f.file(f.alice, `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> ${'Very long title that goes on '.repeat(6)}`.slice(0, 200), '<b>bold?</b> "quotes" & ampersands');
  await f.helpdesk.postMessage({ ticketId: vpn.id, actorId: f.alice.id, text: '</li><script>window.__xss=3</script> still dropping' });
  await f.helpdesk.addNote({ ticketId: vpn.id, actorId: f.bob.id, text: 'Tunnel MTU looks wrong; staff only.' });
  await f.drain();
  const server = await serve(f.dashboard);
  return { ...f, vpn, printer, hostile, server };
}

async function withPage(fn: (page: Page, context: BrowserContext) => Promise<void>, viewport = { width: 1280, height: 860 }): Promise<void> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A blocked inline script or style (the CSP allows neither) shows up as a console error.
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[0134]/.test(m.text())) errors.push(m.text());
  });
  try {
    await fn(page, context);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/login?token=${token}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/`);
}

describe.skipIf(!HAS_BROWSER)('dashboard in Chromium', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => w?.server.close());

  it('a sign-in link from chat opens the queue; the link then is spent', async () => {
    await withPage(async (page) => {
      const token = await w.linkFor(w.bob);
      await signIn(page, w.server.url, token);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Tickets');
      expect(await page.locator('caption').textContent()).toBe('2 tickets · page 1 of 1');
      expect(await page.getByRole('link', { name: 'VPN drops every hour since the update' }).count()).toBe(1);
      const cookie = (await page.context().cookies()).find((c) => c.name === 'helpdesk_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      await page.screenshot({ path: join(SHOTS, 'queue.png'), fullPage: true });
      if (process.env.DASHBOARD_DOCS_SCREENSHOT === '1') await page.screenshot({ path: join(process.cwd(), 'docs', 'dashboard.png') });
      // The same link again, in a new browser: refused.
      await withPage(async (other) => {
        await other.goto(`${w.server.url}/login?token=${token}`);
        await other.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => other.locator('h1').textContent()).toBe('Sign-in link refused');
        expect(await other.getByRole('alert').textContent()).toContain('already used or has expired');
        await other.screenshot({ path: join(SHOTS, 'link-refused.png') });
      });
    });
  });

  it('an expired link is refused', async () => {
    await withPage(async (page) => {
      const token = await w.linkFor(w.maya);
      w.clock.advance(10 * 60_000);
      await page.goto(`${w.server.url}/login?token=${token}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Sign-in link refused');
      await page.goto(`${w.server.url}/`);
      expect(await page.locator('h1').textContent()).toBe('Sign in');
    });
  });

  it('a requester sees their own ticket without staff notes; another person’s ticket URL is not found', async () => {
    await withPage(async (page) => {
      await signIn(page, w.server.url, await w.linkFor(w.alice));
      await page.getByRole('link', { name: 'VPN drops every hour since the update' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toContain('VPN drops every hour');
      const text = await page.locator('main').textContent();
      expect(text).toContain('still dropping');
      expect(text).not.toContain('Tunnel MTU');
      expect(await page.getByRole('button', { name: 'Claim' }).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'ticket-requester.png'), fullPage: true });
      const res = await page.goto(`${w.server.url}/tickets/${w.printer.ref}`);
      expect(res?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Not found');
      expect(await page.locator('main').textContent()).not.toContain('Printer');
    });
  });

  it('hostile titles and messages are shown as text and run nothing, on a phone too', async () => {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 860 }], ['phone', { width: 390, height: 844 }]] as const) {
      await withPage(async (page) => {
        await signIn(page, w.server.url, await w.linkFor(w.root));
        await page.goto(`${w.server.url}/?scope=all`);
        await page.screenshot({ path: join(SHOTS, `queue-${name}.png`), fullPage: true });
        await page.goto(`${w.server.url}/tickets/${w.hostile.ref}`);
        expect(await page.locator('h1').textContent()).toContain('<script>window.__xss=1</script>');
        await page.goto(`${w.server.url}/tickets/${w.vpn.ref}`);
        expect(await page.locator('main').textContent()).toContain('</li><script>window.__xss=3</script> still dropping');
        // Expressions as strings: this file is compiled without the DOM library.
        expect(await page.evaluate('window.__xss')).toBeUndefined();
        // Nothing is wider than the screen, however long the title.
        await page.goto(`${w.server.url}/tickets/${w.hostile.ref}`);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `ticket-hostile-${name}.png`), fullPage: true });
      }, viewport);
    }
  });

  it('a moderator claims from the page and the requester is told in chat; a forged form token is refused', async () => {
    await withPage(async (page) => {
      await signIn(page, w.server.url, await w.linkFor(w.maya));
      await page.goto(`${w.server.url}/tickets/${w.hostile.ref}`);
      await page.screenshot({ path: join(SHOTS, 'ticket-staff.png'), fullPage: true });
      // A form whose token is not this session's (as a forged cross-site post would be) changes nothing.
      await page.locator(`form[action="/tickets/${w.hostile.ref}/claim"] input[name=csrf]`).evaluate((el) => el.setAttribute('value', 'forged'));
      await page.getByRole('button', { name: 'Claim' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('That form has expired');
      expect((await w.store.getTicket(w.hostile.id))?.assigneeId).toBeNull();
      await page.goto(`${w.server.url}/tickets/${w.hostile.ref}`);
      await page.getByRole('button', { name: 'Claim' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('You took the ticket. The requester has been told.');
      await w.drain();
      expect((await w.store.getTicket(w.hostile.id))?.assigneeId).toBe(w.maya.id);
      const told = w.chat.sent.filter((s) => s.person.id === w.alice.id && s.notification.kind === 'ticket.assigned');
      expect(told.at(-1)?.notification).toMatchObject({ assignee: { displayName: 'maya' } });
      // Keyboard only: the note field is reachable and labelled.
      await page.getByLabel('Internal note (staff only)').fill('Checked the toner.');
      await page.getByRole('button', { name: 'Add note' }).press('Enter');
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Internal note added.');
      await page.screenshot({ path: join(SHOTS, 'ticket-claimed.png'), fullPage: true });
    });
  });

  it('the CSV export holds the filtered queue with formula cells defused; stats and audit pages render', async () => {
    await withPage(async (page) => {
      await w.file(w.carol, '=cmd|"/c calc"!A1 printer');
      await signIn(page, w.server.url, await w.linkFor(w.root));
      await page.goto(`${w.server.url}/?scope=all&q=printer`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
      const path = await download.path();
      const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
      expect(lines[0]).toContain('"ticket","title"');
      expect(lines).toHaveLength(3);
      expect(lines.some((l) => l.includes(`"'=cmd|""/c calc""!A1 printer"`))).toBe(true);
      await page.goto(`${w.server.url}/stats?days=30`);
      expect(await page.locator('svg').count()).toBe(6);
      await page.screenshot({ path: join(SHOTS, 'stats.png'), fullPage: true });
      await page.goto(`${w.server.url}/audit`);
      expect(await page.locator('h1').textContent()).toBe('Audit log');
      await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
    });
  });
});
