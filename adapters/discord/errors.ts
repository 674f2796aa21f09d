/**
 * An error as it may be logged: REST errors carry the request URL, and an
 * interaction's URL contains its token (a 15-minute credential for replying),
 * so the token is cut out.
 */
export function loggable(error: unknown): unknown {
  if (!(error instanceof Error) || !('url' in error) || typeof error.url !== 'string') return error;
  const e = error as Error & { url: string; code?: unknown; status?: unknown; method?: unknown };
  return { name: e.name, message: e.message, code: e.code, status: e.status, method: e.method, url: redactUrl(e.url), stack: e.stack };
}

/** `/interactions/{id}/{token}/…` and `/webhooks/{app}/{token}/…` with the token replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?]+/g, '/$1/$2/[token]');
}
