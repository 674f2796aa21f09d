import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorSink, silentLogger } from '../../../core/index.js';
import { WORKING_TEXT, lateMessage, withAckBudget, type AckedKind } from './late-ack.js';

type Call = [string, unknown];

/** Bolt's middleware arguments for one request, recording what the helpdesk sends. */
function request(kind: AckedKind, body: Record<string, unknown>) {
  const calls: Call[] = [];
  const args = {
    body,
    ack: async (b?: unknown) => void calls.push(['ack', b]),
    respond: async (b: unknown) => void calls.push(['respond', b]),
    client: {
      chat: {
        postEphemeral: async (a: unknown) => void calls.push(['postEphemeral', a]),
        postMessage: async (a: unknown) => void calls.push(['postMessage', a]),
      },
    },
  };
  return { kind, args, calls };
}

type Handler = (args: { ack: (body?: unknown) => Promise<void> }) => Promise<void>;

/** Runs a test handler under the budget (Bolt's argument types are a union the fakes here do not need). */
function run(r: ReturnType<typeof request>, where: string, handler: Handler): Promise<void> {
  return withAckBudget(r.kind, where, r.args as never, handler as never, budget);
}

const budget = { budgetMs: 2_000, errors: new ErrorSink({ logger: silentLogger, surface: 'Slack', newRef: () => 'REF123' }), logger: silentLogger };

function deferred() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('withAckBudget', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("passes a timely ack through untouched and never acks on the handler's behalf", async () => {
    const r = request('command', { user_id: 'U1', response_url: 'https://hooks/x' });
    await run(r, 'command /ticket', async ({ ack }) => ack({ text: 'done' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.calls).toEqual([['ack', { text: 'done' }]]);
  });

  it('acknowledges a slow command with the "will confirm" text, then sends its answer through the response_url', async () => {
    const r = request('command', { user_id: 'U1', response_url: 'https://hooks/x' });
    const store = deferred();
    const running = run(r, 'command /ticket', async ({ ack }) => {
      await store.promise;
      await ack({ response_type: 'ephemeral', text: 'Ticket #1 filed', replace_original: false });
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(r.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.calls).toEqual([['ack', { response_type: 'ephemeral', text: WORKING_TEXT, replace_original: false }]]);
    store.open();
    await running;
    expect(r.calls).toEqual([
      ['ack', { response_type: 'ephemeral', text: WORKING_TEXT, replace_original: false }],
      ['respond', { response_type: 'ephemeral', text: 'Ticket #1 filed', replace_original: false }],
    ]);
  });

  it("turns a slow modal's inline errors into a message in the channel it came from, after an empty ack", async () => {
    const r = request('view', { type: 'view_submission', user: { id: 'U1' }, view: { private_metadata: JSON.stringify({ channelId: 'C1' }) } });
    const store = deferred();
    const running = run(r, 'view ticket_modal', async ({ ack }) => {
      await store.promise;
      await ack({ response_action: 'errors', errors: { title: 'A ticket needs a title.' } });
    });
    await vi.advanceTimersByTimeAsync(2_000);
    store.open();
    await running;
    expect(r.calls).toEqual([
      ['ack', undefined],
      ['postEphemeral', { channel: 'C1', user: 'U1', text: 'Your form was not saved: A ticket needs a title. Open it again to try once more.' }],
    ]);
  });

  it('sends a late modal answer as a DM when the modal names no channel', async () => {
    const r = request('view', { type: 'view_submission', user: { id: 'U1' }, view: { private_metadata: '{"id":"t1","ref":3}' } });
    const store = deferred();
    const running = run(r, 'view resolve_modal', async ({ ack }) => {
      await store.promise;
      await ack({ response_action: 'errors', errors: { note: 'Ticket #3 is already resolved.' } });
    });
    await vi.advanceTimersByTimeAsync(2_000);
    store.open();
    await running;
    expect(r.calls[1]).toEqual(['postMessage', { channel: 'U1', text: expect.stringContaining('Ticket #3 is already resolved.') }]);
  });

  it('tells the person, with a reference, about an error thrown after the late ack', async () => {
    const r = request('action', { type: 'block_actions', user: { id: 'U1' }, response_url: 'https://hooks/x' });
    const store = deferred();
    const running = run(r, 'action ticket_start', async () => {
      await store.promise;
      throw new Error('connection reset');
    });
    await vi.advanceTimersByTimeAsync(2_000);
    store.open();
    await running;
    expect(r.calls).toEqual([
      ['ack', undefined],
      ['respond', { response_type: 'ephemeral', text: expect.stringContaining('ref REF123'), replace_original: false }],
    ]);
  });

  it('rethrows an error from before any ack, as without the budget, and acks a handler that never did', async () => {
    const failing = request('command', { user_id: 'U1' });
    await expect(run(failing, 'command /x', async () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(failing.calls).toEqual([]);
    const silent = request('shortcut', { user: { id: 'U1' } });
    await run(silent, 'shortcut x', async () => undefined);
    expect(silent.calls).toEqual([['ack', undefined]]);
  });
});

describe('lateMessage', () => {
  it('says nothing for an empty ack or a plain modal close, and shows a modal update as a message', () => {
    expect(lateMessage('action', undefined)).toBeNull();
    expect(lateMessage('view', { response_action: 'clear' })).toBeNull();
    expect(lateMessage('command', 'Done.')).toEqual({ text: 'Done.' });
    const update = { response_action: 'update', view: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Ticket *#4* filed' } }, { type: 'input', label: {} }] } };
    expect(lateMessage('view', update)).toEqual({ text: 'Ticket *#4* filed', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Ticket *#4* filed' } }] });
  });
});
