import type { Registry } from '../types.js';
import { assignSelect } from './assign.js';
import { dmFileButton } from './dm-file.js';
import { editTriageButton } from './edit-triage.js';
import { panelButton } from './panel.js';
import { rateButton } from './rate.js';
import { reassignButton } from './reassign.js';
import { reopenButton } from './reopen.js';
import { resolveButton } from './resolve.js';
import { claimButtonHandler, internalNoteButton, pageButton, replyWithButton, savedReplySelect } from './staff.js';
import { startButton } from './start.js';

/** Buttons and selects on ticket cards and replies. */
export function register(registry: Registry): void {
  registry.component(startButton);
  registry.component(resolveButton);
  registry.component(reassignButton);
  registry.component(editTriageButton);
  registry.component(assignSelect);
  registry.component(reopenButton);
  registry.component(panelButton);
  registry.component(dmFileButton);
  registry.component(claimButtonHandler);
  registry.component(internalNoteButton);
  registry.component(replyWithButton);
  registry.component(savedReplySelect);
  registry.component(pageButton);
  registry.component(rateButton);
}
