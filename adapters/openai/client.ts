import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { isModelUnavailable, kindForStatus, parseRetryAfter, ProviderError } from '../../core/triage/index.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_DEFAULT_TIMEOUT_MS = 30_000;

/** How to reach OpenAI or an OpenAI-compatible server (Ollama, vLLM, LiteLLM). */
export interface OpenAIConnection {
  /** Required even for local servers, which accept any value. */
  readonly apiKey: string;
  /** e.g. `http://localhost:11434/v1` for Ollama; defaults to OpenAI. */
  readonly baseURL?: string | undefined;
  /** Per-request deadline. */
  readonly timeoutMs?: number | undefined;
}

/**
 * The SDK client with everything explicit: its own retries are off (core's
 * retry helper decides, honouring Retry-After with a cap, identically for
 * every provider), and nothing is read from the environment — the bot
 * passes configuration in.
 */
export function openAIClient(connection: OpenAIConnection): OpenAI {
  return new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL ?? OPENAI_DEFAULT_BASE_URL,
    timeout: connection.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'off',
  });
}

/** Classifies an SDK failure; the message carries status and the server's reason, never the request. */
export function toProviderError(error: unknown, now = Date.now()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new ProviderError('openai', 'timeout', 'request timed out', { cause: error });
  }
  if (error instanceof APIConnectionError) return new ProviderError('openai', 'network', 'connection failed', { cause: error });
  if (error instanceof APIError && typeof error.status === 'number') {
    const retryAfterMs = parseRetryAfter(error.headers, now);
    // An exhausted quota is a 429 too, but waiting does not help: treat it like a key without access.
    const kind =
      error.status === 429 && error.code === 'insufficient_quota'
        ? 'auth'
        : isModelUnavailable(error.status, error.message, typeof error.code === 'string' ? error.code : null)
          ? 'model-unavailable'
          : kindForStatus(error.status);
    return new ProviderError('openai', kind, `HTTP ${error.status}: ${error.message.slice(0, 200)}`, {
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  return new ProviderError('openai', 'unknown', error instanceof Error ? error.message.slice(0, 200) : String(error), { cause: error });
}
