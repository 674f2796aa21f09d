import { readPriority } from './priority.js';
import { foldWords } from './skill-matcher.js';

/** Openers and sign-offs that carry no fact. */
const FILLER_STARTS = [
  'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'regards', 'best', 'cheers', 'kind', 'hallo', 'danke', 'viele', 'mfg', 'bonjour', 'merci', 'cordialement', 'hola', 'gracias',
  'saludos', 'ola', 'oi', 'obrigado', 'obrigada', 'atenciosamente', 'respected', 'sent', 'from', 'on', 'gesendet', 'envoye', 'enviado',
];
const FILLER_PHRASES = ['i am contacting you', 'i am writing to', 'i m writing to', 'please let us know', 'can you please', 'could you please', 'this is the third time', 'hello again'];
/** Words that say since when, for whom, or what was already tried. */
const SINCE = new Set(['since', 'seit', 'depuis', 'desde', 'ago', 'yesterday', 'today', 'morning', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'gestern', 'heute', 'hier', 'ayer', 'hoy', 'ontem', 'hoje']);
const TRIED = new Set(['tried', 'restarted', 'rebooted', 'reinstalled', 'checked', 'verified', 'cleared', 'versucht', 'neu', 'essaye', 'redemarre', 'intentado', 'reiniciado', 'tentei', 'reiniciei']);

/**
 * One sentence a moderator can act on: the title, then the description's
 * most telling sentence (an incident or impact first, then what is broken
 * and since when), then what was already tried, on one line within `max`
 * characters. Greetings, quotes and signatures are skipped. A caller that
 * has read the ticket's priority passes whether it is HIGH: a ticket that is
 * not has no incident sentence to look for.
 */
export function summarize(title: string, description: string, max = 300, ticketHigh?: boolean): string {
  const t = oneLine(title, max);
  const d = description.replace(/\r\n?/g, '\n');
  if (oneLine(d, 2000) === t || d.trim() === '') return t;
  const sentences = d
    .split('\n')
    .filter((line) => !line.trim().startsWith('>'))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => oneLine(s, 400))
    .filter((s) => s !== '' && !filler(s));
  if (sentences.length === 0) return t;
  const scored = sentences.map((s, i) => {
    const words = foldWords(s);
    let score = i === 0 ? 1.5 : 1 / (i + 1);
    if (ticketHigh !== false && readPriority(s, '').priority === 'HIGH') score += 3;
    if (words.some((w) => SINCE.has(w))) score += 1;
    return { s, i, score, tried: words.some((w) => TRIED.has(w)) };
  });
  const main = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0];
  if (!main) return t;
  const tried = scored.find((x) => x.tried && x !== main);
  const head = `${t.replace(/[.:;,!?\s]+$/, '')}: ${main.s.replace(/[.!\s]+$/, '')}`;
  const withTried = tried ? stop(`${head}; ${lowerFirst(tried.s.replace(/[.!\s]+$/, ''))}`) : stop(head);
  if (withTried.length <= max) return withTried;
  return oneLine(stop(head), max);
}

/** A full stop, unless the sentence already ends with a question mark ("…her account and laptop?"). */
function stop(sentence: string): string {
  return sentence.endsWith('?') ? sentence : `${sentence}.`;
}

function filler(sentence: string): boolean {
  const words = foldWords(sentence);
  if (words.length === 0) return true;
  const joined = words.join(' ');
  if (FILLER_PHRASES.some((p) => joined.startsWith(p)) && words.length < 14) return true;
  return words.length <= 3 && FILLER_STARTS.includes(words[0] ?? '');
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]?.toLowerCase() ? (s[0] ?? '').toLowerCase() + s.slice(1) : s;
}

/** Whitespace folded to single spaces, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
