import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/index.js';

/** An ephemeral reply for ack() or respond(): only the person who acted sees it. */
export function ephemeral(text: string): RespondArguments {
  return { response_type: 'ephemeral', text, replace_original: false };
}

export function ephemeralMessage(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks, replace_original: false };
}

/**
 * Tells the person who clicked something: through the interaction's
 * response_url when there is one (messages), else as a DM (the App Home
 * tab has no response_url).
 */
export async function tell(target: { respond?: RespondFn | undefined; client: webApi.WebClient; userId: string }, text: string): Promise<void> {
  if (target.respond) {
    await target.respond(ephemeral(text));
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, text });
}
