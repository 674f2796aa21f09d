import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import { withAckBudget, type AckBudget, type AckedKind } from './late-ack.js';

type Handler = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/**
 * The helpdesk's Slack listeners, found by name in one global middleware.
 *
 * Bolt runs the matchers of every registered listener for every request,
 * so each listener costs every request something, whatever it is about: at
 * a few hundred `/ticket` requests a second the app's fifteen listeners
 * took more time than the ticket itself. Here the same registrations (same
 * shapes as Bolt's `app.command`, `app.action`, …) go into maps, and one
 * middleware looks the request up by command name, action id, callback id
 * or event type. A request nothing is registered for goes on to Bolt as
 * before (it has no listeners, so Bolt reports it unhandled).
 *
 * With an ack budget, every command, block action, modal submission and
 * shortcut runs under it (see withAckBudget): a handler held up by a slow
 * store is acknowledged by the helpdesk in time and answers afterwards.
 */
export class SlackRoutes {
  private readonly commands = new Map<string, Handler>();
  private readonly actions = new Map<string, Handler>();
  private readonly views = new Map<string, Handler>();
  private readonly shortcuts = new Map<string, Handler>();
  private readonly events = new Map<string, Handler>();

  constructor(private readonly budget?: AckBudget) {}

  /** A slash command by its name (`/ticket`). */
  command(name: string, handler: Middleware<SlackCommandMiddlewareArgs>): void {
    add(this.commands, name, handler);
  }

  /** A `block_actions` interaction by action id. */
  action<A extends SlackAction = BlockAction>(constraints: { readonly action_id: string; readonly type: 'block_actions' }, handler: Middleware<SlackActionMiddlewareArgs<A>>): void {
    add(this.actions, constraints.action_id, handler);
  }

  /** A modal submission (`view_submission`) by callback id. */
  view<V extends SlackViewAction>(callbackId: string, handler: Middleware<SlackViewMiddlewareArgs<V>>): void {
    add(this.views, callbackId, handler);
  }

  /** A global or message shortcut by type and callback id. */
  shortcut<S extends SlackShortcut>(constraints: { readonly callback_id: string; readonly type: S['type'] }, handler: Middleware<SlackShortcutMiddlewareArgs<S>>): void {
    add(this.shortcuts, `${constraints.type}:${constraints.callback_id}`, handler);
  }

  /** An Events API event by type. */
  event<T extends string>(type: T, handler: Middleware<SlackEventMiddlewareArgs<T>>): void {
    add(this.events, type, handler);
  }

  /** Installs the lookup on the app as its last global middleware. */
  mount(app: App): void {
    app.use(async (args) => {
      const found = this.find(args);
      if (!found) await args.next();
      else if (found.kind === 'event' || !this.budget) await found.handler(args);
      else await withAckBudget(found.kind, found.where, args, found.handler, this.budget);
    });
  }

  private find(args: AnyMiddlewareArgs): { handler: Handler; kind: AckedKind | 'event'; where: string } | undefined {
    const hit = (map: Map<string, Handler>, key: string, kind: AckedKind | 'event') => {
      const handler = map.get(key);
      return handler ? { handler, kind, where: `${kind} ${key}` } : undefined;
    };
    if ('command' in args && args.command) return hit(this.commands, args.command.command, 'command');
    if ('action' in args && args.action && args.body.type === 'block_actions') return hit(this.actions, (args.action as { action_id: string }).action_id, 'action');
    if ('view' in args && args.view && args.body.type === 'view_submission') return hit(this.views, args.view.callback_id, 'view');
    if ('shortcut' in args && args.shortcut) return hit(this.shortcuts, `${args.shortcut.type}:${args.shortcut.callback_id}`, 'shortcut');
    if ('event' in args && args.event) return hit(this.events, args.event.type, 'event');
    return undefined;
  }
}

function add(map: Map<string, Handler>, key: string, handler: unknown): void {
  if (map.has(key)) throw new Error(`Slack listener registered twice: ${key}`);
  // The lookup above checked the request's kind and key, so the handler gets the arguments Bolt built for that kind.
  map.set(key, handler as Handler);
}
