import type { AllMiddlewareArgs, AnyMiddlewareArgs, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { ErrorSink, Logger } from '../../../core/index.js';
import { ephemeral } from './reply.js';

/** The requests Slack wants acknowledged within 3 seconds. */
export type AckedKind = 'command' | 'action' | 'view' | 'shortcut';

export interface AckBudget {
  /** How long a handler may take before the helpdesk acknowledges on its behalf (about 2 s; well under Slack's 3 s). */
  readonly budgetMs: number;
  readonly errors: ErrorSink;
  readonly logger: Logger;
}

/** What a slash command shows when the helpdesk answers on its handler's behalf. */
export const WORKING_TEXT = "Working on it — saved requests are never lost; I'll confirm here in a moment.";

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
type Handler = (args: Args) => Promise<void>;
type AckFn = (body?: unknown) => Promise<void>;

/**
 * Runs one handler so that Slack always hears back in time, however slow
 * the store is (a MongoDB election holds every call for up to ~12 s while
 * the driver waits for a new primary).
 *
 * If the handler has not called `ack` within the budget, the helpdesk
 * acknowledges for it: a command with WORKING_TEXT, anything else with an
 * empty ack (a modal closes). The handler goes on; its own `ack(body)`,
 * when it comes, is delivered as a message instead — through the
 * request's response_url (commands, block actions, message shortcuts),
 * else as an ephemeral message in the channel a modal was opened from, else
 * a DM. A modal's inline validation errors become that message too. Slack
 * is never acknowledged twice, and an error the handler throws after the
 * late ack reaches the person with its reference like any other.
 */
export async function withAckBudget(kind: AckedKind, where: string, args: Args, handler: Handler, budget: AckBudget): Promise<void> {
  const original = (args as { ack?: AckFn }).ack;
  if (!original) return handler(args);
  // Who acknowledged: nobody yet, the handler, or the helpdesk on its behalf (an object, as the timer and `ack` change it).
  const acked: { by: 'nobody' | 'handler' | 'helpdesk' } = { by: 'nobody' };
  let helpdeskAck: Promise<void> = Promise.resolve();
  const timer = setTimeout(() => {
    if (acked.by !== 'nobody') return;
    acked.by = 'helpdesk';
    budget.logger.info({ where, budgetMs: budget.budgetMs }, 'slow handler: acknowledged on its behalf, its answer follows as a message');
    helpdeskAck = original(kind === 'command' ? ephemeral(WORKING_TEXT) : undefined).catch((error: unknown) => {
      budget.logger.warn({ where, err: error instanceof Error ? error.message : String(error) }, 'could not acknowledge a slow request');
    });
  }, budget.budgetMs);
  const ack: AckFn = async (body) => {
    if (acked.by === 'nobody') {
      acked.by = 'handler';
      clearTimeout(timer);
      return original(body);
    }
    // A second ack from the handler itself is Bolt's to refuse, as without the budget.
    if (acked.by === 'handler') return original(body);
    await helpdeskAck;
    await deliverLate(kind, args, lateMessage(kind, body), budget, where);
  };
  try {
    await handler({ ...args, ack } as Args);
  } catch (error) {
    if (acked.by !== 'helpdesk') throw error;
    await helpdeskAck;
    await deliverLate(kind, args, { text: budget.errors.text(error, where, { slackUser: userOf(args) }) }, budget, where);
    return;
  } finally {
    clearTimeout(timer);
  }
  // A handler that never acknowledged still answers Slack, so the person does not see a timeout.
  if (acked.by === 'nobody') {
    acked.by = 'handler';
    await original();
  }
}

/** A message to send for a late `ack(body)`, or null when the ack said nothing to show. */
export function lateMessage(kind: AckedKind, body: unknown): LateMessage | null {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string') return { text: body };
  if (typeof body !== 'object') return null;
  if (kind !== 'view') {
    const b = body as { text?: unknown; blocks?: unknown };
    if (typeof b.text !== 'string' && !Array.isArray(b.blocks)) return null;
    return { text: typeof b.text === 'string' ? b.text : '', ...(Array.isArray(b.blocks) ? { blocks: b.blocks as webApi.KnownBlock[] } : {}) };
  }
  const v = body as { response_action?: unknown; errors?: unknown; view?: { blocks?: unknown } };
  if (v.response_action === 'errors' && v.errors && typeof v.errors === 'object') {
    const problems = Object.values(v.errors as Record<string, unknown>).filter((e): e is string => typeof e === 'string');
    return { text: `Your form was not saved: ${problems.join(' ')} Open it again to try once more.` };
  }
  if ((v.response_action === 'update' || v.response_action === 'push') && Array.isArray(v.view?.blocks)) return messageOfView(v.view.blocks as unknown[]);
  return null;
}

export interface LateMessage {
  readonly text: string;
  readonly blocks?: webApi.KnownBlock[];
}

/** The displayable blocks of a modal as a message (inputs and buttons do not belong in one). */
function messageOfView(blocks: readonly unknown[]): LateMessage | null {
  const shown = blocks.filter((b): b is webApi.KnownBlock => SHOWN.has((b as { type?: string }).type ?? ''));
  const text = shown
    .map((b) => (b as { text?: { text?: unknown } }).text?.text)
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
  if (text === '') return null;
  return { text, blocks: shown };
}

const SHOWN = new Set(['section', 'header', 'context', 'divider']);

/**
 * Sends a late answer where the person will see it: the response_url when
 * the request has one (not for modals: theirs point at conversations the
 * form chose), else ephemeral in the channel the modal came from, else a DM.
 */
async function deliverLate(kind: AckedKind, args: Args, message: LateMessage | null, budget: AckBudget, where: string): Promise<void> {
  if (!message) return;
  const user = userOf(args);
  const client = args.client;
  const respond = (args as { respond?: RespondFn }).respond;
  const hasUrl = typeof (args.body as { response_url?: unknown }).response_url === 'string';
  try {
    if (kind !== 'view' && respond && hasUrl) {
      const reply: RespondArguments = { ...ephemeral(message.text), ...(message.blocks ? { blocks: message.blocks } : {}) };
      await respond(reply);
      return;
    }
    const channel = kind === 'view' ? channelOfModal(args) : null;
    if (channel) {
      try {
        await client.chat.postEphemeral({ channel, user, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
        return;
      } catch (error) {
        // Not a member of that channel, or it is gone: the DM below still reaches them.
        budget.logger.debug({ where, err: error instanceof Error ? error.message : String(error) }, 'late answer: ephemeral failed, sending a DM');
      }
    }
    await client.chat.postMessage({ channel: user, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  } catch (error) {
    // The action itself is stored or refused already; only its confirmation is lost, and the log keeps it.
    budget.errors.text(error, `${where} late answer`, { slackUser: user });
  }
}

function userOf(args: Args): string {
  const body = args.body as { user_id?: unknown; user?: { id?: unknown } };
  if (typeof body.user_id === 'string') return body.user_id;
  return typeof body.user?.id === 'string' ? body.user.id : '';
}

/** The channel a modal was opened from, when its metadata names one (the ticket modal does). */
function channelOfModal(args: Args): string | null {
  const raw = (args.body as { view?: { private_metadata?: unknown } }).view?.private_metadata;
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const meta = JSON.parse(raw) as { channelId?: unknown };
    return typeof meta.channelId === 'string' && /^[A-Z0-9-]{2,40}$/i.test(meta.channelId) ? meta.channelId : null;
  } catch {
    return null;
  }
}
