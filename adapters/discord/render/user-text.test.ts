import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { applyTriage, newTicketRecord, type Notification, type PersonRef, type Ticket } from '../../../core/index.js';
import { buildModeratorCard, buildRequesterCard } from './cards.js';
import { LIMITS, truncate } from './limits.js';
import { buildTicketList } from './lists.js';
import { fitMessage, restBody, type MessageBody } from './message.js';
import { renderNotification } from './notifications.js';
import { discordText } from './user-text.js';

const HOSTILE = '[click](https://evil.example/login) [x](<https://evil.example>) @everyone <@&1> <#2> **bold** `ok` https://evil.example/bare.';

/**
 * What a Discord client would make live in markdown: a masked link (an
 * unescaped `[`…`](`), a URL outside inline code, or an unescaped mention
 * or channel token.
 */
function liveParts(markdown: string): string[] {
  const outsideCode = markdown.replace(/\\[\\`]/g, '').replace(/`[^`]*`/g, '');
  const found: string[] = [];
  for (const re of [/(?<!\\)\[[^\]]*(?<!\\)\]\(/g, /https?:\/\//g, /(?<!\\)<[@#]/g]) found.push(...(outsideCode.match(re) ?? []));
  return found;
}

/** Every markdown-rendering part of a message: content, embed titles, descriptions and field values. */
function markdownParts(body: MessageBody): string[] {
  const fitted = fitMessage(body);
  return [fitted.content ?? '', ...(fitted.embeds ?? []).flatMap((e: APIEmbed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).filter((f) => f.name !== 'Source').map((f) => f.value)])];
}

function hostileTicket(): Ticket {
  const base = newTicketRecord({ id: 't-1', title: HOSTILE, description: HOSTILE, requesterId: 'p-1', origin: { platform: 'console' }, priority: 'LOW', createdAt: '2026-01-05T09:00:00.000Z' }, 7);
  const triaged = applyTriage(base, { summary: HOSTILE, category: HOSTILE, priority: 'HIGH', skills: ['vpn'], notes: HOSTILE, suggestedFix: HOSTILE, similar: [{ ticketId: 't0', ref: 3, title: HOSTILE, resolution: HOSTILE, score: 1 }], stamp: { engine: 'local' } }, '2026-01-05T09:01:00.000Z');
  return { ...triaged, resolution: HOSTILE };
}

describe('discordText', () => {
  it('defuses masked links and shows every URL in inline code', () => {
    expect(discordText('[click](https://evil.example/login)')).toBe('\\[click\\]\\(`https://evil.example/login`\\)');
    expect(discordText('[click](<https://evil.example>)')).toBe('\\[click\\]\\(\\<`https://evil.example`\\>\\)');
    expect(discordText('see https://evil.example/a_b*c, then')).toBe('see `https://evil.example/a_b*c`, then');
  });

  it('escapes markdown, mentions and tokens; keeps the person\'s code spans', () => {
    expect(discordText('**bold** ~~s~~ ||spoiler|| <@123> <#9> <t:1:R>')).toBe('\\*\\*bold\\*\\* \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\<@123\\> \\<#9\\> \\<t:1:R\\>');
    expect(discordText('# big\n-# small\n- item\n1. first')).toBe('\\# big\n\\-# small\n\\- item\n1\\. first');
    expect(discordText('run `curl https://x.example` or ```\nhttps://y.example\n```')).toBe('run `curl https://x.example` or ```\nhttps://y.example\n```');
    expect(discordText('a lone ` then https://evil.example')).toBe('a lone \\` then `https://evil.example`');
    expect(discordText('@everyone')).toBe('@everyone');
  });

  it('truncation never reopens a URL or leaves half an escape', () => {
    const text = discordText(`${'a'.repeat(10)} https://evil.example/${'x'.repeat(50)}`);
    expect(truncate(text, 30)).toBe(`${'a'.repeat(10)}…`);
    expect(truncate('abc\\*def', 5)).toBe('abc…');
    expect(liveParts(truncate(discordText(HOSTILE.repeat(10)), 333))).toEqual([]);
  });
});

describe('every builder shows typed text as text', () => {
  const t = hostileTicket();
  const outsider: PersonRef = { id: 'p-1', displayName: '[me](https://evil.example)', identities: ['console:me'] };
  const bodies: MessageBody[] = [
    buildModeratorCard(t, outsider, { reason: HOSTILE, headline: 'New' }),
    buildModeratorCard({ ...t, status: 'DONE' }, outsider),
    buildRequesterCard(t),
    buildTicketList([{ ...t, notesHidden: false }], new Map([['m', HOSTILE]]), 'Tickets'),
  ];
  const notifications: Notification[] = [
    { kind: 'ticket.triaged', audience: 'requester', ticket: t },
    { kind: 'ticket.message', audience: 'moderator', ticket: t, from: outsider, text: HOSTILE },
    { kind: 'ticket.resolved', audience: 'requester', ticket: { ...t, status: 'DONE' }, by: outsider },
    { kind: 'ticket.started', audience: 'requester', ticket: t, by: outsider },
    { kind: 'ticket.needs-assignee', audience: 'admin', ticket: t, reason: HOSTILE },
  ];

  it('no masked link, bare URL or mention is left live', () => {
    expect(liveParts(HOSTILE)).toEqual(['[click](', '[x](', 'https://', 'https://', 'https://', '<@', '<#']);
    for (const body of [...bodies, ...notifications.map((n) => renderNotification(n, outsider).message)]) {
      for (const part of markdownParts(body)) expect(liveParts(part), part).toEqual([]);
      expect(restBody(body).allowed_mentions).toEqual({ parse: [] });
    }
    const relayed = renderNotification(notifications[1]!).message.embeds?.[0];
    expect(relayed?.description).toBe(discordText(HOSTILE));
    expect(relayed?.description).toContain('\\[click\\]\\(`https://evil.example/login`\\)');
  });

  it('stays within the limits when escaping lengthens the text', () => {
    const long = '[a](b)*'.repeat(2000);
    const card = fitMessage(buildModeratorCard({ ...t, description: long, notes: long, summary: long }, outsider));
    const e = card.embeds![0]!;
    expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(e.description).toMatch(/…$/);
  });
});
