import type { Priority } from '../../core/index.js';

/**
 * Priority from wording. Signals are fixed word sequences looked up in a
 * map (no pattern is built from ticket text): anything that stops many
 * people working, threatens security or data, or has a deadline is HIGH;
 * a question or how-to is LOW; everything else is MEDIUM.
 */
const HIGH_SIGNALS: Readonly<Record<string, readonly string[]>> = {
  outage: ['outage', 'outages', 'down for everyone', 'is down', 'are down', 'went down', 'service down', 'site down', 'server down', 'system down', 'not working for anyone', 'nobody can', 'no one can', 'none of us can', 'whole office', 'whole team', 'entire office', 'entire team', 'all users', 'everyone in'],
  impact: ['many users', 'many people', 'multiple users', 'several users', 'all staff', 'users affected', 'people affected', 'whole company', 'company-wide', 'production down', 'production is down', 'prod down', 'customers affected', 'blocking everyone'],
  security: ['security', 'breach', 'breached', 'phishing', 'phished', 'malware', 'ransomware', 'virus', 'hacked', 'compromised', 'data leak', 'leaked', 'suspicious login', 'stolen', 'unauthorized', 'unauthorised'],
  data: ['data loss', 'lost data', 'lost all', 'lost my', 'deleted by mistake', 'accidentally deleted', 'corrupted', 'corruption', 'disk failure', 'cannot recover', "can't recover", 'backup failed'],
  deadline: ['deadline', 'urgent', 'urgently', 'asap', 'emergency', 'critical', 'immediately', 'right now', 'by today', 'by tomorrow', 'before the meeting', 'end of day', 'time-sensitive', 'blocker'],
};

const LOW_SIGNALS: readonly string[] = [
  'how do i', 'how can i', 'how to', 'how would i', 'is it possible', 'is there a way', 'can i', 'could i', 'would it be possible',
  'question', 'wondering', 'what is the best way', 'any tips', 'request', 'nice to have', 'when convenient', 'no rush', 'not urgent',
  'low priority', 'whenever',
];

interface Signal {
  readonly phrase: string;
  readonly kind: string;
}

const HIGH = new Map<string, Signal>();
for (const [kind, phrases] of Object.entries(HIGH_SIGNALS)) for (const phrase of phrases) HIGH.set(phrase, { phrase, kind });
const LOW = new Map<string, Signal>(LOW_SIGNALS.map((phrase) => [phrase, { phrase, kind: 'question' }]));
/** Phrases that cancel a HIGH reading: "not urgent" must not count as "urgent". */
const NEGATED = new Set(['not urgent', 'no rush', 'low priority', 'not critical', 'not a security']);
const MAX_WORDS = 5;

const WORDS = /[a-z0-9']+/g;

export interface PriorityReading {
  readonly priority: Priority;
  /** The signals found, e.g. `outage: "is down"`, for the moderator's notes. */
  readonly reasons: string[];
}

/** Reads the priority of a ticket from its title and description. */
export function readPriority(title: string, description: string): PriorityReading {
  const text = `${title}\n${description}`.toLowerCase().replace(/[’‘]/g, "'");
  const words = text.match(WORDS) ?? [];
  const high: Signal[] = [];
  const low: Signal[] = [];
  const negated = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
      key = n === 1 ? (words[i] ?? '') : `${key} ${words[i + n - 1] ?? ''}`;
      if (NEGATED.has(key)) negated.add(words[i + n - 1] ?? '');
      const h = HIGH.get(key);
      if (h && !high.some((s) => s.phrase === h.phrase)) high.push(h);
      const l = LOW.get(key);
      if (l && !low.some((s) => s.phrase === l.phrase)) low.push(l);
    }
  }
  const real = high.filter((s) => !negated.has(s.phrase.split(' ').at(-1) ?? ''));
  if (real.length) return { priority: 'HIGH', reasons: real.slice(0, 3).map((s) => `${s.kind}: "${s.phrase}"`) };
  if (low.length || text.includes('?')) {
    return { priority: 'LOW', reasons: low.length ? low.slice(0, 2).map((s) => `question: "${s.phrase}"`) : ['question: the ticket asks a question'] };
  }
  return { priority: 'MEDIUM', reasons: [] };
}
