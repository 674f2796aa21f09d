/**
 * The Discord surface: `/ticket`, `/tickets`, `/skills`, the "Create
 * ticket" message menu, moderator and requester DMs with buttons, DM relay,
 * and the `discord` notification channel.
 */
export { createDiscordSurface, INTENTS, PARTIALS, type DiscordConfig, type DiscordSurface, type DiscordSurfaceOptions } from './surface.js';
export { registerCommands, diffCommands, formatRegisterReport, type RegisterOptions, type RegisterReport, type CommandChange } from './register.js';
export { commandDefinitions, COMMANDS } from './commands.js';
export { createDiscordChannel, DiscordChannel, type DiscordChannelOptions } from './channel.js';
export { buildModeratorCard, buildRequesterCard, moderatorButtons } from './render/cards.js';
export { buildResolveModal, buildTicketModal } from './render/modals.js';
export { renderNotification, type Delivery } from './render/notifications.js';
export { discordIdentity, discordUserId } from './identity.js';
