import type { TriageRequest } from '../../core/index.js';
import { SkillCatalog } from '../../core/index.js';

/** Retry hooks that never wait: the delays asked for are recorded instead. */
export function instantHooks(): { sleep: (ms: number) => Promise<void>; random: () => number; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
}

/** A triage request as core's use case builds it. */
export function request(overrides: Partial<TriageRequest['ticket']> = {}, similar: TriageRequest['similar'] = []): TriageRequest {
  return {
    ticket: { id: 't-1', ref: 7, title: 'VPN keeps dropping', description: 'The VPN disconnects every ten minutes since Monday.', ...overrides },
    similar,
    staffSkills: ['vpn', 'networking', 'printers'],
    catalog: new SkillCatalog().ids(),
  };
}

export const SIMILAR = [{ ticketId: 'old-1', ref: 3, title: 'VPN drops hourly', resolution: 'Updated the VPN client to 5.2', score: 0.7 }];
