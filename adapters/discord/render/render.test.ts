import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { applyTriage, newTicketRecord, type Notification, type PersonRef, type Ticket } from '../../../core/index.js';
import { parseCustomId } from '../ids.js';
import { buildModeratorCard, buildRequesterCard, moderatorButtons } from './cards.js';
import { actionRows, fitEmbed, LIMITS, truncate } from './limits.js';
import { buildReassignPicker, buildTicketList } from './lists.js';
import { fitMessage, restBody, type MessageBody } from './message.js';
import { buildResolveModal, buildTicketModal } from './modals.js';
import { renderNotification } from './notifications.js';

const requester: PersonRef = { id: 'p-alice', displayName: 'Alice', identities: ['discord:111111111111111111'] };

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord(
    { id: '0b6c8a52-2c4e-4a57-9d62-7f3f1c2b9e10', title: 'VPN is down', description: 'Cannot connect since 9am', requesterId: 'p-alice', origin: { platform: 'discord' }, priority: 'MEDIUM', createdAt: '2026-01-05T09:00:00.000Z' },
    12,
  );
  const triaged = applyTriage(
    base,
    { summary: 'VPN fails to connect', category: 'network', priority: 'HIGH', skills: ['vpn'], notes: 'Check the gateway certificate.', suggestedFix: 'Renew it.', similar: [{ ticketId: 't3', ref: 3, title: 'VPN cert expired', resolution: 'Renewed', score: 0.8 }], stamp: { engine: 'gemini', model: 'flash' } },
    '2026-01-05T09:01:00.000Z',
  );
  return { ...triaged, ...overrides };
}

