import { ApiError, GoogleGenAI } from '@google/genai';
import { isModelUnavailable, kindForStatus, parseRetryAfter, ProviderError } from '../../core/triage/index.js';

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
export const GEMINI_API_VERSION = 'v1beta';
export const GEMINI_DEFAULT_TIMEOUT_MS = 30_000;

/** How to reach the Gemini API (or a proxy or fake speaking its REST protocol). */
export interface GeminiConnection {
  readonly apiKey: string;
  /** Without the version: the SDK appends `/v1beta`. */
  readonly baseUrl?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/**
 * The SDK client with everything explicit: the Gemini API (not Vertex),
 * our base URL, a per-attempt timeout, and a single attempt per call (the
 * SDK's retry ignores Retry-After; core's retry helper honours it). The
 * key goes in the `x-goog-api-key` header.
 */
export function geminiClient(connection: GeminiConnection): GoogleGenAI {
  return new GoogleGenAI({
    apiKey: connection.apiKey,
    vertexai: false,
    apiVersion: GEMINI_API_VERSION,
    httpOptions: {
      baseUrl: connection.baseUrl ?? GEMINI_DEFAULT_BASE_URL,
      timeout: connection.timeoutMs ?? GEMINI_DEFAULT_TIMEOUT_MS,
      retryOptions: { attempts: 1 },
    },
  });
}

/**
 * The SDK's ApiError keeps status and body but drops the headers, so each
 * call gets a fetch that remembers `Retry-After` of a failed response.
 */
export function headerCapturingFetch(): { fetch: typeof fetch; retryAfter: () => Headers | undefined } {
  let failed: Headers | undefined;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!response.ok) failed = response.headers;
      return response;
    },
    retryAfter: () => failed,
  };
}

/** Classifies an SDK failure; a 429 may say when to retry in a header or in `google.rpc.RetryInfo`. */
export function toProviderError(error: unknown, failedHeaders?: Headers, now = Date.now()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof ApiError) {
    const retryAfterMs = parseRetryAfter(failedHeaders, now) ?? retryInfoDelay(error.message);
    // Gemini answers a bad key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), not 401.
    const badKey = error.status === 400 && /API_KEY_INVALID|API key not valid/.test(error.message);
    const message = errorMessage(error.message);
    const kind = badKey ? 'auth' : isModelUnavailable(error.status, message) ? 'model-unavailable' : kindForStatus(error.status);
    return new ProviderError('gemini', kind, `HTTP ${error.status}: ${message}`, {
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return new ProviderError('gemini', 'timeout', 'request timed out', { cause: error });
  if (error instanceof TypeError) return new ProviderError('gemini', 'network', 'connection failed', { cause: error });
  return new ProviderError('gemini', 'unknown', error instanceof Error ? error.message.slice(0, 200) : String(error), { cause: error });
}

/** `{"error":{"message": …}}` → the message. */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message.slice(0, 200);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200);
}

/** `details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "17s" }]` → 17000. */
function retryInfoDelay(body: string): number | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { details?: { '@type'?: string; retryDelay?: string }[] } };
    const info = parsed.error?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
    const m = info?.retryDelay ? /^(\d+(?:\.\d+)?)s$/.exec(info.retryDelay) : null;
    return m?.[1] ? Math.round(Number(m[1]) * 1000) : undefined;
  } catch {
    return undefined;
  }
}
