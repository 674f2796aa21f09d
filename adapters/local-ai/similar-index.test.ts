import { describe, expect, it } from 'vitest';
import type { ResolvedTicketDoc, Ticket } from '../../core/index.js';
import { resolvedTicketDocs } from './rebuild.js';
import { LexicalSimilarIndex } from './similar-index.js';

const doc = (n: number, title: string, description: string, resolution: string): ResolvedTicketDoc => ({ ticketId: `t-${n}`, ref: n, title, description, resolution });

const HELPDESK = [
  doc(1, 'VPN drops every hour', 'The VPN client disconnects from the Berlin office every hour.', 'Reinstalled the VPN client profile.'),
  doc(2, 'Printer on floor 3 jams', 'The shared printer jams on duplex jobs.', 'Replaced the fuser unit.'),
  doc(3, 'Outlook not receiving mail', 'New messages stop arriving in Outlook; webmail works.', 'Rebuilt the Outlook profile.'),
  doc(4, 'Laptop fan is loud', 'The fan spins at full speed all day.', 'Cleaned the vents and updated the BIOS.'),
  doc(5, 'Cannot connect to VPN from home', 'Authentication fails on the VPN from my home network.', 'Reset the VPN password and re-enrolled MFA.'),
];

async function indexOf(docs: readonly ResolvedTicketDoc[], options = {}): Promise<LexicalSimilarIndex> {
  const index = new LexicalSimilarIndex(options);
  for (const d of docs) await index.add(d);
  return index;
}

describe('LexicalSimilarIndex', () => {
  it('ranks the tickets that share the problem first, with refs and resolutions', async () => {
    const index = await indexOf(HELPDESK);
    const found = await index.search({ title: 'VPN keeps disconnecting', description: 'My VPN disconnects every hour in the office' }, { limit: 3 });
    expect(found[0]).toMatchObject({ ticketId: 't-1', ref: 1, title: 'VPN drops every hour', resolution: 'Reinstalled the VPN client profile.' });
    // #5 shares only "VPN" (its problem is signing in, not dropping): not similar enough.
    expect(found.map((f) => f.ref)).not.toContain(5);
    expect(found.every((f, i) => i === 0 || (found[i - 1]?.score ?? 0) >= f.score)).toBe(true);
    expect(found.every((f) => f.score > 0 && f.score <= 1)).toBe(true);
  });

  it('suggests nothing below the relevance floor', async () => {
    const index = await indexOf(HELPDESK);
    expect(await index.search({ title: 'Request a new desk chair', description: 'Mine is broken' }, { limit: 3 })).toEqual([]);
    expect(await index.search({ title: '', description: '' }, { limit: 3 })).toEqual([]);
  });

  it('honours the limit and excluded ids', async () => {
    const index = await indexOf(HELPDESK, { floor: 0 });
    const q = { title: 'VPN drops', description: 'vpn at home' };
    expect(await index.search(q, { limit: 1 })).toHaveLength(1);
    const found = await index.search(q, { limit: 3, excludeIds: ['t-1'] });
    expect(found.map((f) => f.ticketId)).not.toContain('t-1');
    expect(await index.search(q, { limit: 0 })).toEqual([]);
  });

  it('removes documents', async () => {
    const index = await indexOf(HELPDESK);
    await index.remove('t-1');
    await index.remove('t-unknown');
    expect(index.size).toBe(4);
    const found = await index.search({ title: 'VPN drops every hour', description: '' }, { limit: 5 });
    expect(found.map((f) => f.ticketId)).not.toContain('t-1');
  });

  it('replaces a document added again (re-resolution)', async () => {
    const index = await indexOf(HELPDESK);
    await index.add(doc(2, 'Printer on floor 3 jams', 'The shared printer jams on duplex jobs.', 'Swapped the paper tray for a new one.'));
    expect(index.size).toBe(5);
    const found = await index.search({ title: 'printer jams', description: '' }, { limit: 5 });
    expect(found.filter((f) => f.ticketId === 't-2')).toHaveLength(1);
    expect(found.find((f) => f.ticketId === 't-2')?.resolution).toBe('Swapped the paper tray for a new one.');
    // The old text no longer matches.
    expect((await index.score({ title: 'fuser unit', description: '' }, ['t-2'])).get('t-2')).toBe(0);
  });

  it('tolerates a misspelt word it has never seen', async () => {
    const index = await indexOf(HELPDESK);
    const found = await index.search({ title: 'Outlok not recieving mail', description: '' }, { limit: 1 });
    expect(found[0]?.ticketId).toBe('t-3');
  });

  it('scores requested ids only, including those under the floor', async () => {
    const index = await indexOf(HELPDESK);
    const scores = await index.score({ title: 'VPN drops', description: '' }, ['t-1', 't-2', 'missing']);
    expect([...scores.keys()].sort()).toEqual(['t-1', 't-2']);
    expect(scores.get('t-1')).toBeGreaterThan(0);
    expect(scores.get('t-2')).toBe(0);
  });

  it('bulk-loads the same index as one add at a time', async () => {
    const one = await indexOf(HELPDESK);
    const bulk = new LexicalSimilarIndex();
    expect(bulk.addMany([...HELPDESK, doc(2, 'Printer on floor 3 jams', 'The shared printer jams on duplex jobs.', 'Replaced the fuser unit.')])).toBe(6);
    expect(bulk.size).toBe(5);
    const q = { title: 'VPN disconnects', description: 'from home every hour' };
    expect(await bulk.search(q, { limit: 3 })).toEqual(await one.search(q, { limit: 3 }));
  });

  it('returns exactly what scoring every ticket would, on a larger random corpus with removals', async () => {
    const words = 'vpn printer outlook laptop password wifi network drive email screen keyboard server backup disk slow error login access update install office home fan battery monitor'.split(' ');
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 0x1_0000_0000;
    };
    const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
    const docs = Array.from({ length: 3000 }, (_, i) => doc(i + 1, text(4), text(12), text(5)));
    const index = new LexicalSimilarIndex({ floor: 0.05 });
    index.addMany(docs);
    for (let i = 0; i < 3000; i += 7) await index.remove(`t-${i + 1}`);
    for (let i = 0; i < 3000; i += 11) await index.add(doc(i + 1, text(4), text(12), text(5)));
    const ids = docs.map((d) => d.ticketId);
    for (let k = 0; k < 25; k++) {
      const q = { title: text(3), description: text(8) };
      const found = await index.search(q, { limit: 3 });
      const all = [...(await index.score(q, ids))].filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]);
      expect(found.map((f) => f.score)).toEqual(all.slice(0, 3).map(([, s]) => Math.round(s * 1e4) / 1e4));
    }
  });

  it('compacts after many removals and keeps answering correctly', async () => {
    const index = new LexicalSimilarIndex();
    const many = Array.from({ length: 6000 }, (_, i) => doc(i + 1, `ticket ${i} printer tray`, `paper jam number ${i} in the office printer`, `fixed tray ${i}`));
    index.addMany(many);
    for (let i = 0; i < 5990; i++) await index.remove(`t-${i + 1}`);
    expect(index.size).toBe(10);
    await index.add(doc(9000, 'VPN drops', 'vpn disconnects', 'reinstalled'));
    const found = await index.search({ title: 'printer tray paper jam', description: '' }, { limit: 20 });
    expect(found).toHaveLength(10);
    expect(found.every((f) => f.ref > 5990)).toBe(true);
    expect((await index.search({ title: 'vpn drops', description: '' }, { limit: 1 }))[0]?.ref).toBe(9000);
  });
});

