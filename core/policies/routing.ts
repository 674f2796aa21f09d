import { identityPlatform, type Person } from '../domain/person.js';
import type { NotificationChannel } from '../ports/notifier.js';

/**
 * The order in which to try channels for a person: their preferred email
 * first if they asked for it, then chat platforms they have an identity on
 * (the ticket's own platform first), then email as the fallback.
 */
export function routeChannels(
  person: Person,
  channels: readonly NotificationChannel[],
  originPlatform?: string,
): NotificationChannel[] {
  const reachable = channels.filter((c) => c.canReach(person));
  const chat = reachable.filter((c) => c.kind === 'chat');
  const email = reachable.filter((c) => c.kind === 'email');
  const platforms = new Set(person.identities.map(identityPlatform));
  chat.sort((a, b) => rank(a) - rank(b));
  function rank(c: NotificationChannel): number {
    if (c.name === originPlatform) return 0;
    return platforms.has(c.name) ? 1 : 2;
  }
  return person.prefersEmail ? [...email, ...chat] : [...chat, ...email];
}
