import { describe, expect, it } from 'vitest';
import { newTicketRecord, type PersonRef, type Ticket } from '../../../core/index.js';
import { buildAdminAlert, buildHandedOverCard, buildHomeView, buildModeratorCard, buildReassignModal, buildRequesterCard, buildResolveModal, buildThreadReply, buildTicketList, buildTicketModal, decodeMetadata, encodeMetadata, LIMITS } from './index.js';
import { capBlocks, clipMrkdwn, clipPlain, escapeMrkdwn, section, userText } from './limits.js';

const requester: PersonRef = { id: 'p1', displayName: 'Rita <!channel>', identities: ['slack:T1:UREQ'] };
const consoleRequester: PersonRef = { id: 'p2', displayName: 'Bob *bold*', identities: ['console:bob'] };

function ticket(patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord({ id: 't1', title: 'VPN is down', description: 'cannot connect since 9am', requesterId: 'p1', origin: { platform: 'slack' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 12);
  return {
    ...base,
    summary: 'VPN fails to connect',
    notes: 'Check the gateway certificate.',
    suggestedFix: 'Renew the certificate (#3).',
    similar: [{ ticketId: 't0', ref: 3, title: 'VPN certificate expired', resolution: 'Renewed it', score: 0.8 }],
    triage: { engine: 'local', confidence: 0.75 },
    category: 'network',
    skills: ['vpn'],
    assigneeId: 'm1',
    history: [...base.history, { type: 'assigned', at: base.createdAt, actorId: null, assigneeId: 'm1', reason: { rule: 'skills', matchedSkills: ['vpn'], load: 0, text: 'matches vpn (1/1 skills); 0 open tickets' } }],
    ...patch,
  };
}

type AnyBlock = { type: string; text?: { type: string; text: string; verbatim?: boolean }; fields?: { type: string; text: string; verbatim?: boolean }[]; elements?: { type?: string; action_id?: string; text?: { text: string } | string; verbatim?: boolean }[] };
const texts = (blocks: readonly unknown[]) => (blocks as AnyBlock[]).flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))]);
const actionIds = (blocks: readonly unknown[]) => (blocks as AnyBlock[]).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

/** Every text within Block Kit's limits: the property the builders promise. */
function expectWithinLimits(blocks: readonly unknown[], maxBlocks: number = LIMITS.messageBlocks) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks as AnyBlock[]) {
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.sectionField);
    if (b.type === 'actions') for (const e of b.elements ?? []) expect(typeof e.text === 'object' && e.text.text.length <= LIMITS.buttonText).toBe(true);
  }
}

