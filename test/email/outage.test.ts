import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.js';
import { FakeClock } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { EmailChannel, smtpTransport } from '../../adapters/email/index.js';
import { InProcessRunner, WorkSignalRelay } from '../../adapters/inprocess/index.js';
import { fixture, person } from '../inngest/support.js';
import { decodeHeader, TestSmtpServer } from './smtp.js';

/** Retries wait in real time here, so the helpdesk's clock follows the wall clock. */
class WallClock extends FakeClock {
  override now(): Date {
    return new Date();
  }
}

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('an SMTP outage during the ticket pipeline', () => {
  it('delays the mail until the server is back, and loses none', async () => {
    const server = await new TestSmtpServer().start();
    cleanup.push(() => server.stop());
    const store = new MemoryStore();
    const signal = new WorkSignalRelay();
    const email = new EmailChannel({ transport: smtpTransport({ host: '127.0.0.1', port: server.port }), from: 'Helpdesk <helpdesk@example.com>', threads: store, logger: silentLogger });
    cleanup.push(() => email.close());
    // Email is the only channel: nobody here has a chat identity it could use.
    const f = fixture({ store, clock: new WallClock(), signal, channels: () => [email] });
    const ann = await person(store, 'ann', 'user', [], 'ann@example.org');
    await person(store, 'mo', 'moderator', ['vpn'], 'mo@example.org');
    const runner = new InProcessRunner({ jobs: store, workflows: f.helpdesk.workflows(), clock: f.clock, logger: silentLogger, owner: 'runner-mail', pollMs: 20, backoff: () => 100, maxAttempts: 50 });
    cleanup.push(() => runner.stop());
    signal.attach(runner);
    runner.start();
    await server.stop();

    const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops', origin: { platform: 'console' } });
    expect(filed.ok).toBe(true);
    await waitFor(async () => ((await store.listJobs({ names: ['run:ticket-pipeline'] }))[0]?.attempts ?? 0) >= 2, 'failed attempts while SMTP is down');
    expect(server.mails).toHaveLength(0);

    await server.start();
    await waitFor(async () => (await store.listJobs({ names: ['run:ticket-pipeline'] }))[0]?.state === 'done', 'the pipeline to finish');

    const subjects = (to: string) => server.mails.filter((m) => m.to.includes(to)).map((m) => decodeHeader(m.headers.get('subject') ?? ''));
    expect(subjects('ann@example.org')).toEqual(['[#1] VPN drops — received', '[#1] VPN drops — triaged as high priority', '[#1] VPN drops — assigned to mo']);
    expect(subjects('mo@example.org')).toEqual(['[#1] VPN drops — assigned to you']);
    expect(await store.listJobs({ states: ['failed'] })).toEqual([]);
  });
});
