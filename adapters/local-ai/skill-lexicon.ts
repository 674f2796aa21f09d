/**
 * Hand-made lexicon for everyday IT support, the part of a helpdesk no
 * public tagged data covers (Stack Overflow titles are programming
 * questions). Keys are lowercase word sequences as {@link skillWords}
 * yields them, joined by one space; values are catalog ids.
 *
 * `strong` terms name the problem on their own (`vpn`, `printer`,
 * `phishing`). `weak` terms are ordinary words that also appear in
 * programming questions (`password`, `email`, `install`), so they count only
 * when the ticket does not read as a programming question.
 */
export interface LexiconEntry {
  readonly skill: string;
  readonly strong: boolean;
}

const STRONG: Readonly<Record<string, readonly string[]>> = {
  networking: ['wlan', 'ssid', 'no internet', 'packet loss', 'access point', 'network drive', 'network cable', 'network printer'],
  vpn: ['vpn', 'openvpn', 'wireguard', 'anyconnect', 'globalprotect', 'forticlient', 'vpn client'],
  email: ['mailbox', 'shared mailbox', 'thunderbird', 'out of office', 'distribution list'],
  printers: ['printer', 'printers', 'toner', 'paper jam', 'print queue', 'cartridge', 'copier', 'plotter'],
  accounts: ['locked out', 'account locked', 'reset password', 'password reset', 'forgot password', 'forgot my password', 'mfa', '2fa', 'two-factor', 'okta', 'authenticator', 'expired password', 'new starter', 'onboarding'],
  hardware: ['laptop', 'docking station', 'charger', 'headset', 'blue screen', 'bsod', 'overheating', 'trackpad', 'touchpad', 'projector', 'second monitor', 'external monitor'],
  security: ['phishing', 'malware', 'ransomware', 'hacked', 'breach', 'compromised', 'antivirus', 'suspicious email', 'suspicious link', 'security alert', 'spoofed'],
  'software-install': ['software request', 'install request', 'license key', 'license expired', 'admin rights'],
  'mobile-devices': ['company phone', 'work phone', 'mdm', 'intune'],
};

/** Words that name IT-support problems but also programming topics (`printing` a list, keyboard events, Angular's `router`). */
const WEAK: Readonly<Record<string, readonly string[]>> = {
  networking: ['internet', 'network', 'wifi', 'wi-fi', 'ethernet', 'router', 'dhcp', 'ip address', 'lan', 'dns', 'firewall', 'proxy', 'bandwidth', 'connection', 'offline'],
  email: ['email', 'emails', 'e-mail', 'mail', 'outlook', 'inbox', 'gmail', 'calendar', 'attachment', 'spam'],
  printers: ['print', 'printing', 'scanner'],
  accounts: ['password', 'login', 'log in', 'sign in', 'username', 'account', 'permissions', 'access denied', 'locked', 'sso', 'active directory'],
  hardware: ['monitor', 'screen', 'mouse', 'keyboard', 'webcam', 'dock', 'battery', 'usb', 'hard drive', 'fan', 'headphones', 'display'],
  security: ['suspicious', 'security', 'virus'],
  'software-install': ['install', 'installation', 'license', 'licence', 'update', 'upgrade'],
  'mobile-devices': ['phone', 'mobile', 'smartphone', 'tablet'],
};

function build(): Map<string, LexiconEntry> {
  const map = new Map<string, LexiconEntry>();
  for (const [skill, terms] of Object.entries(WEAK)) for (const t of terms) map.set(t, { skill, strong: false });
  // Strong entries win over weak ones for the same words.
  for (const [skill, terms] of Object.entries(STRONG)) for (const t of terms) map.set(t, { skill, strong: true });
  return map;
}

/** The IT-support lexicon, keyed by lowercase word sequence. */
export const HELPDESK_LEXICON: ReadonlyMap<string, LexiconEntry> = build();

/** Longest word sequence in the lexicon, so lookups know how many words to join. */
export const LEXICON_MAX_WORDS = Math.max(...[...HELPDESK_LEXICON.keys()].map((k) => k.split(' ').length));

/**
 * Catalog ids and aliases that are ordinary words (`list`, `go`, `mail`,
 * `print`) and so do not name a skill just by appearing in a ticket; the
 * classifier or the lexicon decides about those.
 */
export const AMBIGUOUS_MENTIONS: ReadonlySet<string> = new Set([
  'list', 'string', 'class', 'function', 'file', 'image', 'date', 'forms', 'validation', 'performance', 'sorting', 'session',
  'parsing', 'loops', 'pointers', 'arrays', 'algorithm', 'database', 'databases', 'db', 'generics', 'security', 'testing', 'tests',
  'api', 'rest', 'node', 'go', 'net', 'vs', 'ad', 'sh', 'shell', 'r', 'c', 'ts', 'ef', 'wp', 'mac', 'jq', 'py', 'spring', 'swing',
  'mail', 'print', 'printing', 'network', 'account', 'login', 'password', 'device', 'install', 'installation', 'license',
  'licensing', 'phone', 'monitor', 'keyboard', 'mouse', 'desktop', 'exchange', 'threads', 'concurrency', 'socket', 'pg',
  'containers', 'kube', 'threading', 'accounts', 'spreadsheet', 'email', 'e-mail', 'printer', 'laptop', 'tablet',
  'virus', 'lan', 'dns', 'dhcp', 'wifi', 'wi-fi', 'sso', 'mfa', '2fa', 'okta', 'outlook', 'gmail', 'malware', 'phishing',
]);
