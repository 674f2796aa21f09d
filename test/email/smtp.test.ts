import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Notifier, silentLogger, type Person } from '../../core/index.js';
import { RecordingChannel } from '../../core/testing/fakes.js';
import { MemoryStore } from '../../core/testing/memory-store.js';
import { createEmailChannel, EmailChannel, smtpTransport } from '../../adapters/email/index.js';
import { fixture, person, RecordingLogger } from '../inngest/support.js';
import { decodeHeader, TestSmtpServer } from './smtp.js';

const FROM = 'Helpdesk <helpdesk@example.com>';
const servers: TestSmtpServer[] = [];
const channels: EmailChannel[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of channels.splice(0)) c.close();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function smtp(): Promise<TestSmtpServer> {
  const s = await new TestSmtpServer().start();
  servers.push(s);
  return s;
}

function emailTo(server: TestSmtpServer, store: MemoryStore, logger = silentLogger): EmailChannel {
  const channel = new EmailChannel({ transport: smtpTransport({ host: '127.0.0.1', port: server.port }), from: FROM, threads: store, logger });
  channels.push(channel);
  return channel;
}

/** A ticket filed by ann (who has an email address) and a requester-facing notification about it. */
async function ticketFor(store: MemoryStore, email = 'ann@example.org') {
  const f = fixture({ store });
  const ann = await person(store, 'ann', 'user', [], email);
  const filed = await f.helpdesk.fileTicket({ requesterId: ann.id, title: 'VPN drops — every hour', origin: { platform: 'console' } });
  if (!filed.ok) throw new Error(filed.error.message);
  return { f, ann, ticket: filed.value.ticket };
}

describe('email over SMTP', () => {
  it('sends text and HTML to the person, with the subject and per-ticket threading headers', async () => {
    const server = await smtp();
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store);
    const email = emailTo(server, store);

    expect(await email.deliver(ann, { kind: 'ticket.filed', audience: 'requester', ticket })).toEqual({ status: 'delivered' });
    expect(await email.deliver(ann, { kind: 'ticket.triaged', audience: 'requester', ticket })).toEqual({ status: 'delivered' });

    expect(server.mails).toHaveLength(2);
    const [first, second] = server.mails;
    expect(first?.from).toBe('helpdesk@example.com');
    expect(first?.to).toEqual(['ann@example.org']);
    expect(decodeHeader(first?.headers.get('subject') ?? '')).toBe('[#1] VPN drops — every hour — received');
    expect(decodeHeader(second?.headers.get('subject') ?? '')).toBe('[#1] VPN drops — every hour — triaged as medium priority');
    expect(first?.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(first?.raw).toMatch(/Content-Type: text\/plain/);
    expect(first?.raw).toMatch(/Content-Type: text\/html/);

    const root = `<ticket-${ticket.id}.${ann.id}@example.com>`;
    expect(first?.headers.get('message-id')).toBe(root);
    expect(first?.headers.has('in-reply-to')).toBe(false);
    expect(second?.headers.get('message-id')).not.toBe(root);
    expect(second?.headers.get('message-id')).toMatch(/@example\.com>$/);
    expect(second?.headers.get('in-reply-to')).toBe(root);
    expect(second?.headers.get('references')).toBe(root);
  });

  it('is where a notification goes when the chat DM fails', async () => {
    const server = await smtp();
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store, 'ann@example.org');
    const chat = new RecordingChannel('console');
    chat.unreachable.add(ann.id);
    const notifier = new Notifier([chat, emailTo(server, store)], silentLogger);

    const result = await notifier.notify(ann, { kind: 'ticket.filed', audience: 'requester', ticket });

    expect(result).toEqual({ delivered: true, channel: 'email' });
    expect(chat.sent).toHaveLength(0);
    expect(server.mails.map((m) => m.to)).toEqual([['ann@example.org']]);
  });

  it('comes first for people who prefer email, and is the only way to people without a chat identity', async () => {
    const server = await smtp();
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store);
    const chat = new RecordingChannel('console');
    const notifier = new Notifier([chat, emailTo(server, store)], silentLogger);

    const prefers: Person = { ...ann, prefersEmail: true };
    expect(await notifier.notify(prefers, { kind: 'ticket.filed', audience: 'requester', ticket })).toEqual({ delivered: true, channel: 'email' });
    const noChat: Person = { ...ann, identities: ['slack:T1:U1'] };
    expect(await notifier.notify(noChat, { kind: 'ticket.triaged', audience: 'requester', ticket })).toEqual({ delivered: true, channel: 'email' });
    expect(chat.sent).toHaveLength(0);
    expect(server.mails).toHaveLength(2);
  });

  it('treats an address the server refuses for good as unreachable rather than retrying', async () => {
    const server = await smtp();
    server.refused.add('gone@example.org');
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store, 'gone@example.org');
    const email = emailTo(server, store);

    expect(await email.deliver(ann, { kind: 'ticket.filed', audience: 'requester', ticket })).toEqual({ status: 'unreachable', reason: 'the mail server refused the address' });
    expect(server.mails).toHaveLength(0);
  });

  it('throws while the server is down (so the step retries) and delivers once it is back', async () => {
    const server = await smtp();
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store);
    const email = emailTo(server, store);
    await server.stop();

    await expect(email.deliver(ann, { kind: 'ticket.filed', audience: 'requester', ticket })).rejects.toThrow();

    await server.start();
    expect(await email.deliver(ann, { kind: 'ticket.filed', audience: 'requester', ticket })).toEqual({ status: 'delivered' });
    expect(server.mails).toHaveLength(1);
    expect(server.mails[0]?.headers.get('message-id')).toBe(`<ticket-${ticket.id}.${ann.id}@example.com>`);
  });
});

describe('email without SMTP', () => {
  it('writes each message as an .eml file under DATA_DIR/outbox-mail and logs it without the address', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'helpdesk-mail-'));
    dirs.push(dataDir);
    const store = new MemoryStore();
    const { ann, ticket } = await ticketFor(store, 'ann@example.org');
    const logger = new RecordingLogger();
    const email = createEmailChannel({ from: FROM, smtp: null, dataDir }, { threads: store, logger });
    channels.push(email);

    expect(await email.deliver(ann, { kind: 'ticket.filed', audience: 'requester', ticket })).toEqual({ status: 'delivered' });
    expect(await email.deliver(ann, { kind: 'ticket.triaged', audience: 'requester', ticket })).toEqual({ status: 'delivered' });

    const files = (await readdir(join(dataDir, 'outbox-mail'))).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const eml = await readFile(join(dataDir, 'outbox-mail', files.find((f) => f.includes('ticket-filed')) ?? ''), 'utf8');
    expect(eml).toContain('To: ann <ann@example.org>');
    expect(eml).toContain(`Message-ID: <ticket-${ticket.id}.${ann.id}@example.com>`);
    expect(eml).toMatch(/Content-Type: multipart\/alternative/);

    const spooled = logger.entries.filter((e) => e.msg?.includes('offline spool'));
    expect(spooled).toHaveLength(2);
    expect(JSON.stringify(logger.entries)).not.toContain('ann@example.org');
  });
});
