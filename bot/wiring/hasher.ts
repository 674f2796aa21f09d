import { createHash } from 'node:crypto';
import type { Hasher } from '../../core/index.js';

/** SHA-256 from node:crypto, for the Hasher port: triage cache keys, the stored vectors' text hashes, dashboard tokens. */
export const nodeHasher: Hasher = { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') };
