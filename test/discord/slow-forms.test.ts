import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TOO_LATE } from '../../core/index.js';
import { opt, type Json } from './fake-discord/index.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';
import { idFor, modalOf, textOf } from './helpers.js';

/**
 * Buttons that read the store before their form opens (Resolve, Edit
 * triage, Note…, the ratings) while the store stalls, as during a database
 * election: the click is acknowledged within Discord's 3 seconds, and the
 * person is asked to click again rather than seeing "This interaction
 * failed". The stall is released by the test, never by a timer.
 */
describe('Discord: a form button while the store stalls', () => {
  let h: DiscordHarness;
  let card: Json;
  beforeAll(async () => {
    h = await startDiscordHarness();
    const setup = h.fake.slash(h.users.root, 'skills', [opt.sub('add', [opt.user('user', h.users.bob), opt.string('skills', 'vpn')])], { guild: h.guild });
    await h.fake.replyText(setup);
    const filing = h.fake.slash(h.users.alice, 'ticket', [opt.string('text', 'VPN down')], { guild: h.guild });
    expect(await h.fake.replyText(filing)).toContain('filed');
    card = await h.fake.waitFor(() => h.fake.dms(h.users.bob)[0], 'the moderator card');
  });
  afterAll(async () => h?.close());

  it('Resolve is acknowledged in time, asks to click again, and opens the form once the store answers', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = h.store.getTicket.bind(h.store);
    h.store.getTicket = async (...args) => {
      await gate;
      return original(...args);
    };
    const before = h.fake.dms(h.users.bob).length;
    try {
      const click = h.fake.click(h.users.bob, card, idFor(card, 'resolve'));
      // A deferred update: the card stays as it is.
      expect((await h.fake.answered(click)).type).toBe(6);
      release();
      const told = await h.fake.waitFor(() => h.fake.dms(h.users.bob).slice(before).find((m) => textOf(m).includes(FORM_TOO_LATE)), 'the click-again message');
      expect(Number(told['flags'] ?? 0) & 64).toBe(64);
    } finally {
      h.store.getTicket = original;
    }
    expect((await h.store.getTicketByRef(1))?.status).not.toBe('DONE');
    const again = await h.fake.answered(h.fake.click(h.users.bob, card, idFor(card, 'resolve')));
    expect(again.type).toBe(9);
    expect(modalOf(again.data).values).toHaveProperty('note');
    expect(h.drainErrors).toEqual([]);
  });
});