describe('start-up rebuild from the store', () => {
  it('pages through resolved tickets and bulk-loads them', async () => {
    const tickets = HELPDESK.map((d) => ({ id: d.ticketId, ref: d.ref, title: d.title, description: d.description, resolution: d.resolution }));
    const calls: [number, number][] = [];
    const store = {
      // Only the fields the rebuild reads; the rest of a Ticket is irrelevant here.
      listResolvedTickets: async (afterRef: number, limit: number) => {
        calls.push([afterRef, limit]);
        return tickets.filter((t) => t.ref > afterRef).slice(0, limit) as unknown as Ticket[];
      },
    };
    const index = new LexicalSimilarIndex();
    expect(await index.addAll(resolvedTicketDocs(store, 2))).toBe(5);
    expect(index.size).toBe(5);
    expect(calls).toEqual([[0, 2], [2, 2], [4, 2], [5, 2]]);
    expect((await index.search({ title: 'VPN drops every hour', description: '' }, { limit: 1 }))[0]?.ref).toBe(1);
  });

  it('ranks the same without keeping text, and leaves title and resolution for the caller to fill in', async () => {
    const query = { title: 'VPN keeps disconnecting', description: 'My VPN disconnects every hour in the office' };
    const full = await (await indexOf(HELPDESK)).search(query, { limit: 3 });
    const bare = await (await indexOf(HELPDESK, { keepText: false })).search(query, { limit: 3 });
    expect(bare.map((h) => [h.ticketId, h.ref, h.score])).toEqual(full.map((h) => [h.ticketId, h.ref, h.score]));
    expect(bare.every((h) => h.title === '' && h.resolution === '')).toBe(true);
  });
});
