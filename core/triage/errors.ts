/**
 * Failures of an external model provider, classified once by the adapter
 * so that retrying, failing over and the circuit breaker can be decided in
 * core without knowing any SDK.
 */
export type ProviderErrorKind =
  /** 429: the provider asks us to slow down; `retryAfterMs` when it said how long. */
  | 'rate-limit'
  /** 5xx or 408: the provider failed this request; another attempt may work. */
  | 'server'
  /** The per-call deadline passed; waiting longer is not worth it for a ticket. */
  | 'timeout'
  /** The connection failed (refused, reset, DNS). */
  | 'network'
  /** 401/403: the key is wrong or lacks access; retrying cannot help. */
  | 'auth'
  /**
   * The configured model does not exist, is not served to this key, or has
   * been shut down: a configuration error. No ticket can succeed until the
   * model setting changes, so the provider is set aside instead of retried.
   */
  | 'model-unavailable'
  /** Any other 4xx: the request itself was refused. */
  | 'bad-request'
  /** The model declined to answer (refusal, safety block). */
  | 'refused'
  /** The answer did not match the schema, even after one repair attempt. */
  | 'invalid-output'
  | 'unknown';

export interface ProviderErrorDetails {
  readonly status?: number;
  /** How long the provider asked us to wait before the next attempt. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/** A provider call failed; `kind` decides what happens next. Messages never carry request text or keys. */
export class ProviderError extends Error {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    message: string,
    details: ProviderErrorDetails = {},
  ) {
    super(`${provider}: ${kind}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ProviderError';
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Worth another attempt at the same provider after a pause. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ProviderError && (error.kind === 'rate-limit' || error.kind === 'server' || error.kind === 'network');
}

/** Classifies an HTTP status the same way for every provider. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate-limit';
  if (status === 408 || status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 400) return 'bad-request';
  return 'unknown';
}

/**
 * Parses `Retry-After` (seconds or an HTTP date) and the non-standard
 * `retry-after-ms`, as OpenAI sends it. Returns undefined when absent or
 * unreadable; `now` makes HTTP dates testable.
 */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(raw)) return Math.max(0, Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * True when a provider's refusal says the model itself is gone: unknown
 * (404 for a model), or deprecated, retired or shut down. Both providers
 * answer so (OpenAI `model_not_found`, "The model `x` does not exist";
 * Gemini `NOT_FOUND`, "models/x is not found for API version v1beta").
 */
export function isModelUnavailable(status: number, message: string, code?: string | null): boolean {
  if (code === 'model_not_found') return true;
  if (status === 404 && /\bmodels?\b/i.test(message) && /not (?:be )?found|does not exist|not supported/i.test(message)) return true;
  return status >= 400 && status < 500 && /\bmodel/i.test(message) && /\b(?:deprecated|shut ?down|retired|discontinued|no longer (?:available|supported|served))\b/i.test(message);
}

/** Token usage of one or more calls. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage | undefined): TokenUsage {
  return b ? { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens } : a;
}

/**
 * A triage engine gave up on a ticket. Carries what the attempt cost, so the
 * chain still counts the calls and tokens of failed attempts.
 */
export class TriageAttemptError extends Error {
  constructor(
    readonly engine: string,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly calls: number,
    readonly usage: TokenUsage,
    cause?: unknown,
    /** For `model-unavailable`: the model asked for and the setting that names it (`OPENAI_MODEL`). */
    readonly model?: { readonly name: string; readonly setting: string },
  ) {
    super(`${engine}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'TriageAttemptError';
  }
}
