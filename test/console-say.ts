import { runCommand } from '../adapters/console/index.js';
import type { Helpdesk } from '../core/index.js';

/**
 * Types console lines as people of a test helpdesk: `say('ann', '/ticket …')`
 * identifies `console:ann`, runs the command, lets the workflows it started
 * finish, and returns the reply, or `ERROR <code>: <message>`.
 */
export function consoleSay(t: { readonly helpdesk: Helpdesk; readonly engine: { drain(): Promise<unknown> } }) {
  return async (handle: string, text: string): Promise<string> => {
    const who = await t.helpdesk.identify({ identity: `console:${handle}`, displayName: handle });
    if (!who.ok) throw new Error(who.error.message);
    const r = await runCommand(t.helpdesk, who.value, text);
    await t.engine.drain();
    return r.ok ? r.value : `ERROR ${r.error.code}: ${r.error.message}`;
  };
}
