import type { TriageEngine } from '../ports/triage.js';

/** The engine that never leaves the machine and always answers; it closes every chain. */
export const LOCAL_ENGINE = 'local';

/** Default preference when `AI_PROVIDERS` is unset: the cheaper provider first, then the other, then local. */
export const DEFAULT_PROVIDER_ORDER: readonly string[] = ['gemini', 'openai', LOCAL_ENGINE];

export interface EngineOrder {
  readonly engines: TriageEngine[];
  /** Configuration mistakes, each a sentence with the fix (unknown or unconfigured names). */
  readonly problems: string[];
  /** Adjustments made on the way (local moved or added last). */
  readonly notes: string[];
}

/**
 * Turns `AI_PROVIDERS` (e.g. `openai,gemini,local`) into the chain's engine
 * list. `available` maps each provider name to its engine, or null when its
 * key or URL is not configured. Without an order, every configured
 * provider is used in {@link DEFAULT_PROVIDER_ORDER}. The local engine is
 * always last (added when missing, moved when listed earlier): after it no
 * engine would ever be asked, and without it a ticket could go untriaged.
 */
export function orderEngines(available: Readonly<Record<string, TriageEngine | null | undefined>>, order?: readonly string[]): EngineOrder {
  const problems: string[] = [];
  const notes: string[] = [];
  const names = (order && order.length > 0 ? order : DEFAULT_PROVIDER_ORDER.filter((n) => available[n]))
    .map((n) => n.trim().toLowerCase())
    .filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  const known = Object.keys(available);
  const engines: TriageEngine[] = [];
  for (const name of names) {
    if (name === LOCAL_ENGINE) continue;
    if (!known.includes(name)) {
      problems.push(`AI_PROVIDERS names "${name}", which is not a provider. Use any of: ${known.join(', ')}.`);
      continue;
    }
    const engine = available[name];
    if (!engine) {
      problems.push(`AI_PROVIDERS lists "${name}", but it is not configured. Set its API key (for example ${name.toUpperCase()}_API_KEY) or remove it from AI_PROVIDERS.`);
      continue;
    }
    engines.push(engine);
  }
  const local = available[LOCAL_ENGINE];
  if (local) {
    const listed = names.indexOf(LOCAL_ENGINE);
    if (order && order.length > 0 && listed === -1) notes.push('The local engine was added at the end of AI_PROVIDERS so every ticket gets triaged.');
    if (listed !== -1 && listed !== names.length - 1) notes.push('The local engine was moved to the end of AI_PROVIDERS: engines after it would never be asked.');
    engines.push(local);
  } else {
    notes.push('No local engine is configured: when every provider fails, tickets get a minimal triage to be done by hand.');
  }
  return { engines, problems, notes };
}
