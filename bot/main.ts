/**
 * Entry point: `npm start`. Reads `.env` when present, validates the whole
 * configuration at once, builds the helpdesk and runs until stopped (or, in
 * scripted console use, until the input ends and its work has settled).
 */
import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { buildApp, StartupError, type App } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });

const parsed = loadConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`helpdesk-bot cannot start; fix these settings (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(2);
}
const config = parsed.config;
const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });

let app: App | null = null;
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await app?.stop();
  } catch (error) {
    logger.error({ err: error }, 'error while stopping');
    code = code || 1;
  }
  process.exit(code);
}

// A reader that went away (`npm start | head`) ends the session quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') void shutdown(0);
});
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  app = await buildApp(config, logger, {
    input: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
    onConsoleEnd: () => void shutdown(0),
  });
  await app.start();
} catch (error) {
  // A start that failed half-way (a port in use) still gives back the runner's heartbeat and the store, so a retry is not refused.
  await app?.stop().catch((stopError: unknown) => logger.warn({ err: stopError }, 'error while releasing after a failed start'));
  if (error instanceof StartupError) {
    process.stderr.write(`helpdesk-bot cannot start: ${error.message}\n`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
