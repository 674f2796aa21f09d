/** Time source; tests control it. */
export interface Clock {
  now(): Date;
}

/** Unique ids for entities (UUIDs in production, sequential in tests). */
export interface IdGenerator {
  newId(): string;
}

/** The logging surface core needs; pino loggers satisfy it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * SHA-256 as lowercase hex of the text's UTF-8 bytes. Core keys caches and
 * stored vectors by it (a collision would hand one ticket another's
 * triage) but may not import node:crypto: bot/ supplies the platform's.
 */
export interface Hasher {
  sha256Hex(text: string): string;
}

/** Told whenever durable work was enqueued, so a runner can pick it up without polling delay. */
export interface WorkSignal {
  workAvailable(): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
