import type OpenAI from 'openai';
import { decodeFloat32, type EmbeddingProvider, type EmbeddingPurpose, type EmbeddingResult } from '../../core/retrieval/index.js';
import { withProviderRetry, type ProviderRetrySettings } from '../../core/triage/index.js';
import { openAIClient, toProviderError, type OpenAIConnection } from './client.js';

export const OPENAI_DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

export interface OpenAIEmbeddingsOptions extends OpenAIConnection, ProviderRetrySettings {
  readonly model?: string | undefined;
  /**
   * Wire encoding. `float` (default) works with every OpenAI-compatible
   * server; `base64` is smaller and OpenAI's own default. Replies in either
   * form are decoded, whatever was asked for.
   */
  readonly encoding?: 'float' | 'base64' | undefined;
  /** Shorter vectors (text-embedding-3 models only). */
  readonly dimensions?: number | undefined;
  readonly maxBatch?: number | undefined;
  readonly client?: OpenAI | undefined;
}

/** Embeddings through `POST /embeddings`. */
export class OpenAIEmbeddings implements EmbeddingProvider {
  readonly name = 'openai';
  readonly model: string;
  readonly maxBatch: number;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAIEmbeddingsOptions) {
    this.client = options.client ?? openAIClient(options);
    this.model = options.model ?? OPENAI_DEFAULT_EMBEDDING_MODEL;
    this.maxBatch = options.maxBatch ?? 256;
  }

  async embed(texts: readonly string[], _purpose: EmbeddingPurpose): Promise<EmbeddingResult> {
    if (texts.length === 0) return { vectors: [] };
    const response = await withProviderRetry(
      async () => {
        try {
          return await this.client.embeddings.create({
            model: this.model,
            input: [...texts],
            // Always explicit: without it the SDK asks for base64 and decodes it, which
            // turns a server's float reply into garbage.
            encoding_format: this.options.encoding ?? 'float',
            ...(this.options.dimensions !== undefined ? { dimensions: this.options.dimensions } : {}),
          });
        } catch (error) {
          throw toProviderError(error);
        }
      },
      this.options,
      'embedding call failed; retrying',
    );
    const data = [...response.data].sort((a, b) => a.index - b.index);
    return {
      vectors: data.map((d) => toVector(d.embedding as unknown)),
      inputTokens: response.usage?.prompt_tokens ?? 0,
    };
  }
}

/** A float array or a base64 string of little-endian float32 values. */
export function toVector(embedding: unknown): Float32Array {
  if (typeof embedding === 'string') return decodeFloat32(embedding);
  if (Array.isArray(embedding) && embedding.every((x) => typeof x === 'number')) return Float32Array.from(embedding as number[]);
  throw new Error('embedding is neither a float array nor base64');
}

/** Factory for the bot: `createOpenAIEmbeddings({ apiKey, model, baseURL, timeoutMs })`. */
export function createOpenAIEmbeddings(options: OpenAIEmbeddingsOptions): OpenAIEmbeddings {
  return new OpenAIEmbeddings(options);
}
