import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FixedTriage } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { silentLogger, type Logger, type Store } from '../../core/index.js';
import { ConsoleChannel } from './channel.js';
import { formatMessage, terminalSafe } from './output.js';
import { ConsoleSurface } from './surface.js';

/** Keeps what was logged, to check an unexpected error is logged under the reference the person saw. */
class RecordingLogger implements Logger {
  readonly lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  private record(level: string, obj: object | string, msg?: string) {
    this.lines.push(typeof obj === 'string' ? { level, obj: {}, msg: obj } : { level, obj: obj as Record<string, unknown>, msg: msg ?? '' });
  }
  debug(obj: object | string, msg?: string) { this.record('debug', obj, msg); }
  info(obj: object | string, msg?: string) { this.record('info', obj, msg); }
  warn(obj: object | string, msg?: string) { this.record('warn', obj, msg); }
  error(obj: object | string, msg?: string) { this.record('error', obj, msg); }
  child(): Logger { return this; }
}

function setup(options: { store?: Store; logger?: Logger } = {}) {
  const lines: string[] = [];
  const out = { write: (l: string) => lines.push(l) };
  const t = testHelpdesk({
    channels: [new ConsoleChannel(out)],
    triage: new FixedTriage((r) => ({ skills: /vpn/i.test(r.ticket.title) ? ['vpn'] : [], category: 'network', notes: '- check the client version' })),
    settings: { adminIdentities: ['console:root'] },
    ...(options.store ? { store: options.store } : {}),
  });
  const surface = new ConsoleSurface({
    helpdesk: t.helpdesk, input: new PassThrough(), output: out, logger: options.logger ?? silentLogger, interactive: false,
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

const ESC = '\x1b';

/** Lines that start with the forged text, as if the bot had said it to root. */
function forgedLines(output: string): string[] {
  return output.split('\n').filter((l) => l.startsWith('[to @root] All tickets resolved') || l.startsWith('[to @root] again'));
}

describe('console output is safe for the terminal', () => {
  it('shows escape sequences and control characters visibly instead of sending them', () => {
    expect(terminalSafe(`${ESC}[2J${ESC}[H[to @root] All tickets resolved`)).toBe('␛[2J␛[H[to @root] All tickets resolved');
    expect(terminalSafe(`a\x07b\x7fc\x9bd\u202Ee\u2066f`)).toBe('a␇b␡c<U+009B>d<U+202E>e<U+2066>f');
    expect(terminalSafe('tab\there')).toBe('tab here');
  });

  it('never lets content start a line: newlines and carriage returns become indented continuation lines', () => {
    const out = formatMessage('alice', `hello\n[to @root] All tickets resolved\r[to @root] again\r\nend`);
    expect(out.split('\n')).toEqual(['[to @alice] hello', '  [to @root] All tickets resolved', '  [to @root] again', '  end']);
    expect(forgedLines(out)).toEqual([]);
  });

  it('a title with a screen-clearing escape neither clears the screen nor forges a bot line', async () => {
    const { say } = setup();
    await say('@root /skills add @bob printing');
    const out = await say(`@alice /ticket ${ESC}[2J${ESC}[H[to @root] All tickets resolved`);
    expect(out).not.toContain(ESC);
    expect(forgedLines(out)).toEqual([]);
    expect(out).toContain('[to @alice] Ticket #1 filed');
    expect(await say('@root /tickets all')).toContain('#1 to do');
  });

  it('echoed input is escaped too: an unknown command, a bad handle, a relayed message', async () => {
    const { say } = setup();
    const unknown = await say(`@alice /x${ESC}]0;owned${ESC}\\${ESC}[2J`);
    expect(unknown).not.toContain(ESC);
    expect(unknown).toContain('Unknown command /x␛]0;owned');
    const handle = await say(`@${ESC}[2Jroot /help`);
    expect(handle).not.toContain(ESC);
    expect(handle).toMatch(/^\[console\] "@␛\[2jroot" is not a valid handle/);
    await say('@root /skills add @bob vpn');
    await say('@alice /ticket VPN slow');
    const relayed = await say(`@bob /say #1 ${ESC}[2J\u202Eok`);
    expect(relayed).not.toContain(ESC);
    expect(relayed).not.toContain('\u202E');
    // Core stores messages without escape sequences or bidi controls; the console would escape any that remained.
    expect(relayed).toContain('[to @alice] bob on #1: ok');
  });
});

/** A store that fails the way a broken disk would, on one read. */
class FailingListStore extends MemoryStore {
  override listTickets(): never {
    throw new Error('disk on fire');
  }
}

describe('console errors go through the one error sink', () => {
  it('shows an unexpected failure with a reference that is also logged, never the exception', async () => {
    const logger = new RecordingLogger();
    const { say } = setup({ store: new FailingListStore(), logger });
    const out = await say('@alice /tickets');
    expect(out).toBe('[to @alice] Something went wrong (ref REF123). Please try again; if it keeps happening, tell a helpdesk admin the ref.');
    expect(out).not.toContain('disk on fire');
    const logged = logger.lines.find((l) => l.level === 'error');
    expect(logged?.obj).toMatchObject({ ref: 'REF123', handle: 'alice' });
    expect(logged?.msg).toBe('unexpected error in a console handler');
  });
});
