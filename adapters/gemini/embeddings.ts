import type { GoogleGenAI } from '@google/genai';
import type { EmbeddingProvider, EmbeddingPurpose, EmbeddingResult } from '../../core/retrieval/index.js';
import { withProviderRetry, type ProviderRetrySettings } from '../../core/triage/index.js';
import { geminiClient, headerCapturingFetch, toProviderError, type GeminiConnection } from './client.js';

export const GEMINI_DEFAULT_EMBEDDING_MODEL = 'gemini-embedding-001';

export interface GeminiEmbeddingsOptions extends GeminiConnection, ProviderRetrySettings {
  readonly model?: string | undefined;
  /**
   * Output dimension (gemini-embedding-001 supports 128–3072). 768 keeps
   * stored vectors small with little loss; cosine similarity needs no
   * re-normalization because the index normalizes every vector.
   */
  readonly dimensions?: number | undefined;
  /** The API accepts at most 100 texts per batch request. */
  readonly maxBatch?: number | undefined;
  readonly client?: GoogleGenAI | undefined;
}

/** Embeddings through `:batchEmbedContents` (the SDK's `embedContent` for the Gemini API). */
export class GeminiEmbeddings implements EmbeddingProvider {
  readonly name = 'gemini';
  readonly model: string;
  readonly maxBatch: number;
  private readonly ai: GoogleGenAI;

  constructor(private readonly options: GeminiEmbeddingsOptions) {
    this.ai = options.client ?? geminiClient(options);
    this.model = options.model ?? GEMINI_DEFAULT_EMBEDDING_MODEL;
    this.maxBatch = Math.min(options.maxBatch ?? 100, 100);
  }

  async embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<EmbeddingResult> {
    if (texts.length === 0) return { vectors: [] };
    const response = await withProviderRetry(
      async () => {
        const capture = headerCapturingFetch();
        try {
          return await this.ai.models.embedContent({
            model: this.model,
            contents: [...texts],
            config: {
              taskType: purpose === 'query' ? 'RETRIEVAL_QUERY' : 'RETRIEVAL_DOCUMENT',
              outputDimensionality: this.options.dimensions ?? 768,
              httpOptions: { fetch: capture.fetch },
            },
          });
        } catch (error) {
          throw toProviderError(error, capture.retryAfter());
        }
      },
      this.options,
      'embedding call failed; retrying',
    );
    const vectors = (response.embeddings ?? []).map((e) => Float32Array.from(e.values ?? []));
    return { vectors };
  }
}

/** Factory for the bot: `createGeminiEmbeddings({ apiKey, model, baseUrl, timeoutMs })`. */
export function createGeminiEmbeddings(options: GeminiEmbeddingsOptions): GeminiEmbeddings {
  return new GeminiEmbeddings(options);
}
