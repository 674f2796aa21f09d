/** A start-up problem the person running the bot can fix (bad DATA_DIR, unreachable database). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
