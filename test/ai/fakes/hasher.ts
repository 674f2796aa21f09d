import { createHash } from 'node:crypto';
import type { Hasher } from '../../../core/ports/system.js';

/** The same node:crypto SHA-256 the bot wires in; core and its testing helpers may not import node:crypto. */
export const nodeHasher: Hasher = { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') };
