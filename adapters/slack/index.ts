/** The Slack surface: a Bolt app for commands, buttons, modals, relay and App Home, and the `slack` notification channel. */
export { createSlackChannel, createSlackSurface, type SlackChannelOptions, type SlackSurface, type SlackSurfaceOptions } from './surface.js';
export { SLACK_DEFAULTS, type RetryOptions, type SlackConfig } from './config.js';
export { PERMANENT_SLACK_ERRORS, SlackChannel, slackErrorCode } from './channel.js';
export { slackIdentity, slackUserId } from './identity.js';
export type { RequestListener } from './http.js';
