import { describe, expect, it } from 'vitest';
import { newTicketRecord, type SavedReply, type Ticket, type TicketPage } from '../../../core/index.js';
import { LIMITS } from './limits.js';
import { buildSavedReplyPicker, buildTicketPage, pageId, parsePageArgs, withClaimSettled, type ListState } from './staff.js';

function ticket(ref: number, patch: Partial<Ticket> = {}): Ticket & { notesHidden: boolean } {
  return { ...newTicketRecord({ id: `00000000-0000-4000-8000-${String(ref).padStart(12, '0')}`, title: `Ticket ${ref}`, description: 'x', requesterId: 'p1', origin: { platform: 'discord' }, priority: 'MEDIUM', createdAt: '2026-01-05T09:00:00.000Z' }, ref), notesHidden: false, ...patch };
}

function page(tickets: Ticket[], over: Partial<TicketPage> = {}): TicketPage {
  return { tickets: tickets.map((t) => ({ ...t, notesHidden: false })), total: tickets.length, page: 1, pages: 1, pageSize: 20, ...over };
}

const none: ListState = { scope: null, status: null, priority: null, skill: null, search: null };
type Row = { components: { label?: string; custom_id?: string; disabled?: boolean }[] };

describe('/tickets pages on Discord', () => {
  it('carries the filters in short page ids and reads them back', () => {
    const state: ListState = { scope: 'unassigned', status: 'TODO', priority: 'HIGH', skill: 'vpn', search: 'printer on floor 3' };
    const id = pageId(state, 3)!;
    expect(id).toBe('hd:page:3:uTH:vpn:printer on floor 3');
    expect(parsePageArgs(id.split(':').slice(2))).toEqual({ state, page: 3 });
    expect(parsePageArgs(['0', '---', '', ''])).toBeNull();
    expect(parsePageArgs(['2', 'x'])).toBeNull();
    // Filters too long for Discord's 100-character custom id, or holding a ":", have no buttons; the page says how to go on.
    expect(pageId({ ...none, search: 'w'.repeat(90) }, 2)).toBeNull();
    expect(pageId({ ...none, search: 'a:b' }, 2)).toBeNull();
    const long = buildTicketPage(page([ticket(1)], { total: 40, pages: 2 }), new Map(), 'All tickets', { ...none, search: 'w'.repeat(90) }, { staff: true });
    expect(long.embeds?.[0]?.description).toContain('run /tickets again with page: 2');
    expect((long.components as unknown as Row[]).flatMap((r) => r.components).map((c) => c.label)).toEqual(['Take it #1']);
  });

  it('says how many match, offers Take it on unassigned rows for staff only, within Discord limits', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ticket(i + 1, i % 2 ? { assigneeId: 'm1', title: 'T'.repeat(300) } : {}));
    const msg = buildTicketPage(page(rows, { total: 45, page: 2, pages: 3 }), new Map([['m1', 'Max']]), 'All tickets', none, { staff: true });
    expect(msg.embeds?.[0]?.title).toBe('All tickets: 45 tickets match · page 2 of 3');
    expect(msg.embeds?.[0]?.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    const comps = (msg.components as unknown as Row[]).flatMap((r) => r.components);
    expect(comps.filter((c) => c.label?.startsWith('Take it'))).toHaveLength(10);
    expect(comps.slice(-2).map((c) => c.custom_id)).toEqual(['hd:page:1:---::', 'hd:page:3:---::']);
    expect(msg.components!.length).toBeLessThanOrEqual(LIMITS.rows);
    for (const c of comps) expect(c.custom_id!.length).toBeLessThanOrEqual(LIMITS.customId);
    const requester = buildTicketPage(page(rows), new Map(), 'Tickets you filed', none, { staff: false });
    expect(requester.components).toEqual([]);
    expect(buildTicketPage(page([]), new Map(), 'All tickets', none, { staff: true }).content).toContain('none match');
  });

  it('redraws only the clicked Take it, disabled, saying who has the ticket', () => {
    const rows = [{ type: 1, components: [{ type: 2, style: 1, label: 'Take it', custom_id: 'hd:claim:a:1' }, { type: 2, style: 1, label: 'Take it', custom_id: 'hd:claim:b:2' }] }] as Parameters<typeof withClaimSettled>[0];
    const out = withClaimSettled(rows, 'hd:claim:a:1', '#1: taken by Mia') as unknown as Row[];
    expect(out[0]!.components.map((c) => [c.label, c.disabled ?? false])).toEqual([['#1: taken by Mia', true], ['Take it', false]]);
  });

  it('the saved-reply picker offers at most 25 replies and says how to send the rest', () => {
    const replies: SavedReply[] = Array.from({ length: 30 }, (_, i) => ({ name: `r${i}`, text: `Hello {requester} ${'x'.repeat(200)}`, createdBy: 'a', createdAt: '', updatedAt: '' }));
    const picker = buildSavedReplyPicker(ticket(7), replies);
    const select = (picker.components as unknown as { components: { custom_id: string; options: { description: string }[] }[] }[])[0]!.components[0]!;
    expect(select.options).toHaveLength(25);
    for (const o of select.options) expect(o.description.length).toBeLessThanOrEqual(LIMITS.optionText);
    expect(picker.content).toContain('5 more');
    expect(buildSavedReplyPicker(ticket(7), []).content).toContain('No saved replies yet');
  });
});
