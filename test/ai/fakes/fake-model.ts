/**
 * A deterministic stand-in for a chat model: reads the ticket and the
 * similar tickets out of the prompt the engines build and answers with
 * schema-valid triage JSON. Keyword rules are enough to check wiring.
 */
export interface PromptData {
  readonly ticket: { ref: number; title: string; description: string };
  readonly similar: { ref: number; title: string; resolution: string }[];
  /** The skills offered: what each covers and the words staff taught it. */
  readonly skills: { id: string; about: string; words?: string[] }[];
  /** Tickets staff corrected (absent from the prompt when there are none). */
  readonly examples: { ref: number; title: string; skills: string[]; category: string; priority: 'LOW' | 'MEDIUM' | 'HIGH' }[];
}

const SKILL_WORDS: readonly [RegExp, string][] = [
  [/\bvpn\b/i, 'vpn'],
  [/\b(print(er|ing)?|copier)\b/i, 'printers'],
  [/\b(password|login|sso|mfa)\b/i, 'accounts'],
  [/\b(email|outlook|mailbox)\b/i, 'email'],
  [/\b(laptop|monitor|keyboard)\b/i, 'hardware'],
  [/\bwi-?fi|network\b/i, 'networking'],
];

/** Pulls the tagged JSON blocks back out of a user prompt. */
export function readPrompt(user: string): PromptData {
  const block = (tag: string): string => {
    const m = new RegExp(`<${tag}>\\s*([\\s\\S]*?)\\s*</${tag}>`).exec(user);
    if (!m?.[1]) throw new Error(`prompt has no <${tag}> block`);
    return m[1];
  };
  const optional = (tag: string): string => (user.includes(`<${tag}>`) ? block(tag) : '[]');
  return {
    ticket: JSON.parse(block('ticket')) as PromptData['ticket'],
    similar: JSON.parse(block('similar_resolved_tickets')) as PromptData['similar'],
    skills: Object.entries(JSON.parse(block('skills')) as Record<string, string>).map(([id, line]) => {
      const [about = '', words] = line.split(/ ?Words: /);
      return { id, about, ...(words ? { words: words.replace(/\.$/, '').split(', ') } : {}) };
    }),
    examples: JSON.parse(optional('corrected_examples')) as PromptData['examples'],
  };
}

export interface TriageJson {
  summary: string;
  category: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
  skills: string[];
  notes: string;
  suggestedFix: string | null;
  references: number[];
  confidence: number;
}

/**
 * The fake model's answer for a prompt: keyword skills, plus an offered
 * skill whose taught words the ticket uses; a corrected example, when
 * shown, decides skills and priority (a model following its examples).
 */
export function fakeTriage(user: string): TriageJson {
  const { ticket, similar, skills: offered, examples } = readPrompt(user);
  const text = `${ticket.title}\n${ticket.description}`;
  const lower = text.toLowerCase();
  const skills = SKILL_WORDS.filter(([re]) => re.test(text)).map(([, s]) => s);
  for (const s of offered) if (!skills.includes(s.id) && (s.words ?? []).some((w) => lower.includes(w.toLowerCase()))) skills.push(s.id);
  const example = examples[0];
  if (example) skills.splice(0, skills.length, ...example.skills);
  const first = similar[0];
  return {
    summary: `${ticket.title}.`,
    category: example ? example.category : skills.includes('vpn') || skills.includes('networking') ? 'network' : skills.includes('printers') ? 'hardware' : 'general',
    priority: example ? example.priority : /\b(outage|everyone|all users)\b/i.test(text) ? 'HIGH' : 'MEDIUM',
    skills,
    notes: 'Check the client logs first.',
    suggestedFix: first ? `Do what fixed #${first.ref}: ${first.resolution}` : null,
    references: first ? [first.ref] : [],
    confidence: 0.8,
  };
}

/** Rough token count, the way the fakes report usage. */
export function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}
