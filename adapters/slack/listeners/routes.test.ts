import type { App } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { ErrorSink, silentLogger } from '../../../core/index.js';
import { WORKING_TEXT } from './late-ack.js';
import { SlackRoutes } from './routes.js';

type Mw = (args: Record<string, unknown>) => Promise<void>;

function mounted(routes: SlackRoutes): Mw {
  let mw: Mw | undefined;
  routes.mount({ use: (m: Mw) => void (mw = m) } as unknown as App);
  if (!mw) throw new Error('not mounted');
  return mw;
}

describe('SlackRoutes', () => {
  it('finds the handler by command name, action id, callback id, shortcut and event type', async () => {
    const routes = new SlackRoutes();
    const seen: string[] = [];
    routes.command('/ticket', async () => void seen.push('command /ticket'));
    routes.command('/tickets', async () => void seen.push('command /tickets'));
    routes.action({ action_id: 'ticket_start', type: 'block_actions' }, async () => void seen.push('action start'));
    routes.view('ticket_modal', async () => void seen.push('view ticket_modal'));
    routes.shortcut({ callback_id: 'from_message', type: 'message_action' }, async () => void seen.push('shortcut'));
    routes.event('message', async () => void seen.push('event message'));
    const mw = mounted(routes);
    const next = async () => void seen.push('next');
    await mw({ command: { command: '/tickets' }, body: {}, next });
    await mw({ action: { action_id: 'ticket_start' }, body: { type: 'block_actions' }, next });
    await mw({ view: { callback_id: 'ticket_modal' }, body: { type: 'view_submission' }, next });
    await mw({ shortcut: { type: 'message_action', callback_id: 'from_message' }, body: {}, next });
    await mw({ event: { type: 'message' }, body: {}, next });
    expect(seen).toEqual(['command /tickets', 'action start', 'view ticket_modal', 'shortcut', 'event message']);
  });

  it('passes what nothing is registered for on to Bolt, and a modal closing is not a submission', async () => {
    const routes = new SlackRoutes();
    const seen: string[] = [];
    routes.view('ticket_modal', async () => void seen.push('view'));
    const mw = mounted(routes);
    const next = async () => void seen.push('next');
    await mw({ command: { command: '/unknown' }, body: {}, next });
    await mw({ view: { callback_id: 'ticket_modal' }, body: { type: 'view_closed' }, next });
    await mw({ event: { type: 'reaction_added' }, body: {}, next });
    expect(seen).toEqual(['next', 'next', 'next']);
  });

  it('refuses the same listener twice', () => {
    const routes = new SlackRoutes();
    routes.command('/ticket', async () => undefined);
    expect(() => routes.command('/ticket', async () => undefined)).toThrow(/registered twice/);
  });

  it('with an ack budget, acknowledges a slow command on its behalf and leaves events alone', async () => {
    vi.useFakeTimers();
    try {
      const routes = new SlackRoutes({ budgetMs: 2_000, errors: new ErrorSink({ logger: silentLogger, surface: 'Slack' }), logger: silentLogger });
      let release = () => undefined as void;
      const store = new Promise<void>((resolve) => (release = resolve));
      const acks: unknown[] = [];
      const answers: unknown[] = [];
      routes.command('/ticket', async ({ ack }) => {
        await store;
        await ack({ text: 'Ticket #1 filed' });
      });
      routes.event('message', async () => {
        await store;
      });
      const mw = mounted(routes);
      const next = async () => undefined;
      const command = mw({ command: { command: '/ticket' }, body: { user_id: 'U1', response_url: 'https://hooks/x' }, ack: async (b: unknown) => void acks.push(b), respond: async (b: unknown) => void answers.push(b), next });
      const event = mw({ event: { type: 'message' }, body: {}, next });
      await vi.advanceTimersByTimeAsync(2_000);
      expect(acks).toEqual([expect.objectContaining({ text: WORKING_TEXT })]);
      release();
      await Promise.all([command, event]);
      expect(acks).toHaveLength(1);
      expect(answers).toEqual([expect.objectContaining({ text: 'Ticket #1 filed', response_type: 'ephemeral' })]);
    } finally {
      vi.useRealTimers();
    }
  });
});
