import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FixedTriage } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { silentLogger } from '../../core/index.js';
import { ConsoleChannel } from './channel.js';
import { ConsoleSurface } from './surface.js';

function setup() {
  const lines: string[] = [];
  const out = { write: (l: string) => lines.push(l) };
  const t = testHelpdesk({
    channels: [new ConsoleChannel(out)],
    triage: new FixedTriage((r) => ({ skills: /vpn/i.test(r.ticket.title) ? ['vpn'] : [], category: 'network', notes: '- check the client version' })),
    settings: { adminIdentities: ['console:root'] },
  });
  const surface = new ConsoleSurface({
    helpdesk: t.helpdesk, input: new PassThrough(), output: out, logger: silentLogger, interactive: false,
    settle: async () => void (await t.engine.drain()), onEnd: () => undefined, newReference: () => 'REF123',
  });
  const say = async (line: string) => {
    lines.length = 0;
    await surface.handleLine(line);
    await t.engine.drain();
    return lines.join('\n');
  };
  return { ...t, say };
}

describe('console chat', () => {
  it('runs the VPN scenario end to end', async () => {
    const { say } = setup();
    expect(await say('@root /skills add @bob networking, vpn')).toContain('[to @root] bob — moderator');
    const filed = await say('@alice /ticket VPN is down | cannot connect since 9am');
    expect(filed).toContain('[to @alice] Ticket #1 filed — triaging…');
    expect(filed).toContain('[to @bob] New ticket for you: #1 VPN is down');
    expect(filed).toContain('  Notes:');
    expect(filed).toContain('[to @alice] #1 is assigned to bob.');
    expect(await say('@bob /start #1')).toContain('[to @alice] bob started working on #1.');
    const resolved = await say('@bob /resolve #1 Restarted the VPN gateway');
    expect(resolved).toContain('[to @bob] #1 resolved.');
    expect(resolved).toContain('[to @alice] #1 was resolved by bob: Restarted the VPN gateway');
  });

  it('answers bad input with one clear message', async () => {
    const { say, store } = setup();
    expect(await say('@alice /ticket')).toContain('needs a title');
    expect(await say('@alice /start #abc')).toContain('is not a ticket reference');
    expect(await say('@alice /start #99')).toContain('Ticket #99 does not exist.');
    expect(await say('@alice /skills add @bob vpn')).toContain('Only helpdesk admins');
    expect(await say('@root /skills add @bob quantum-knitting')).toContain('Unknown skill');
    expect(await say('@root /reassign #1 @nobody')).toContain('does not exist');
    expect(await say('hello')).toContain('Start each line with @<handle>');
    expect(await say('@alice /frobnicate')).toContain('Unknown command');
    expect(await store.countTickets({})).toBe(0);
  });

  it('relays messages between requester and moderator and hides notes from requesters', async () => {
    const { say } = setup();
    await say('@root /skills add @bob vpn');
    await say('@alice /ticket VPN slow');
    expect(await say('@bob /say #1 Which office are you in?')).toContain('[to @alice] bob on #1: Which office are you in?');
    expect(await say('@alice /say #1 Berlin')).toContain('[to @bob] alice on #1: Berlin');
    const shown = await say('@alice /show #1');
    expect(shown).not.toContain('Notes:');
    expect(await say('@bob /show #1')).toContain('Notes:');
    expect(await say('@carol /show #1')).toContain('does not exist');
  });
});
