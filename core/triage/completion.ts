import type { TokenUsage } from './errors.js';
import type { JsonSchema } from './schema.js';

/**
 * The small port a model provider adapter implements: one chat completion
 * with a JSON schema for the reply. Prompting, validation, repair, retries
 * and accounting stay in core (LlmTriageEngine), so every provider behaves
 * the same. Adapters throw {@link ProviderError} for every failure.
 */
export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface CompletionRequest {
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  readonly schemaName: string;
  readonly schema: JsonSchema;
  /** Hard cap on the reply's length. */
  readonly maxOutputTokens: number;
}

export interface Completion {
  /** The reply text (expected to be the JSON object). */
  readonly text: string;
  /** The model that answered, as the provider reports it. */
  readonly model: string;
  readonly usage: TokenUsage;
  /**
   * HTTP calls this completion took when more than one: a server that
   * refused the response format was asked again without it.
   */
  readonly calls?: number;
}

export interface CompletionClient {
  /** Provider name for logs and errors (`openai`, `gemini`). */
  readonly provider: string;
  /** The configured model id. */
  readonly model: string;
  complete(request: CompletionRequest): Promise<Completion>;
  /**
   * Told when a reply had text around the JSON although a schema was asked
   * for: a client that can ask for JSON another way does so from now on.
   */
  unstructuredReply?(): void;
}
