/** OpenAI (and OpenAI-compatible servers: Ollama, vLLM, LiteLLM) for triage and embeddings. */
export { OPENAI_DEFAULT_BASE_URL, OPENAI_DEFAULT_TIMEOUT_MS, openAIClient, toProviderError, type OpenAIConnection } from './client.js';
export { OPENAI_DEFAULT_EMBEDDING_MODEL, OpenAIEmbeddings, createOpenAIEmbeddings, toVector, type OpenAIEmbeddingsOptions } from './embeddings.js';
export {
  OPENAI_DEFAULT_MODEL,
  OpenAIChatClient,
  OpenAITriageEngine,
  createOpenAITriage,
  defaultTokenLimitField,
  formatAfterRefusal,
  type ResponseFormatMode,
  type OpenAITriageOptions,
  type TokenLimitField,
} from './triage.js';
