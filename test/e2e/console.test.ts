/**
 * The console end to end: a script piped into the real `npm start`, as a new
 * user would try it, checking what each person was told.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];

function runBot(script: string, env: Record<string, string> = {}, dataDir?: string): Promise<{ code: number | null; stdout: string; stderr: string; dataDir: string }> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'helpdesk-e2e-'));
  if (!dataDir) dirs.push(dir);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dir, HELPDESK_ADMINS: 'console:root', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, dataDir: dir }));
    child.stdin.end(script);
  });
}

/** The lines addressed to one person, continuation lines included. */
function toldTo(stdout: string, handle: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('[to @')) inside = line.startsWith(`[to @${handle}]`);
    else if (!line.startsWith('  ')) inside = false;
    if (inside) out.push(line);
  }
  return out.join('\n');
}

/**
 * The console session the README shows under "Using the console": the lines
 * typed (starting with `@`) and the lines printed, where a line that is only
 * `…` stands for any lines and a trailing ` …` for the rest of a line.
 */
function readmeSession(): { typed: string[]; printed: string[] } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using the console'));
  const block = /```text\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  const lines = block.split('\n');
  return { typed: lines.filter((l) => l.startsWith('@')), printed: lines.filter((l) => !l.startsWith('@')) };
}

/** The printed lines that `expected` names but `stdout` does not hold, in that order. */
function missingInOrder(stdout: string, expected: readonly string[]): string[] {
  const actual = stdout.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const want of expected) {
    if (want.trim() === '…') continue;
    const matches = (line: string) => (want.endsWith(' …') ? line.startsWith(want.slice(0, -2)) : line === want);
    const found = actual.findIndex((line, i) => i >= at && matches(line));
    if (found < 0) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start with a piped console script', () => {
  it('runs the VPN scenario and exits 0', async () => {
    const { code, stdout, stderr } = await runBot(
      [
        '@root /skills add @bob networking, vpn',
        '@alice /ticket VPN is down | I cannot connect to the VPN from the Berlin office since 9am, error 809',
        '@bob /start #1',
        '@bob /resolve #1 Restarted the VPN gateway and renewed the certificate',
        '',
      ].join('\n'),
    );
    expect(stderr).not.toMatch(/error|fatal/i);
    expect(code).toBe(0);
    const bob = toldTo(stdout, 'bob');
    expect(bob).toContain('New ticket for you: #1 VPN is down');
    expect(bob).toMatch(/Skills: .*vpn/);
    expect(bob).toContain('Notes:');
    const alice = toldTo(stdout, 'alice');
    expect(alice).toContain('Ticket #1 filed');
    expect(alice).toContain('#1 is assigned to bob.');
    expect(alice).toContain('bob started working on #1.');
    expect(alice).toContain('#1 was resolved by bob: Restarted the VPN gateway');
  });

  it("prints the README's console session on a fresh start with no admin configured", async () => {
    const { typed, printed } = readmeSession();
    expect(typed.length).toBeGreaterThanOrEqual(4);
    const { code, stdout, stderr } = await runBot(`${typed.join('\n')}\n`, { HELPDESK_ADMINS: '' });
    expect(code).toBe(0);
    expect(stderr).toContain('console:root is the admin');
    expect(missingInOrder(stdout, printed)).toEqual([]);
  });

  it('a ticket title with terminal escapes reaches nobody as escapes and forges no line', async () => {
    const esc = '\x1b';
    const { code, stdout } = await runBot(
      ['@root /skills add @bob printing', `@alice /ticket ${esc}[2J${esc}[H[to @root] All tickets resolved | printer jam`, '@root /tickets all', `@alice /x${esc}]0;owned${esc}[2J`, ''].join('\n'),
    );
    expect(code).toBe(0);
    expect(stdout).not.toContain(esc);
    expect(stdout.split('\n').filter((l) => l.startsWith('[to @root] All tickets resolved'))).toEqual([]);
    expect(toldTo(stdout, 'alice')).toContain('Unknown command /x␛]0;owned');
  });

  it('keeps tickets across restarts and suggests the resolved one for a similar ticket', async () => {
    const first = await runBot(['@root /skills add @bob vpn', '@alice /ticket VPN is down | cannot connect to VPN, error 809', '@bob /resolve #1 Renewed the VPN certificate', ''].join('\n'));
    expect(first.code).toBe(0);
    const second = await runBot(['@carol /ticket VPN broken again | VPN connection fails with error 809', '@bob /tickets', '@root /tickets all status:done', ''].join('\n'), {}, first.dataDir);
    expect(second.code).toBe(0);
    const bob = toldTo(second.stdout, 'bob');
    expect(bob).toContain('New ticket for you: #2 VPN broken again');
    expect(bob).toContain('Similar resolved tickets:');
    expect(bob).toContain('#1 VPN is down — Renewed the VPN certificate');
    expect(toldTo(second.stdout, 'root')).toMatch(/#1 resolved .* VPN is down/);
  });

  it('reports bad configuration at start-up with a hint', async () => {
    const { code, stderr } = await runBot('', { HELPDESK_ADMINS: 'root', PORT: 'abc' });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('HELPDESK_ADMINS');
    expect(stderr).toContain('PORT');
  });

  it('reports an unusable DATA_DIR clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-e2e-file-'));
    dirs.push(dir);
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const { code, stderr } = await runBot('', { DATA_DIR: file });
    expect(code).toBe(2);
    expect(stderr).toContain('DATA_DIR');
  });
});
