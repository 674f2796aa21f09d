import type { Clock, Logger, SimilarTicketIndex, Store, TriageEngine } from '../../core/index.js';
import { HybridSimilarIndex, type EmbeddingProvider } from '../../core/retrieval/index.js';
import { createTriageChain, orderEngines } from '../../core/triage/index.js';
import { HelpdeskModel, LocalTriageEngine, shippedHelpdeskModel } from '../../adapters/local-ai/index.js';
import type { Config } from '../config.js';
import { StartupError } from '../errors.js';
import { nodeHasher } from './hasher.js';
import { buildSimilarIndex, snapshotPathFor } from './similar.js';

export interface AiWiring {
  readonly triage: TriageEngine;
  readonly similar: SimilarTicketIndex;
  readonly description: string;
  /** Stops following the store for similar tickets and writes the index snapshot. */
  stop(): Promise<void>;
}

/** The local engine's learned model, read at start-up (the first ticket does not wait for it); a bad file stops the start. */
function localModel(setting: string | undefined): HelpdeskModel | null {
  if (setting === 'none') return null;
  try {
    return setting ? HelpdeskModel.load(setting) : shippedHelpdeskModel();
  } catch (error) {
    throw new StartupError(`LOCAL_TRIAGE_MODEL: cannot read ${setting ?? 'the shipped model'} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); write one with npm run train:helpdesk or set LOCAL_TRIAGE_MODEL=none`);
  }
}

/**
 * Triage engines in the configured order with the local engine last, behind
 * one chain (cache, breaker, redaction); the similar-ticket index read from
 * its snapshot (or built from the store's resolved tickets) and kept in step
 * with the store, hybrid when an embedding model is set.
 */
export async function buildAi(c: Readonly<Config>, store: Store, clock: Clock, logger: Logger): Promise<AiWiring> {
  // Provider SDKs load only when their keys are set, keeping the offline default small.
  const gemini = c.GEMINI_API_KEY ? await import('../../adapters/gemini/index.js') : null;
  const openai = c.OPENAI_API_KEY ? await import('../../adapters/openai/index.js') : null;
  const available = {
    gemini: gemini && c.GEMINI_API_KEY ? gemini.createGeminiTriage({ apiKey: c.GEMINI_API_KEY, model: c.GEMINI_MODEL, baseUrl: c.GEMINI_BASE_URL, timeoutMs: c.AI_TIMEOUT_MS, logger }) : null,
    openai: openai && c.OPENAI_API_KEY ? openai.createOpenAITriage({ apiKey: c.OPENAI_API_KEY, model: c.OPENAI_MODEL, baseURL: c.OPENAI_BASE_URL, timeoutMs: c.AI_TIMEOUT_MS, logger }) : null,
    local: new LocalTriageEngine({ model: localModel(c.LOCAL_TRIAGE_MODEL) }),
  };
  const { engines, problems, notes } = orderEngines(available, c.AI_PROVIDERS);
  if (problems.length > 0) throw new StartupError(problems.join(' '));
  for (const note of notes) logger.warn(note);
  const triage = createTriageChain({ engines, cache: store, clock, hasher: nodeHasher, logger, redact: c.AI_REDACT });

  const embeddings: EmbeddingProvider | null =
    openai && c.OPENAI_EMBEDDING_MODEL && c.OPENAI_API_KEY
      ? openai.createOpenAIEmbeddings({ apiKey: c.OPENAI_API_KEY, model: c.OPENAI_EMBEDDING_MODEL, baseURL: c.OPENAI_BASE_URL, timeoutMs: c.AI_TIMEOUT_MS, logger })
      : gemini && c.GEMINI_EMBEDDING_MODEL && c.GEMINI_API_KEY
        ? gemini.createGeminiEmbeddings({ apiKey: c.GEMINI_API_KEY, model: c.GEMINI_EMBEDDING_MODEL, baseUrl: c.GEMINI_BASE_URL, timeoutMs: c.AI_TIMEOUT_MS, logger })
        : null;
  const similar = await buildSimilarIndex({
    store,
    logger,
    snapshotPath: snapshotPathFor(c.DATA_DIR),
    decorate: embeddings ? (lexical) => new HybridSimilarIndex({ lexical, embeddings, store, hasher: nodeHasher, logger, redact: c.AI_REDACT }) : undefined,
  });
  similar.start();
  const inner = similar.index.inner;
  if (inner instanceof HybridSimilarIndex) {
    inner.flush().catch((error: unknown) => logger.warn({ err: error }, 'embedding resolved tickets failed; retrieval stays lexical until it succeeds'));
  }
  return { triage, similar: similar.index, stop: () => similar.stop(), description: `${engines.map((e) => e.name).join(' → ')}${embeddings ? ' + embeddings' : ''}` };
}
