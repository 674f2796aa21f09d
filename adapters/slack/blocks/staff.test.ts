import { describe, expect, it } from 'vitest';
import { newTicketRecord, type SavedReply, type Ticket, type TicketPage } from '../../../core/index.js';
import { LIMITS } from './limits.js';
import { buildNoteModal, buildSavedReplyPicker, buildTicketPage, listStateValue, parseListState, pickerTicketId, withoutPage } from './staff.js';

function ticket(ref: number, patch: Partial<Ticket> = {}): Ticket & { notesHidden: boolean } {
  return { ...newTicketRecord({ id: `t${ref}`, title: `Ticket ${ref}`, description: 'x', requesterId: 'p1', origin: { platform: 'slack' }, priority: 'MEDIUM', createdAt: '2026-01-05T09:00:00.000Z' }, ref), notesHidden: false, ...patch };
}

function page(tickets: Ticket[], over: Partial<TicketPage> = {}): TicketPage {
  return { tickets: tickets.map((t) => ({ ...t, notesHidden: false })), total: tickets.length, page: 1, pages: 1, pageSize: 20, ...over };
}

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value?: string; options?: { value: string }[] }; elements?: { action_id?: string; value?: string; text?: { text: string } }[] };

describe('/tickets pages', () => {
  it('says how many match, offers Take it on unassigned rows for staff only, and pages with the filters carried', () => {
    const rows = [ticket(1), ticket(2, { assigneeId: 'm1' })];
    const msg = buildTicketPage(page(rows, { total: 45, page: 2, pages: 3 }), new Map([['m1', 'Max']]), 'priority:high vpn page:2', { staff: true });
    const blocks = msg.blocks as Block[];
    expect(blocks[0]?.text?.text).toContain('45 tickets match `priority:high vpn` · page 2 of 3');
    expect(blocks.filter((b) => b.accessory?.action_id === 'ticket_claim')).toHaveLength(1);
    expect(JSON.parse(blocks.find((b) => b.accessory)!.accessory!.value!)).toEqual({ id: 't1', ref: 1, q: 'priority:high vpn', p: 2 });
    const nav = blocks.find((b) => b.type === 'actions')!.elements!;
    expect(nav.map((e) => [e.action_id, parseListState(e.value)])).toEqual([
      ['tickets_page_prev', { q: 'priority:high vpn', p: 1 }],
      ['tickets_page_next', { q: 'priority:high vpn', p: 3 }],
    ]);
    const requesterView = buildTicketPage(page(rows), new Map(), '', { staff: false }).blocks as Block[];
    expect(requesterView.some((b) => b.accessory)).toBe(false);
    expect(requesterView.some((b) => b.type === 'actions')).toBe(false);
  });

  it('stays within Block Kit limits; filters too long for a button value page by text instead', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ticket(i + 1));
    const long = 'word '.repeat(500);
    const msg = buildTicketPage(page(rows, { total: 100, pages: 5 }), new Map(), long, { staff: true });
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(listStateValue({ q: long, p: 2 })).toBeNull();
    expect((msg.blocks as Block[]).some((b) => b.type === 'actions')).toBe(false);
    expect((msg.blocks.at(-1) as { elements: { text: string }[] }).elements[0]!.text).toContain('page:2');
    for (const b of msg.blocks as Block[]) if (b.accessory?.value) expect(b.accessory.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  });

  it('an empty result and a page past the end say so', () => {
    expect(buildTicketPage(page([]), new Map(), 'vpn', { staff: true }).text).toBe('No tickets match.');
    const past = buildTicketPage(page([], { total: 3, page: 9, pages: 1 }), new Map(), 'page:9', { staff: true });
    expect(JSON.stringify(past.blocks)).toContain('There is no page 9; the last one is 1.');
    expect(withoutPage('mine page:3 vpn')).toBe('mine vpn');
    expect(parseListState('{"q":"x","p":0}')).toBeNull();
    expect(parseListState('nope')).toBeNull();
  });
});

describe('note modal and saved reply picker', () => {
  it('the note modal says who sees it and carries the ticket', () => {
    const modal = buildNoteModal(ticket(7));
    expect(modal.callback_id).toBe('note_modal');
    expect(JSON.parse(modal.private_metadata!)).toEqual({ id: 't7', ref: 7 });
    expect(JSON.stringify(modal.blocks)).toContain('the requester never sees it');
  });

  it('the picker lists saved replies by name, at most 100, under a block that names the ticket', () => {
    const replies: SavedReply[] = Array.from({ length: 120 }, (_, i) => ({ name: `r${i}`, text: `Hello {requester} ${'x'.repeat(100)}`, createdBy: 'a', createdAt: '', updatedAt: '' }));
    const picker = buildSavedReplyPicker(ticket(7), replies);
    const block = picker.blocks[0] as Block;
    expect(pickerTicketId(block.block_id)).toBe('t7');
    expect(block.accessory?.action_id).toBe('ticket_reply_pick');
    expect(block.accessory?.options).toHaveLength(100);
    expect(JSON.stringify(picker.blocks)).toContain('20 more');
    expect(buildSavedReplyPicker(ticket(7), []).text).toBe('No saved replies yet.');
  });
});
