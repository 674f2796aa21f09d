/** The console chat surface: the embedded default, started when no Slack or Discord is configured. */
export { ConsoleChannel } from './channel.js';
export { ConsoleSurface, type ConsoleSurfaceOptions } from './surface.js';
export { HELP, consoleMention, runCommand } from './commands.js';
export { formatMessage, formatNotice, terminalSafe, type ConsoleOutput } from './output.js';
