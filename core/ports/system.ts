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
