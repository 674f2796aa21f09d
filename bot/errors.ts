/** A start-up problem the person running the bot can fix (bad DATA_DIR, unreachable database). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be looked up (DNS)',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate is self-signed",
};

const REFUSED_CREDENTIALS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'TokenInvalid']);

/**
 * One line that says what to do when a chat platform cannot be started:
 * unreachable (network, base URL) or credentials refused. `settings` names
 * the variables to check, e.g. `SLACK_BOT_TOKEN` and `SLACK_API_URL`.
 */
export function platformStartupError(platform: string, settings: { token: string; url: string }, error: unknown): StartupError {
  const code = errorCode(error);
  if (code && REFUSED_CREDENTIALS.has(code))
    return new StartupError(`${platform} refused ${settings.token} (${code}); copy the token again from the app's settings.`);
  const network = code ? NETWORK_CODES[code] : undefined;
  if (network)
    return new StartupError(`${platform} cannot be reached at start-up: ${network} (${code}). Check the network, proxy and ${settings.url}, then start again.`);
  const message = error instanceof Error ? error.message : String(error);
  return new StartupError(`${platform} could not be started: ${message.split('\n')[0]}. Check ${settings.token} and ${settings.url}.`);
}

/** One line for an HTTP server that cannot listen on PORT. */
export function listenStartupError(port: number, error: unknown): StartupError {
  const code = errorCode(error);
  if (code === 'EADDRINUSE') return new StartupError(`PORT ${port} is already in use by another program: stop that program or set PORT to a free port.`);
  if (code === 'EACCES' || code === 'EPERM')
    return new StartupError(`PORT ${port} needs more rights than this user has (ports below 1024 usually need root): set PORT to 1024 or above, such as 3000.`);
  if (code === 'EADDRNOTAVAIL') return new StartupError(`PORT ${port}: the address is not available on this machine.`);
  const message = error instanceof Error ? error.message : String(error);
  return new StartupError(`PORT ${port}: the HTTP server could not start (${message}).`);
}

/** The most specific code an error carries: a platform's own error word, or the system error under it. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown }; original?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.data?.error === 'string') return e.data.error;
  const nested = errorCode(e.original, depth + 1) ?? errorCode(e.cause, depth + 1) ?? (Array.isArray(e.errors) ? errorCode(e.errors[0], depth + 1) : undefined);
  if (nested && (NETWORK_CODES[nested] || REFUSED_CREDENTIALS.has(nested))) return nested;
  if (typeof e.code === 'string' && (NETWORK_CODES[e.code] || REFUSED_CREDENTIALS.has(e.code) || !nested)) return e.code;
  return nested ?? (typeof e.code === 'string' ? e.code : undefined);
}
