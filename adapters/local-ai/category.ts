import type { SkillCatalog } from '../../core/index.js';

/** Ticket categories the local engine assigns. */
export const CATEGORIES = ['security', 'network', 'access', 'email', 'printing', 'hardware', 'software', 'data', 'infrastructure', 'general'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Helpdesk skills with a category of their own; other skills fall back to their catalog group. */
const BY_SKILL: Readonly<Record<string, Category>> = {
  security: 'security',
  networking: 'network',
  vpn: 'network',
  accounts: 'access',
  email: 'email',
  printers: 'printing',
  hardware: 'hardware',
  'mobile-devices': 'hardware',
  'software-install': 'software',
};

const BY_GROUP: Readonly<Record<string, Category>> = {
  software: 'software',
  data: 'data',
  infra: 'infrastructure',
  it: 'software',
};

/**
 * The category of a ticket from its skills, best first: a security concern
 * wins outright (it changes how the ticket must be handled), otherwise the
 * most confident skill decides.
 */
export function categorize(skills: readonly string[], catalog: SkillCatalog, securitySignal: boolean): Category {
  if (securitySignal || skills.includes('security')) return 'security';
  for (const skill of skills) {
    const direct = BY_SKILL[skill];
    if (direct) return direct;
    const group = catalog.get(skill)?.group;
    if (group && BY_GROUP[group]) return BY_GROUP[group];
  }
  return 'general';
}

/** A short first-response checklist per category, for the moderator's notes. */
export const CHECKLISTS: Readonly<Record<Category, readonly string[]>> = {
  security: [
    'Do not click links or open attachments from the report; isolate the device if malware is suspected.',
    'Reset the affected credentials and revoke active sessions.',
    'Check sign-in logs for other affected accounts and report to the security contact.',
  ],
  network: [
    'One person or many? Check whether colleagues on the same site or network see it too.',
    'Wired, Wi-Fi or VPN? Note the network name, location and when it started.',
    'Collect the IP configuration and try a known-good site and an internal one.',
  ],
  access: [
    'Confirm the identity of the requester before resetting anything.',
    'Check whether the account is locked, expired or missing a group or licence.',
    'After a reset, confirm sign-in works, including MFA.',
  ],
  email: [
    'Web mail or desktop client? Check whether web mail works to separate account from client problems.',
    'Note exact error text, affected mailbox and a sample message time.',
    'Check mailbox quota, rules and delegated access.',
  ],
  printing: [
    'Which printer (name or location) and does it affect everyone using it?',
    'Check the print queue, paper, toner and the printer display for errors.',
    'Remove and re-add the printer on the requester’s device if only they are affected.',
  ],
  hardware: [
    'Get the device type, asset tag and what changed (drop, spill, update).',
    'Try the basics: power, cables or dock, another port or peripheral.',
    'Arrange a loan device if the requester cannot work.',
  ],
  software: [
    'Note the application, its version and the exact error message or steps to reproduce.',
    'Check whether it happens for other users or on another machine.',
    'Look for a recent update, install or configuration change.',
  ],
  data: [
    'Identify the database, file or report and the exact query or steps.',
    'Stop writes if data may be lost or corrupted; find the latest good backup.',
    'Check permissions and recent schema or data changes.',
  ],
  infrastructure: [
    'Which environment and service? Check monitoring and recent deployments.',
    'Collect logs around the time it started.',
    'Roll back the last change if it correlates and users are affected.',
  ],
  general: [
    'Ask for the exact steps, the expected result and what happened instead.',
    'Note when it started and whether others are affected.',
    'Collect screenshots or error text.',
  ],
};
