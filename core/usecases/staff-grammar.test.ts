import { describe, expect, it } from 'vitest';
import { parseAuditArgs, parseRepliesCommand, parseTicketArgs } from './staff-grammar.js';

describe('staff command grammar', () => {
  it('reads a ticket reference and the rest', () => {
    expect(parseTicketArgs(' #12  restart the  client ', 'x')).toEqual({ ok: true, value: { ref: 12, rest: 'restart the  client' } });
    expect(parseTicketArgs('', 'Usage: /note #n <text>')).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_REF', message: expect.stringContaining('Usage: /note') } });
    expect(parseTicketArgs('twelve', 'x')).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_REF' } });
  });

  it('reads /replies like the console', () => {
    expect(parseRepliesCommand('')).toEqual({ ok: true, value: { op: 'list' } });
    expect(parseRepliesCommand('add vpn-reset Hi {requester},\nrestart it')).toEqual({ ok: true, value: { op: 'add', name: 'vpn-reset', text: 'Hi {requester},\nrestart it' } });
    expect(parseRepliesCommand('remove vpn-reset')).toEqual({ ok: true, value: { op: 'remove', name: 'vpn-reset' } });
    expect(parseRepliesCommand('remove')).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_COMMAND' } });
    expect(parseRepliesCommand('rename a b')).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_COMMAND' } });
  });

  it('reads /audit with a person and a page; page:0 and strangers are refused', () => {
    const mention = (t: string) => (t.startsWith('@') ? `x:${t.slice(1)}` : null);
    expect(parseAuditArgs('@maya page:2', mention)).toEqual({ ok: true, value: { identity: 'x:maya', shownAs: '@maya', page: 2 } });
    expect(parseAuditArgs('', mention)).toEqual({ ok: true, value: { identity: null, shownAs: '', page: 1 } });
    expect(parseAuditArgs('page:0', mention)).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_FILTER' } });
    expect(parseAuditArgs('maya', mention)).toMatchObject({ ok: false, error: { code: 'INPUT.BAD_COMMAND' } });
  });
});
