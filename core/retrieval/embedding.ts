/**
 * The embedding port: turns texts into vectors. Implemented by the OpenAI
 * and Gemini adapters; the hybrid index is its only user. Providers may
 * embed documents and queries differently (Gemini task types), hence
 * `purpose`. Implementations throw on failure; the index then falls back
 * to lexical ranking.
 */
export type EmbeddingPurpose = 'document' | 'query';

export interface EmbeddingResult {
  /** One vector per input text, in input order. */
  readonly vectors: readonly Float32Array[];
  readonly inputTokens?: number;
}

export interface EmbeddingProvider {
  /** Provider name for logs (`openai`, `gemini`). */
  readonly name: string;
  /** Model id; stored with each vector so a model change is noticed. */
  readonly model: string;
  /** Most texts one request may carry. */
  readonly maxBatch: number;
  embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<EmbeddingResult>;
}