describe('moderator card', () => {
  it('shows triage, notes, similar tickets, why, and the buttons for the status', () => {
    const card = buildModeratorCard(ticket(), requester);
    const all = texts(card.blocks).join('\n');
    for (const s of ['#12 VPN is down', 'High', 'network', '<@UREQ>', 'vpn', 'VPN fails to connect', 'Check the gateway certificate.', 'Renew the certificate (#3).', '*#3* VPN certificate expired — Renewed it', 'confidence 75%', 'Why: matches vpn']) {
      expect(all).toContain(s);
    }
    expect(actionIds(card.blocks)).toEqual(['ticket_start', 'ticket_resolve', 'ticket_reassign', 'ticket_edit_triage', 'ticket_note', 'ticket_reply_with']);
    expect(actionIds(buildModeratorCard(ticket({ status: 'IN_PROGRESS' }), requester).blocks)).toEqual(['ticket_resolve', 'ticket_reassign', 'ticket_edit_triage', 'ticket_note', 'ticket_reply_with']);
    expect(actionIds(buildModeratorCard(ticket({ status: 'DONE', resolution: 'fixed' }), requester).blocks)).toEqual(['ticket_reopen']);
    expect(card.text).toBe('#12 VPN is down — high priority, to do');
  });

  it('escapes people and ticket text so nothing can mention @channel or fake a link', () => {
    const card = buildModeratorCard(ticket({ notes: 'ping <!channel> & <https://evil.example|click>' }), consoleRequester);
    const all = texts(card.blocks).join('\n');
    expect(all).toContain('ping &lt;!channel&gt; &amp; &lt;`https://evil.example`|click&gt;');
    expect(all).toContain('*Bob *bold**');
    expect(buildRequesterCard(ticket({ title: '<!here> help' })).text).toContain('&lt;!here&gt; help');
  });

  it('truncates visibly instead of breaking Block Kit limits', () => {
    const long = 'x'.repeat(10_000);
    const card = buildModeratorCard(ticket({ title: 't'.repeat(400), description: long, notes: long, suggestedFix: long, summary: long, similar: Array.from({ length: 60 }, (_, i) => ({ ticketId: `s${i}`, ref: i, title: long, resolution: long, score: 1 })) }), requester);
    expectWithinLimits(card.blocks);
    const all = texts(card.blocks).join('\n');
    expect(all).toContain('… _(truncated)_');
    expect(texts(card.blocks)[0]).toMatch(/…$/);
    expect(card.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(actionIds(card.blocks)).toContain('ticket_resolve');
  });
});

describe('requester card and thread replies', () => {
  it('never show staff-only fields to the requester', () => {
    const card = buildRequesterCard(ticket());
    const all = texts(card.blocks).join('\n');
    expect(all).toContain('#12 VPN is down');
    expect(all).toContain('VPN fails to connect');
    for (const secret of ['gateway certificate', 'Renew the certificate', 'VPN certificate expired']) expect(all).not.toContain(secret);
    expect(actionIds(card.blocks)).toEqual([]);
    expect(actionIds(buildRequesterCard(ticket({ status: 'DONE', resolution: 'ok' })).blocks)).toEqual(['ticket_reopen']);
    for (const kind of ['ticket.triaged', 'ticket.started'] as const) {
      const reply = kind === 'ticket.triaged' ? buildThreadReply({ kind, audience: 'requester', ticket: ticket() }) : buildThreadReply({ kind, audience: 'requester', ticket: ticket(), by: requester });
      expect(texts(reply!.blocks).join('\n')).not.toContain('gateway certificate');
    }
  });

  it('resolved replies carry the note and a Reopen button; messages are quoted and attributed', () => {
    const resolved = buildThreadReply({ kind: 'ticket.resolved', audience: 'requester', ticket: ticket({ status: 'DONE', resolution: 'Renewed\nthe cert' }), by: consoleRequester })!;
    expect(texts(resolved.blocks).join('\n')).toContain('>Renewed\n>the cert');
    expect(actionIds(resolved.blocks)).toEqual(['ticket_reopen', 'ticket_rate_good', 'ticket_rate_bad']);
    const message = buildThreadReply({ kind: 'ticket.message', audience: 'moderator', ticket: ticket(), from: requester, text: 'a'.repeat(5000) })!;
    expectWithinLimits(message.blocks);
    expect(texts(message.blocks)[0]).toMatch(/^<@UREQ>:\n>a+… _\(truncated\)_$/);
    expect(buildThreadReply({ kind: 'ticket.card', audience: 'moderator', ticket: ticket(), requester })).toBeNull();
    const reminder = buildThreadReply({ kind: 'sla.reminder', audience: 'moderator', ticket: ticket(), dueAt: '2026-01-05T09:30:00.000Z' })!;
    expect(texts(reminder.blocks)[0]).toContain('<!date^1767605400^');
    expect(actionIds(reminder.blocks)).toEqual(['ticket_start']);
  });

  it('handed-over and admin cards', () => {
    expect(actionIds(buildHandedOverCard(ticket(), requester).blocks)).toEqual([]);
    const alert = buildAdminAlert(ticket(), 'Needs an assignee', 'no available moderator has vpn');
    expect(texts(alert.blocks)[0]).toContain('no available moderator has vpn');
    expect(actionIds(alert.blocks)).toEqual(['ticket_claim', 'ticket_reassign']);
  });
});

describe('modals', () => {
  it('the ticket modal carries limits, prefill and metadata within Slack limits', () => {
    const view = buildTicketModal({ channelId: 'C1', messageLink: 'https://x.slack.com/archives/C1/p1' }, { title: 'y'.repeat(500), description: 'z'.repeat(9000) });
    expect(view.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const inputs = view.blocks.filter((b) => b.type === 'input') as unknown as { block_id: string; element: { max_length?: number; initial_value?: string } }[];
    expect(inputs.map((b) => b.block_id)).toEqual(['title', 'description', 'urgency', 'system']);
    expect(inputs[0]?.element.initial_value?.length).toBe(200);
    expect(inputs[1]?.element.initial_value?.length).toBe(3000);
    expect(decodeMetadata(view.private_metadata)).toEqual({ channelId: 'C1', messageLink: 'https://x.slack.com/archives/C1/p1' });
    expect(JSON.parse(encodeMetadata({ channelId: 'C1', messageLink: `https://x/${'a'.repeat(4000)}` }))).toEqual({ channelId: 'C1' });
    expect(decodeMetadata('{"messageLink":"javascript:alert(1)"}')).toEqual({});
    expect(decodeMetadata('not json')).toEqual({});
  });

  it('resolve and reassign modals name the ticket and keep titles within 24 characters', () => {
    for (const view of [buildResolveModal({ id: 't1', ref: 123456789, title: 'x' }), buildReassignModal({ id: 't1', ref: 123456789, title: 'x' })]) {
      expect(view.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
      expect(JSON.parse(view.private_metadata ?? '')).toEqual({ id: 't1', ref: 123456789 });
    }
  });
});

describe('lists and App Home', () => {
  it('cap long lists visibly', () => {
    const many = Array.from({ length: 300 }, (_, i) => ticket({ id: `t${i}`, ref: i + 1, title: `Ticket ${'w'.repeat(200)}` }));
    const home = buildHomeView([{ title: 'All open tickets', tickets: many, empty: '' }], new Map([['m1', 'Max']]));
    expectWithinLimits(home.blocks, LIMITS.viewBlocks);
    const list = buildTicketList(many, new Map(), 'all');
    expectWithinLimits(list.blocks);
    expect(texts(list.blocks).join('\n')).toContain('*#1* Ticket');
    expect(buildTicketList([], new Map(), 'status:done').text).toBe('No tickets match.');
  });
});

const HOSTILE = ['<https://evil.example|click>', '<!channel>', '<!here>', '<@U123>', 'https://evil.example/login', 'www.evil.example', '*bold*', '`x', '#general'].join(' ');

/** Every mrkdwn text object in the blocks: each must be verbatim, and no URL may stand outside inline code. */
function expectNoLiveText(blocks: readonly unknown[]) {
  const objects = (blocks as AnyBlock[]).flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]).filter((t) => t?.type === 'mrkdwn');
  expect(objects.length).toBeGreaterThan(0);
  for (const o of objects) {
    expect(o!.verbatim).toBe(true);
    const text = (o as { text: string }).text;
    expect(text).not.toMatch(/<https?:|<!channel>|<!here>|<@U123>/);
    // Outside code spans (paired backticks), no URL is left for a client to link.
    expect(text.replace(/`[^`\n]*`/g, '')).not.toMatch(/https?:\/\/|www\./);
  }
}

describe('user text', () => {
  it('shows links, mentions and URLs as typed: escaped, URLs in inline code', () => {
    expect(userText('<https://evil.example|click>')).toBe('&lt;`https://evil.example`|click&gt;');
    expect(userText('hi <!channel> <!here> <@U123>')).toBe('hi &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;');
    expect(userText('go to https://evil.example/login.')).toBe('go to `https://evil.example/login`.');
    expect(userText('(see www.evil.example/a?b=1&c=2)')).toBe('(see `www.evil.example/a?b=1&amp;c=2`)');
    expect(userText('mail mailto:a@b.example now')).toBe('mail `mailto:a@b.example` now');
    expect(userText('*bold* _it_ ~s~')).toBe('*bold* _it_ ~s~');
  });

  it('keeps the person\'s code spans and defuses unpaired backticks that could swallow a URL', () => {
    expect(userText('run `ls -la` then ```\nhttps://in.code\n```')).toBe('run `ls -la` then ```\nhttps://in.code\n```');
    expect(userText('oops ` https://evil.example')).toBe('oops \u02cb `https://evil.example`');
    expect(userText('`a`https://evil.example')).toBe('`a` `https://evil.example`');
  });

  it('a cut never leaves a URL without its backticks', () => {
    const text = userText(`${'a'.repeat(20)} https://evil.example/${'x'.repeat(40)}`);
    const clipped = clipMrkdwn(text, 50);
    expect(clipped).toBe(`${'a'.repeat(20)} … _(truncated)_`);
  });

  it('every builder shows hostile text as text', () => {
    const hostile = ticket({ title: HOSTILE, description: HOSTILE, summary: HOSTILE, notes: HOSTILE, suggestedFix: HOSTILE, resolution: HOSTILE, category: HOSTILE, similar: [{ ticketId: 't0', ref: 3, title: HOSTILE, resolution: HOSTILE, score: 1 }] });
    const person: PersonRef = { id: 'p3', displayName: HOSTILE, identities: ['console:x'] };
    const messages = [
      buildModeratorCard(hostile, person),
      buildRequesterCard({ ...hostile, status: 'DONE' }),
      buildAdminAlert(hostile, 'Escalated', HOSTILE),
      buildThreadReply({ kind: 'ticket.message', audience: 'moderator', ticket: hostile, from: person, text: HOSTILE })!,
      buildThreadReply({ kind: 'ticket.resolved', audience: 'requester', ticket: { ...hostile, status: 'DONE' }, by: person })!,
      buildThreadReply({ kind: 'ticket.triaged', audience: 'requester', ticket: hostile })!,
      buildTicketList([hostile], new Map([['m1', HOSTILE]]), HOSTILE),
    ];
    for (const m of messages) {
      expectNoLiveText(m.blocks);
      expect(m.text).not.toMatch(/<https?:|<!channel>|<@U123>/);
      expect(m.text.replace(/`[^`\n]*`/g, '')).not.toMatch(/https?:\/\//);
    }
    expectNoLiveText(buildHomeView([{ title: 'Yours', tickets: [hostile], empty: '' }], new Map([['m1', HOSTILE]])).blocks);
    expectNoLiveText(buildResolveModal(hostile).blocks);
    const card = texts(buildModeratorCard(hostile, person).blocks).join('\n');
    expect(card).toContain('&lt;`https://evil.example`|click&gt; &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; `https://evil.example/login` `www.evil.example` *bold* \u02cbx #general');
  });

  it('stays within Block Kit limits when escaping lengthens the text', () => {
    const long = '<&>'.repeat(2000) + ' https://evil.example/'.repeat(200);
    const card = buildModeratorCard(ticket({ description: long, notes: long, summary: long }), requester);
    expectWithinLimits(card.blocks);
    expectNoLiveText(card.blocks);
    expect(texts(card.blocks).join('\n')).toContain('… _(truncated)_');
  });
});

describe('limits helpers', () => {
  it('never split an entity or a surrogate pair', () => {
    expect(clipMrkdwn(`${'a'.repeat(20)}&amp;bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`, 38)).toBe(`${'a'.repeat(20)}… _(truncated)_`);
    const emoji = `${'a'.repeat(8)}😀😀😀`;
    expect(clipPlain(emoji, 10)).toBe(`${'a'.repeat(8)}…`);
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('capBlocks keeps the buttons and says how many were left out', () => {
    const blocks = [...Array.from({ length: 60 }, (_, i) => section(`row ${i}`)), { type: 'actions' as const, elements: [] }];
    const capped = capBlocks(blocks, 50);
    expect(capped).toHaveLength(50);
    expect(capped.at(-1)?.type).toBe('actions');
    expect(texts(capped)).toContain('_12 more not shown._');
  });
});
