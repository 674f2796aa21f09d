import type { webApi } from '@slack/bolt';
import type { SlackRoutes } from '../routes.js';
import { isAdmin } from '../../../../core/index.js';
import { buildWatchedList } from '../../blocks/intake.js';
import { slackErrorCode } from '../../channel.js';
import type { SlackContext } from '../../context.js';
import { ephemeral } from '../reply.js';

const USAGE = 'Usage: `/helpdesk watch #channel` (new posts there become tickets), `/helpdesk unwatch #channel`, `/helpdesk list`. Without a channel, the one you are in.';
/** Errors of chat.postMessage that mean the bot is not in the channel (or cannot see it). */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * `/helpdesk watch|unwatch|list` (admins): support channels. Watching
 * announces itself in the channel first, which is also the check that the
 * bot is a member: Slack sends the bot only the messages of channels it was
 * added to.
 */
export function register(routes: SlackRoutes, ctx: SlackContext): void {
  routes.command('/helpdesk', async ({ command, ack, respond, client }) => {
    await ack();
    try {
      const who = await ctx.people.identify(command.team_id, command.user_id, command.user_name);
      if (!who.ok) return void (await respond(ephemeral(who.error.message)));
      if (!isAdmin(who.value)) return void (await respond(ephemeral('Only helpdesk admins can do that.')));
      const [verb = '', target = ''] = command.text.trim().split(/\s+/);
      const channel = parseChannel(target) ?? (target === '' ? { id: command.channel_id, name: command.channel_name } : null);
      switch (verb.toLowerCase()) {
        case 'list': {
          const list = await ctx.helpdesk.listWatchedChannels(who.value, 'slack');
          return void (await respond(ephemeral(list.ok ? buildWatchedList(list.value) : list.error.message)));
        }
        case 'watch': {
          if (!channel) return void (await respond(ephemeral(USAGE)));
          const joined = await announce(client, channel.id);
          if (!joined) return void (await respond(ephemeral(`I am not in <#${channel.id}>. Invite me first (\`/invite @Helpdesk\` in that channel), then try again.`)));
          const watched = await ctx.helpdesk.watchChannel(who.value, { platform: 'slack', channelId: channel.id, name: channel.name });
          const text = !watched.ok ? watched.error.message : watched.value.changed ? `<#${channel.id}> is now a support channel: new posts there become tickets, answered in their thread.` : `<#${channel.id}> already is a support channel.`;
          return void (await respond(ephemeral(text)));
        }
        case 'unwatch': {
          if (!channel) return void (await respond(ephemeral(USAGE)));
          const gone = await ctx.helpdesk.unwatchChannel(who.value, { platform: 'slack', channelId: channel.id });
          const text = !gone.ok ? gone.error.message : gone.value.changed ? `<#${channel.id}> is no longer a support channel. Tickets filed from it stay as they are.` : `<#${channel.id}> was not a support channel.`;
          return void (await respond(ephemeral(text)));
        }
        default:
          return void (await respond(ephemeral(USAGE)));
      }
    } catch (error) {
      await respond(ephemeral(ctx.errors.text(error, '/helpdesk', { slackUser: command.user_id })));
    }
  });
}

/** `<#C123|it-help>` (an escaped channel mention) → its id and name. */
export function parseChannel(token: string): { id: string; name: string } | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(token.trim());
  return m?.[1] ? { id: m[1], name: m[2] ? `#${m[2]}` : m[1] } : null;
}

/** Tells the channel it is watched; false when the bot cannot post there (it is not a member). */
async function announce(client: webApi.WebClient, channel: string): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel, text: ':ticket: This is now a support channel: a new post here becomes a helpdesk ticket, answered in its thread. Not a ticket? Use the button in that answer.' });
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== null && NOT_IN_CHANNEL.has(code)) return false;
    throw error;
  }
}
