/**
 * `npm run discord:register`: registers (or updates) the helpdesk's Discord
 * commands in every server the helpdesk serves (DISCORD_GUILD_IDS, or
 * DISCORD_GUILD_ID for one) and prints what changed. Server commands show
 * up at once, and only there; other servers never see them.
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

let failed = false;
for (const guildId of c.discord.guildIds) {
  try {
    const report = await registerCommands({
      token: c.DISCORD_TOKEN,
      applicationId: c.DISCORD_APPLICATION_ID,
      guildId,
      ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
    });
    process.stdout.write(`${formatRegisterReport(report)}\n`);
  } catch (error) {
    // One server refusing (the bot was never invited there) does not stop the others.
    failed = true;
    const status = (error as { status?: number }).status;
    const hint = status === 401 ? ' (the token was refused: reset it in the developer portal)' : status === 403 ? ' (is the bot in that server, invited with the applications.commands scope?)' : '';
    process.stderr.write(`Registering Discord commands in server ${guildId} failed: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
  }
}
if (failed) process.exit(1);
