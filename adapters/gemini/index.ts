/** Gemini (Google's `@google/genai` SDK) for triage and embeddings. */
export { GEMINI_API_VERSION, GEMINI_DEFAULT_BASE_URL, GEMINI_DEFAULT_TIMEOUT_MS, geminiClient, toProviderError, type GeminiConnection } from './client.js';
export { GEMINI_DEFAULT_EMBEDDING_MODEL, GeminiEmbeddings, createGeminiEmbeddings, type GeminiEmbeddingsOptions } from './embeddings.js';
export { toGeminiSchema } from './schema.js';
export { GEMINI_DEFAULT_MODEL, GeminiChatClient, GeminiTriageEngine, createGeminiTriage, type GeminiTriageOptions } from './triage.js';
