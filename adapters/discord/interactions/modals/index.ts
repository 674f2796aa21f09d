import type { Registry } from '../types.js';
import { internalNoteModal } from './internal-note.js';
import { noteModal } from './note.js';
import { panelModal } from './panel.js';
import { ratingModal } from './rating.js';
import { ticketModal } from './ticket.js';
import { triageModal } from './triage.js';

/** Modal submissions: the new-ticket form, the resolution note, the triage correction and the rating comment. */
export function register(registry: Registry): void {
  registry.modal(ticketModal);
  registry.modal(noteModal);
  registry.modal(internalNoteModal);
  registry.modal(triageModal);
  registry.modal(panelModal);
  registry.modal(ratingModal);
}
