/** Hybrid (lexical + vector) retrieval of similar resolved tickets. */
export type * from './embedding.js';
export * from './hybrid-index.js';
export * from './rrf.js';
export * from './vector-codec.js';
export * from './vector-store.js';
export * from './shared-index.js';
