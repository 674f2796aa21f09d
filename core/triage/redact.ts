import type { TriageRequest } from '../ports/triage.js';

/**
 * Removes personal data and secrets from text before it leaves for an
 * external model provider: the provider never needs them to triage, and a
 * ticket is exactly where people paste passwords and tokens. Each finding is
 * replaced by a visible placeholder, so the model (and a reader of the
 * prompt) knows something was there. docs/ai.md lists every shape with an
 * example; the tests run that very list.
 */
export type RedactionKind = 'email' | 'secret' | 'password' | 'card' | 'phone';

export const PLACEHOLDER: Readonly<Record<RedactionKind, string>> = {
  email: '[REDACTED_EMAIL]',
  secret: '[REDACTED_SECRET]',
  password: '[REDACTED_PASSWORD]',
  card: '[REDACTED_CARD]',
  phone: '[REDACTED_PHONE]',
};

export interface Redacted {
  readonly text: string;
  /** How many findings of each kind were replaced (never the values). */
  readonly counts: Partial<Record<RedactionKind, number>>;
}

/** Well-known key and token shapes; each is specific enough to have no false positives in prose. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{16,}/g, // OpenAI, Anthropic, Stripe-style secret keys
  /\b(?:rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g, // Stripe restricted/publishable keys
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\bxapp-[A-Za-z0-9-]{10,}/g, // Slack app-level tokens
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google API keys
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/-]{16,}=*/g, // Authorization header values
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/**
 * Every pattern below is linear on hostile input (tickets are up to 8,000
 * characters): matches may only start where a run begins (lookbehind) and
 * open-ended runs are bounded, so a long run without a match is not re-scanned
 * from each of its characters.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Words for "password" in English, German, French, Spanish and Portuguese
 * (plus the usual abbreviations). Letters are matched with Unicode classes:
 * `\b` does not know that `ñ` is a letter.
 */
const PASSWORD_WORDS = String.raw`passwords?|passwd|pwd|pw|passcode|passphrase|passwort|kennwort|mot de passe|mdp|contrase[ñn]a|senha|palavra-passe`;

/**
 * Credential names as in `.env`, INI and AWS credential files: any
 * identifier with a part that is secret, password, token or key (parts split
 * at `_`, `-`, `.`, so `aws_secret_access_key` and `GITHUB_TOKEN` count and
 * `keyboard` does not), `apiKey`-style joined names, and the password words.
 */
const SENSITIVE_PART = String.raw`(?:api|client|access|secret|private|auth|app|bot|db|refresh|session)?(?:secret|password|passwd|pwd|passphrase|token|key|credentials?|pin)`;
const CREDENTIAL_NAME = String.raw`(?:[A-Za-z0-9]{1,30}[_.-]){0,6}${SENSITIVE_PART}(?:[_.-][A-Za-z0-9]{1,30}){0,6}|(?:client|api|access|secret|private) (?:secret|key)|${PASSWORD_WORDS}`;
const VALUE = String.raw`"[^"\n]*"|'[^'\n]*'|[^\s"']\S*`;

/** `password: x`, `pwd=x`, `aws_secret_access_key = x`, `mot de passe : x`: the value always goes. */
const CREDENTIAL_ASSIGNMENT = new RegExp(String.raw`(?<![\p{L}\p{N}_.-])(${CREDENTIAL_NAME})(\s*[:=]\s*)(${VALUE})`, 'giu');

/** Words that join "password" to what it is for ("the password for the VPN is …"). */
const FOR_WORDS = String.raw`for|of|to|für|fuer|vom|von|zum|zur|du|de|des|pour|del|para|do|da|dos|das`;
/** "is" in the five languages ("lautet" is German's "reads"). */
const IS_WORDS = String.raw`is|ist|lautet|est|es|é|eh`;

/**
 * `my password is X`, `the password for the VPN is X`, `das Passwort für
 * das VPN ist X`, `le mot de passe du wifi est X`, `la contraseña es X`,
 * `a senha é X`, and plain `password X`: only when X looks like a password,
 * so "password reset" and "the password is expired" stay.
 */
