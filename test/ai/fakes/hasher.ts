/** The node:crypto SHA-256 the bot wires in (core and its testing helpers may not import node:crypto). */
export { nodeHasher } from '../../../bot/wiring/hasher.js';
