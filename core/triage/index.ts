/**
 * Provider-independent AI triage: the fallback chain with cache, circuit
 * breakers and concurrency limits; the structured-output engine that any
 * chat provider plugs into through {@link CompletionClient}; redaction;
 * prompt and schema. Adapters (gemini, openai) import from here.
 */
export * from './breaker.js';
export * from './cache.js';
export * from './chain.js';
export type * from './completion.js';
export * from './errors.js';
export * from './limiter.js';
export * from './llm-engine.js';
export * from './prompt.js';
export * from './providers.js';
export * from './redact.js';
export * from './retry.js';
export * from './schema.js';
export * from './skills-context.js';
export * from './stats.js';