const PASSWORD_PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(${PASSWORD_WORDS})((?:\s+(?:${FOR_WORDS})\s+[^\n:=]{1,40}?)?\s+(?:${IS_WORDS})\s+|\s+)(${VALUE})`,
  'giu',
);

/** Long hex runs (API keys, session ids) and long mixed-case base64 runs. */
const LONG_HEX = /\b[0-9a-fA-F]{32,}\b/g;
const LONG_BASE64 = /[A-Za-z0-9+/_-]{32,}={0,2}/g;

/** 13–19 digits, optionally grouped by spaces or hyphens. Checked with Luhn before redacting. */
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/** Phone-like runs: an optional +, digits with spaces, dots, hyphens or parentheses. */
const PHONE_CANDIDATE = /(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{6,22}\d(?!\w)/g;
const PHONE_CONTEXT = /\b(?:phone|tel|telephone|mobile|cell|call|sms|whatsapp|fax|ring)\b[^\n\d]{0,20}$/i;

/** Redacts one piece of text. */
export function redactText(input: string): Redacted {
  const counts: Partial<Record<RedactionKind, number>> = {};
  const bump = (kind: RedactionKind) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    return PLACEHOLDER[kind];
  };
  let text = input;
  for (const re of TOKEN_PATTERNS) {
    text = text.replace(re, (m) => (/^(Bearer|Basic)\s/.test(m) ? `${m.split(/\s/)[0]} ${bump('secret')}` : bump('secret')));
  }
  text = text.replace(EMAIL, () => bump('email'));
  text = text.replace(CREDENTIAL_ASSIGNMENT, (m, key: string, sep: string, value: string) => {
    if (value.startsWith('[REDACTED_')) return m;
    // A bare "key:" or "pin:" in prose ("Key: press F2") needs a value that looks like one.
    if (/^(?:key|pin|token)$/i.test(key) && !looksLikeSecret(value) && !/^\d{4,8}$/.test(value)) return m;
    return `${key}${sep}${bump('password')}`;
  });
  text = text.replace(PASSWORD_PHRASE, (m, key: string, sep: string, value: string) => {
    if (value.startsWith('[REDACTED_') || !looksLikeSecret(value)) return m;
    return `${key}${sep}${bump('password')}`;
  });
  text = text.replace(LONG_HEX, () => bump('secret'));
  text = text.replace(LONG_BASE64, (m) => (looksLikeEncodedSecret(m) ? bump('secret') : m));
  text = text.replace(CARD_CANDIDATE, (m) => (luhnValid(m.replace(/\D/g, '')) ? bump('card') : m));
  text = text.replace(PHONE_CANDIDATE, (m, offset: number, whole: string) => redactPhone(m, whole.slice(Math.max(0, offset - 40), offset), () => bump('phone')));
  return { text, counts };
}

/** True when the digits pass the Luhn checksum used by payment cards. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function looksLikeSecret(value: string): boolean {
  const v = value.replace(/^["']|["'.,;!?]+$/g, '');
  if (v.length < 6) return false;
  const mixesLettersAndDigits = /[0-9]/.test(v) && /[A-Za-z]/.test(v);
  const hasSymbol = /[^A-Za-z0-9]/.test(v);
  return mixesLettersAndDigits || hasSymbol;
}

/**
 * Mixed case plus digits in one long unbroken run: encoded key material,
 * not a word, an identifier or a URL path (whose segments are short).
 */
function looksLikeEncodedSecret(run: string): boolean {
  const longest = run.split(/[/+_-]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 20 && /[a-z]/.test(longest) && /[A-Z]/.test(longest) && /[0-9]/.test(longest);
}

/**
 * The candidate run may carry a number after the phone number ("0151
 * 23456789 9 times"): when the whole run is not a phone number, the longest
 * prefix ending at a group boundary that has a distinctive phone shape gets
 * redacted.
 */
function redactPhone(candidate: string, before: string, replacement: () => string): string {
  if (isPhone(candidate, before)) return replacement();
  for (let end = candidate.search(/[\s().-]+\d*$/); end > 0; end = candidate.slice(0, end).search(/[\s().-]+\d*$/)) {
    const head = candidate.slice(0, end);
    // Only the distinctive shapes here: a loosely grouped prefix of a longer run is more often an order or serial number.
    if (/\d$/.test(head) && isPhone(head, before, false)) return `${replacement()}${candidate.slice(end)}`;
  }
  return candidate;
}

function isPhone(candidate: string, before: string, grouped = true): boolean {
  const m = candidate.trim();
  const digits = m.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  // Dates, times, IP addresses and version numbers share the shape; they are not phone numbers.
  if (/^\d{4}-\d{1,2}-\d{1,2}\b/.test(m) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(m)) return false;
  if (/^\d+(\.\d+){2,}$/.test(m)) return false;
  if (m.startsWith('+') || m.startsWith('00') || m.startsWith('(')) return true;
  if (PHONE_CONTEXT.test(before)) return true;
  const groups = m.split(/[\s().-]+/).filter(Boolean);
  // National format with a trunk 0 (DE 0151 23456789, 030 1234567; UK 07700 900123; FR 06 12 34 56 78; IT 06 1234 5678).
  if (/^0[1-9]/.test(m) && digits.length >= 10 && digits.length <= 12 && groups.length >= 2 && (groups[0] as string).length <= 5) return true;
  // Grouped like a phone number (US 415-555-2671, ES 612 34 56 78, IT 347 123 4567): at least two separators and 9+ digits.
  return grouped && groups.length >= 3 && digits.length >= 9 && groups.every((g) => g.length <= 5);
}

/** A triage request with every text field that leaves for a provider redacted. */
export function redactRequest(request: TriageRequest): { request: TriageRequest; counts: Partial<Record<RedactionKind, number>> } {
  const total: Partial<Record<RedactionKind, number>> = {};
  const r = (s: string) => {
    const out = redactText(s);
    for (const [k, n] of Object.entries(out.counts) as [RedactionKind, number][]) total[k] = (total[k] ?? 0) + n;
    return out.text;
  };
  return {
    request: {
      ...request,
      ticket: { ...request.ticket, title: r(request.ticket.title), description: r(request.ticket.description) },
      similar: request.similar.map((s) => ({ ...s, title: r(s.title), resolution: r(s.resolution) })),
      // Staff wrote these, but they leave for a provider all the same.
      ...(request.skills
        ? { skills: request.skills.map((k) => ({ ...k, ...(k.description ? { description: r(k.description) } : {}), ...(k.words ? { words: k.words.map(r) } : {}) })) }
        : {}),
      ...(request.precedents ? { precedents: request.precedents.map((p) => ({ ...p, title: r(p.title) })) } : {}),
    },
    counts: total,
  };
}
