import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { fitContent, fitEmbed } from './limits.js';

/**
 * A message as the REST API takes it (`POST /channels/{id}/messages`,
 * interaction responses). Builders return these plain objects so they can
 * be tested without a client.
 */
export interface MessageBody {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Applies every limit to a body: content, each embed, at most 10 embeds. */
export function fitMessage(body: MessageBody): MessageBody {
  return {
    ...(body.content !== undefined ? { content: fitContent(body.content) } : {}),
    ...(body.embeds ? { embeds: body.embeds.slice(0, 10).map(fitEmbed) } : {}),
    ...(body.components ? { components: body.components.slice(0, 5) } : {}),
  };
}

/** Nothing the helpdesk sends may ping anyone: user text can contain `@everyone` or role mentions. */
export const NO_MENTIONS = { parse: [] as [] };

/** The REST body for a channel message, with mentions disabled. */
export function restBody(body: MessageBody): Record<string, unknown> {
  const fitted = fitMessage(body);
  return { content: fitted.content ?? '', embeds: fitted.embeds ?? [], components: fitted.components ?? [], allowed_mentions: NO_MENTIONS };
}

/** The same message as discord.js interaction methods take it. */
export function interactionBody(body: MessageBody): { content: string; embeds: APIEmbed[]; components: APIActionRowComponent<APIComponentInMessageActionRow>[]; allowedMentions: { parse: [] } } {
  const fitted = fitMessage(body);
  return {
    content: fitted.content ?? '',
    embeds: [...(fitted.embeds ?? [])],
    components: [...(fitted.components ?? [])],
    allowedMentions: NO_MENTIONS,
  };
}
