import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ErrorSink, type Helpdesk, type Logger } from '../../core/index.js';
import { HELP, runCommand } from './commands.js';
import { formatMessage, formatNotice, HANDLE_PATTERN, type ConsoleOutput } from './output.js';

export interface ConsoleSurfaceOptions {
  readonly helpdesk: Helpdesk;
  readonly input: Readable;
  readonly output: ConsoleOutput;
  readonly logger: Logger;
  /** Interactive terminal: prompt and banner, no waiting between lines. */
  readonly interactive: boolean;
  /** Resolves when the background work triggered so far has settled. */
  readonly settle: () => Promise<void>;
  /** Called once the input ended and its work settled. */
  readonly onEnd: () => void;
  /** The reference shown with an unexpected error (tests pin it). */
  readonly newReference?: () => string;
}

/**
 * The console chat: each input line is `@<handle> <what that person types>`.
 * Scripted (non-terminal) input is deterministic: a line is handled only
 * after the work the previous one triggered has settled, and at the end of
 * input the surface waits for pending work and then ends. Errors are shown
 * through core's one error sink; every line printed goes through the
 * console's sanitizer (`formatMessage`, `formatNotice`).
 */
export class ConsoleSurface {
  private closed = false;
  private readonly errors: ErrorSink;

  constructor(private readonly options: ConsoleSurfaceOptions) {
    this.errors = new ErrorSink({ logger: options.logger, surface: 'console', ...(options.newReference ? { newRef: options.newReference } : {}) });
  }

  start(): void {
    const { input, interactive, output } = this.options;
    const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    if (interactive) {
      output.write('helpdesk console — type lines like: @alice /ticket VPN is down | cannot connect since 9am');
      output.write('Type @<you> /help for all commands. Ctrl-D to quit.');
      process.stdout.write('> ');
    }
    const run = async () => {
      for await (const line of rl) {
        if (this.closed) break;
        await this.handleLine(line);
        if (!interactive) await this.options.settle();
        else process.stdout.write('> ');
      }
      await this.options.settle();
      this.options.onEnd();
    };
    run().catch((error: unknown) => {
      output.write(formatNotice(this.errors.text(error, 'console input')));
      this.options.onEnd();
    });
  }

  stop(): void {
    this.closed = true;
  }

  /** Handles one line; exported for tests through the class. */
  async handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '' || line.startsWith('#!') || line.startsWith('//')) return;
    const { output } = this.options;
    const m = /^@(\S+)\s*(.*)$/s.exec(line);
    if (!m) {
      output.write(formatNotice('Start each line with @<handle>, e.g. @alice /ticket Printer jammed | paper stuck in tray 2'));
      return;
    }
    const handle = (m[1] ?? '').toLowerCase();
    const text = m[2] ?? '';
    if (!HANDLE_PATTERN.test(handle)) {
      output.write(formatNotice(`"@${handle.slice(0, 40)}" is not a valid handle: use letters, digits, dot, dash or underscore (at most 32).`));
      return;
    }
    try {
      const who = await this.options.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
      if (!who.ok) {
        output.write(formatMessage(handle, this.errors.text(who.error, 'identify', { handle })));
        return;
      }
      if (text.trim() === '') {
        output.write(formatMessage(handle, `Hello ${handle}. ${HELP.split('\n')[0]} Type /help for commands.`));
        return;
      }
      const result = await runCommand(this.options.helpdesk, who.value, text);
      output.write(formatMessage(handle, result.ok ? result.value : this.errors.text(result.error, 'command', { handle })));
    } catch (error) {
      output.write(formatMessage(handle, this.errors.text(error, 'command', { handle })));
    }
  }
}

