import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { idFor, textOf } from './helpers.js';

const MESSAGES = /^\/channels\/\d+\/messages$/;

describe('Discord reliability: duplicates, rate limits, closed DMs, errors', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
    const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])]);
    await h.fake.replyText(setup);
  });
  afterAll(async () => h?.close());

  it('a re-delivered interaction files one ticket and answers once', async () => {
    const submit = h.fake.submit(h.users.alice, 'hd:file', { title: 'Laptop fan loud', description: '', urgency: [] }, { guild: h.guild });
    h.fake.redeliver(submit);
    h.fake.redeliver(submit);
    expect(await h.fake.replyText(submit)).toContain('filed: Laptop fan loud');
    // A later interaction is handled after the duplicates (the gateway delivers in order).
    const later = h.fake.slash(h.users.alice, 'tickets', [opt.string('scope', 'mine')]);
    await h.fake.answered(later);
    expect(await h.store.countTickets({ text: 'Laptop fan' })).toBe(1);
    expect(submit.callbacks).toHaveLength(1);
  });

  it('a double click on Start starts once; the second click is acknowledged silently', async () => {
    await h.settled();
    const card = await h.fake.waitFor(() => h.fake.dms(h.users.bob).find((m) => textOf(m).includes('Laptop fan loud')), 'the moderator card');
    const copy = structuredClone(card) as Json;
    const first = h.fake.click(h.users.bob, copy, idFor(copy, 'start'));
    const second = h.fake.click(h.users.bob, copy, idFor(copy, 'start'));
    const answers = [await h.fake.answered(first), await h.fake.answered(second)].map((a) => a.type).sort();
    expect(answers).toEqual([6, 7]);
    const ticket = (await h.store.listTickets({ text: 'Laptop fan' }))[0];
    expect(ticket?.status).toBe('IN_PROGRESS');
    expect(ticket?.history.filter((e) => e.type === 'started')).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After and then delivers', async () => {
    h.fake.rateLimitNext('POST', MESSAGES, 1);
    const mark = h.fake.calls.length;
    const r = h.fake.slash(h.users.alice, 'ticket', [opt.string('text', 'Monitor flickers')], { guild: h.guild });
    await h.fake.replyText(r);
    await h.fake.waitFor(() => h.fake.dms(h.users.alice).find((m) => textOf(m).includes('Monitor flickers')), 'the card after the rate limit');
    const sends = h.fake.calls.slice(mark).filter((c) => c.method === 'POST' && MESSAGES.test(c.path));
    expect(sends[0]?.status).toBe(429);
    expect(sends[1]?.status).toBe(200);
    expect(sends[1]?.body).toEqual(sends[0]?.body);
    await h.settled();
    expect(h.drainErrors).toEqual([]);
  });

  it('closed DMs (50007) hand the notification to the fallback channel', async () => {
    h.fake.closeDms(h.users.dave);
    const r = h.fake.slash(h.users.dave, 'ticket', [opt.string('text', 'Badge does not open the door')], { guild: h.guild });
    expect(await h.fake.replyText(r)).toContain('filed');
    const dave = await h.person(h.users.dave);
    await h.fake.waitFor(() => h.email.kindsFor(dave?.id ?? '').includes('ticket.filed'), 'the email fallback');
    expect(h.fake.calls.some((c) => c.status === 403 && MESSAGES.test(c.path))).toBe(true);
    expect(h.logger.lines.some((l) => l.msg === 'Discord DM not possible' && String(l.obj['reason']).includes('DMs closed'))).toBe(true);
  });

  it('an unexpected failure shows a reference and logs it, never the exception', async () => {
    const original = h.store.listTickets.bind(h.store);
    h.store.listTickets = async () => {
      throw new Error('disk on fire');
    };
    try {
      const r = h.fake.slash(h.users.alice, 'tickets');
      const text = await h.fake.replyText(r);
      expect(text).toBe('Something went wrong (ref REF123). Please try again; if it keeps happening, tell a helpdesk admin the ref.');
      expect(text).not.toContain('disk on fire');
      expect(h.logger.lines.some((l) => l.level === 'error' && l.obj['ref'] === 'REF123')).toBe(true);
    } finally {
      h.store.listTickets = original;
    }
  });

  it('buttons from unknown versions and tickets that no longer exist get a private explanation', async () => {
    const card = h.fake.dms(h.users.bob)[0] as Json;
    const stale = h.fake.click(h.users.bob, card, 'hd:teleport:x');
    expect(String((await h.fake.answered(stale)).data?.['content'])).toContain('older version of the helpdesk');
    const gone = h.fake.click(h.users.bob, card, 'hd:resolve:nope:1');
    const answer = await h.fake.answered(gone);
    expect(answer.data?.['flags']).toBe(64);
    expect(String(answer.data?.['content'])).toContain('does not exist');
  });
});

describe('Discord: slow answers are deferred; the filing limit holds', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ ackAfterMs: 20, settings: { filingLimitPerMinute: 1 } });
  });
  afterAll(async () => h?.close());

  it('defers privately when the store is slow, then edits the original response through the interaction webhook', async () => {
    // The store holds the ticket until the test has seen the deferral: slow, without sleeping.
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = h.store.createTicket.bind(h.store);
    h.store.createTicket = async (...args) => {
      await gate;
      return original(...args);
    };
    try {
      const r = h.fake.slash(h.users.alice, 'ticket', [opt.string('text', 'Wifi slow')], { guild: h.guild });
      const first = await h.fake.answered(r);
      expect(first.type).toBe(5);
      expect(first.data?.['flags']).toBe(64);
      expect(await h.store.countTickets({})).toBe(0);
      release();
      expect(await h.fake.replyText(r)).toContain('filed: Wifi slow');
    } finally {
      h.store.createTicket = original;
    }
    const edit = h.fake.calls.find((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${h.fake.applicationId}/`));
    expect(edit?.path.endsWith('/messages/%40original')).toBe(true);
    expect(edit?.auth).toBeNull();
  });

  it('a second ticket within the minute is refused with the reason', async () => {
    const r = h.fake.slash(h.users.alice, 'ticket', [opt.string('text', 'Wifi still slow')], { guild: h.guild });
    expect(await h.fake.replyText(r)).toContain('Please wait a moment before filing another.');
    expect(await h.store.countTickets({})).toBe(1);
  });
});