function embedTotal(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Every Discord limit a message body must respect. */
function expectWithinLimits(body: MessageBody): void {
  const fitted = fitMessage(body);
  expect((fitted.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  for (const e of fitted.embeds ?? []) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(embedTotal(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  const rows = fitted.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const c of row.components) if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
}

describe('limits', () => {
  it('truncates visibly and never beyond the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('abcdef', 1)).toBe('…');
  });

  it('fits an oversized embed: parts, 25 fields with a visible remainder, 6,000 in total', () => {
    const big: APIEmbed = {
      title: 't'.repeat(400),
      description: 'd'.repeat(10_000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`, value: 'v'.repeat(2000) })),
    };
    const fitted = fitEmbed(big);
    expect(fitted.title).toHaveLength(LIMITS.embedTitle);
    expect(fitted.title?.endsWith('…')).toBe(true);
    expect(fitted.fields).toHaveLength(25);
    expect(fitted.fields?.[24]).toEqual({ name: '…', value: '6 more not shown' });
    expect(embedTotal(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitted.description?.endsWith('…')).toBe(true);
  });

  it('lays out at most 5 components per row and 5 rows', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ type: 2 as const, style: 1 as const, label: `b${i}`, custom_id: `c${i}` }));
    expect(actionRows(buttons.slice(0, 12)).map((r) => r.components.length)).toEqual([5, 5, 2]);
    expect(actionRows(buttons)).toHaveLength(5);
  });

  it('keeps content within 2,000 characters and disables every mention', () => {
    const body = restBody({ content: '@everyone '.repeat(500) });
    expect(String(body['content'])).toHaveLength(2000);
    expect(body['allowed_mentions']).toEqual({ parse: [] });
  });
});

describe('ticket cards', () => {
  it('gives the moderator everything triage found, with buttons for the status', () => {
    const card = buildModeratorCard(ticket(), requester, { reason: 'matches vpn; 0 open tickets', headline: 'New ticket for you: #12' });
    const e = card.embeds?.[0];
    expect(e?.title).toBe('#12 · VPN is down');
    expect(e?.description).toContain('VPN fails to connect');
    const fields = Object.fromEntries((e?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Status: 'To do', Priority: 'HIGH', Category: 'network', Skills: 'vpn', From: '<@111111111111111111>', 'Why you': 'matches vpn; 0 open tickets', 'Notes for you': 'Check the gateway certificate.', 'Suggested fix': 'Renew it.' });
    expect(fields['Similar resolved tickets']).toContain('**#3** VPN cert expired — Renewed');
    expect(e?.footer?.text).toContain('triaged by gemini (flash)');
    const ids = card.components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : '')) ?? [];
    expect(ids.map((id) => parseCustomId(id)?.action)).toEqual(['start', 'resolve', 'reassign', 'triage', 'inote']);
    // Row two: Reply with… (a row holds five).
    expect(card.components?.[1]?.components.map((c) => ('custom_id' in c ? parseCustomId(c.custom_id)?.action : ''))).toEqual(['replywith']);
    expect(parseCustomId(ids[0] ?? '')?.args).toEqual([ticket().id, String(ticket().version)]);
    expectWithinLimits(card);
  });

  it('shows the buttons each status allows, and none on a card that moved on', () => {
    expect(moderatorButtons(ticket({ status: 'IN_PROGRESS' })).map((b) => ('label' in b ? b.label : ''))).toEqual(['Resolve', 'Reassign', 'Edit triage']);
    expect(moderatorButtons(ticket({ status: 'DONE' })).map((b) => ('label' in b ? b.label : ''))).toEqual(['Reopen']);
    expect(buildModeratorCard(ticket(), requester, { mode: 'former' }).components).toEqual([]);
    expect(buildModeratorCard(ticket(), requester, { mode: 'admin' }).components?.[0]?.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Take it', 'Assign…']);
  });

  it('respects every limit with huge text, notes and many similar tickets', () => {
    const huge = ticket({
      title: 'T'.repeat(200),
      description: 'D'.repeat(8000),
      notes: 'N'.repeat(5000),
      suggestedFix: 'S'.repeat(5000),
      resolution: 'R'.repeat(4000),
      status: 'DONE',
      similar: Array.from({ length: 30 }, (_, i) => ({ ticketId: `t${i}`, ref: i, title: 'x'.repeat(200), resolution: 'y'.repeat(500), score: 0.5 })),
      origin: { platform: 'discord', messageLink: 'https://discord.com/channels/1/2/3' },
    });
    expectWithinLimits(buildModeratorCard(huge, requester, { reason: 'r'.repeat(3000), headline: 'h'.repeat(3000) }));
    expectWithinLimits(buildRequesterCard(huge));
  });

  it('never shows the requester the moderator notes', () => {
    const text = JSON.stringify(buildRequesterCard(ticket()));
    expect(text).toContain('#12 · VPN is down');
    expect(text).not.toContain('gateway certificate');
    expect(text).not.toContain('Renew it');
  });
});

describe('notifications', () => {
  const t = ticket();
  const bob: PersonRef = { id: 'p-bob', displayName: 'Bob', identities: ['discord:222222222222222222'] };
  const all: Notification[] = [
    { kind: 'ticket.filed', audience: 'requester', ticket: t },
    { kind: 'ticket.triaged', audience: 'requester', ticket: t },
    { kind: 'ticket.assigned', audience: 'requester', ticket: t, assignee: bob },
    { kind: 'ticket.assigned', audience: 'requester', ticket: t, assignee: null },
    { kind: 'ticket.assignment', audience: 'moderator', ticket: t, requester, reason: 'skills' },
    { kind: 'ticket.card', audience: 'moderator', ticket: t, requester },
    { kind: 'ticket.unassigned-from', audience: 'moderator', ticket: t, to: bob },
    { kind: 'ticket.needs-assignee', audience: 'admin', ticket: t, reason: 'nobody has vpn' },
    { kind: 'ticket.started', audience: 'requester', ticket: t, by: bob },
    { kind: 'ticket.resolved', audience: 'requester', ticket: { ...t, status: 'DONE', resolution: 'Fixed' }, by: bob },
    { kind: 'ticket.reopened', audience: 'moderator', ticket: t, by: requester },
    { kind: 'ticket.message', audience: 'moderator', ticket: t, from: requester, text: 'm'.repeat(4000) },
    { kind: 'sla.reminder', audience: 'moderator', ticket: t, dueAt: '2026-01-05T09:30:00.000Z' },
    { kind: 'sla.escalated', audience: 'admin', ticket: t, reason: 'not started' },
  ];

  it('renders every notification within the limits', () => {
    for (const n of all) {
      const plan = renderNotification(n, requester);
      expectWithinLimits(plan.message);
      if (plan.kind === 'edit-card' && plan.reply) expectWithinLimits(plan.reply);
    }
  });

  it('sends cards once, edits them in place, and replies for everything else', () => {
    const kinds = Object.fromEntries(all.map((n) => [n.kind, renderNotification(n, requester).kind]));
    expect(kinds).toMatchObject({ 'ticket.filed': 'card', 'ticket.assignment': 'card', 'ticket.card': 'edit-card', 'ticket.unassigned-from': 'edit-card', 'ticket.started': 'reply', 'ticket.message': 'reply', 'ticket.needs-assignee': 'card' });
  });

  it('gives the resolved message a Reopen button, and attributes relayed messages', () => {
    const resolved = renderNotification(all[9] as Notification).message;
    expect(resolved.components?.[0]?.components.map((c) => ('custom_id' in c ? parseCustomId(c.custom_id)?.args[2] : ''))).toEqual(['requester', 'good', 'bad']);
    const relayed = renderNotification(all[11] as Notification).message;
    expect(relayed.embeds?.[0]?.author?.name).toBe('Alice on #12');
    expect(renderNotification(all[12] as Notification).message.content).toContain('<t:1767605400:R>');
  });
});

describe('modals and lists', () => {
  it('builds the ticket form with a title, a description and an optional urgency select', () => {
    const modal = buildTicketModal({ title: 'x'.repeat(500), description: 'y'.repeat(9000), urgency: 'HIGH', source: { channelId: '123', messageId: '456' } });
    expect(modal.custom_id).toBe('hd:file:123:456');
    expect(modal.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const [title, description, urgency] = modal.components.map((c) => ('component' in c ? c.component : null));
    expect(title && 'value' in title ? title.value?.length : 0).toBe(200);
    expect(description && 'value' in description ? description.value?.length : 0).toBe(4000);
    expect(urgency && 'options' in urgency ? urgency.options.filter((o) => o.default).map((o) => o.value) : []).toEqual(['HIGH']);
    expect(buildResolveModal(ticket()).title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
  });

  it('lists many tickets within one embed and says how many are left out', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ ...ticket({ ref: i + 1, title: 'z'.repeat(150) }), notesHidden: false }));
    const body = buildTicketList(many, new Map(), 'All tickets');
    expectWithinLimits(body);
    expect(body.embeds?.[0]?.description).toMatch(/… and \d+ more$/);
    expect(buildTicketList([], new Map(), 'Mine').content).toContain('none');
  });

  it('offers "automatically" and at most 24 staff, best skill match first', () => {
    const person = (id: string, skills: string[], openTickets: number) =>
      ({ id, displayName: id, skills, openTickets, availability: 'available', role: 'moderator', identities: [], email: null, prefersEmail: false, lastAssignedAt: null, createdAt: '', updatedAt: '', version: 1 }) as const;
    const staff = [person('cat', ['python'], 0), person('dan', ['vpn'], 3), person('eve', ['vpn'], 1), ...Array.from({ length: 40 }, (_, i) => person(`m${i}`, [], 0))];
    const picker = buildReassignPicker(ticket({ assigneeId: 'eve' }), staff);
    const select = picker.components?.[0]?.components[0];
    const values = select && 'options' in select ? select.options.map((o) => o.value) : [];
    expect(values).toHaveLength(25);
    expect(values.slice(0, 3)).toEqual(['auto', 'dan', 'cat']);
    expect(values).not.toContain('eve');
  });
});
