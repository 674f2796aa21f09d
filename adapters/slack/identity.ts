/**
 * Slack identities are `slack:<team>:<user>`: one Person per Slack user.
 * Enterprise Grid user ids (`W…`) are global, but the team keeps identities
 * of separate workspaces apart.
 */
export const SLACK_PLATFORM = 'slack';

export function slackIdentity(teamId: string, userId: string): string {
  return `${SLACK_PLATFORM}:${teamId}:${userId}`;
}

/** The Slack user id inside a person's identities, or null when they have none. */
export function slackUserId(identities: readonly string[]): string | null {
  for (const identity of identities) {
    const m = /^slack:[^:\s]+:([A-Z0-9]+)$/.exec(identity);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** `<@U123>` or `<@U123|name>` (escaped mentions in slash commands) → the user id. */
export function parseMention(token: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m?.[1] ?? null;
}
