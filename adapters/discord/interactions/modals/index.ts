import type { Registry } from '../types.js';
import { noteModal } from './note.js';
import { ticketModal } from './ticket.js';

/** Modal submissions: the new-ticket form and the resolution note. */
export function register(registry: Registry): void {
  registry.modal(ticketModal);
  registry.modal(noteModal);
}
