/**
 * `npm run discord:register`: registers (or updates) the helpdesk's Discord
 * commands and prints what changed. With DISCORD_GUILD_ID the commands go to
 * that one server and show up at once; without it they are global.
 */
import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { formatRegisterReport, registerCommands } from '../adapters/discord/index.js';
import { loadConfig } from './config.js';

if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });

const parsed = loadConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`Cannot register Discord commands; fix these settings (see .env.example):\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(2);
}
const c = parsed.config;
if (!c.DISCORD_TOKEN || !c.DISCORD_APPLICATION_ID) {
  process.stderr.write('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal → your application) to register commands.\n');
  process.exit(2);
}

try {
  const report = await registerCommands({
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    ...(c.DISCORD_GUILD_ID ? { guildId: c.DISCORD_GUILD_ID } : {}),
    ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
  });
  process.stdout.write(`${formatRegisterReport(report)}\n`);
} catch (error) {
  const status = (error as { status?: number }).status;
  const hint = status === 401 ? ' (the token was refused: reset it in the developer portal)' : status === 403 ? ' (is the bot in that server, invited with the applications.commands scope?)' : '';
  process.stderr.write(`Registering Discord commands failed: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
  process.exit(1);
}
