import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { register as reassignModal } from './reassign-modal.js';
import { register as resolveModal } from './resolve-modal.js';
import { register as ticketModal } from './ticket-modal.js';

/** Modal submissions: new ticket, resolution note, reassignment. */
export function register(app: App, ctx: SlackContext): void {
  ticketModal(app, ctx);
  resolveModal(app, ctx);
  reassignModal(app, ctx);
}
