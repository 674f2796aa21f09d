import type { SkillCatalog } from '../../core/index.js';
import type { PriorityReading } from './priority.js';
import { foldWords } from './skill-matcher.js';

export interface NotesInput {
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly category: string;
  readonly reading: PriorityReading;
  readonly catalog: SkillCatalog;
  /** The skills are a guess from a few context words, not from words that name them. */
  readonly guessed?: boolean;
}

/** First steps per area, for a plain fault with no special situation. */
const FIRST_STEPS: Readonly<Record<string, readonly string[]>> = {
  network: ['Ask whether colleagues on the same site or Wi-Fi see it too, and where and since when it happens.', 'Collect the network name, wired or Wi-Fi, and a test against an internal and an external site.'],
  email: ['Check whether web mail behaves the same, to separate the mailbox from the client.', 'Note the exact error text, the mailbox and the time of a sample message.'],
  access: ['Confirm the requester’s identity before resetting anything.', 'Check whether the account is locked, expired, disabled or missing a group or licence.'],
  printing: ['Get the printer’s name or location and whether it fails for everyone using it.', 'Check the queue and the printer’s display before reinstalling the driver.'],
  hardware: ['Get the device, asset tag and what changed (a drop, a spill, a new cable or dock).', 'Arrange a loan device if the requester cannot work meanwhile.'],
  software: ['Note the application, its version and the exact error or the steps that lead to it.', 'Check for a recent update, install or policy change on that machine.'],
  data: ['Identify the database, file or report and the exact step that fails.', 'If data may be lost, stop further changes and find the latest good backup.'],
  hr: ['Answer from the HR policy or portal where one covers it; personal data stays in HR’s own system.'],
  facilities: ['Confirm the building, floor and room, and whether anything is unsafe.'],
  finance: ['Get the document number (invoice, PO, expense report), amount and cost centre.'],
};

/**
 * Notes that fit the situation rather than one checklist per category: a
 * security incident gets containment steps, an outage scope and status
 * questions, an access request the approval it needs, a how-to an answer,
 * a request for something new its approval path; a ticket that says too
 * little to route gets a "needs a look" note.
 */
export function situationNotes(input: NotesInput): string[] {
  const { reading, skills, category } = input;
  const kinds = reading.kinds;
  const words = new Set(foldWords(`${input.title} ${input.description}`));
  const notes: string[] = [];
  if (skills.length === 0) {
    notes.push(
      'Needs a look: the ticket does not say enough to route it (too short, only symbols, or a language the local triage does not read).',
      '- Ask the requester what is not working, on which device or service, and since when; then set the skills with /triage.',
    );
  } else if (input.guessed) {
    notes.push(`Needs a look: ${skills.join(', ')} is a guess from a few context words; check it and correct it with /triage if it is wrong.`);
  }
  if (kinds.has('safety')) notes.push('People may be in danger: call building security or the emergency number first, then follow up here.');
  if (kinds.has('security')) {
    notes.push(
      'Security incident: contain first.',
      '- Disconnect the affected device from the network (keep it powered on for evidence).',
      '- Reset the exposed credentials, revoke active sessions and tokens, check MFA methods and mailbox rules.',
      '- Check sign-in logs for other affected accounts and tell the security contact.',
    );
  } else if (kinds.has('outage') || kinds.has('impact')) {
    notes.push(
      'Possible outage: establish scope and status.',
      '- Who is affected (one person, a team, a site, everyone) and since when exactly?',
      '- Which services fail, and does monitoring or the provider’s status page agree? Any change just before?',
      '- Post a status update to the people affected and say when the next one comes.',
    );
  }
  const accessRequest = skills.includes('accounts') && (kinds.has('request') || words.has('access') || words.has('acces') || words.has('acesso') || words.has('acceso') || words.has('zugriff')) && !kinds.has('security');
  if (accessRequest) notes.push('Access request: get the approval of the requester’s manager or the data owner before granting, grant the least access that does the job, and record who approved.');
  else if (kinds.has('request') && !kinds.has('security')) notes.push('Request for something new: check it is in the standard catalogue and who approves it (manager or budget owner), then give the requester the lead time.');
  if (kinds.has('question') && !kinds.has('security') && !kinds.has('outage')) notes.push('How-to question: answer it or link the guide; if the question comes up often, add it to the knowledge base.');
  if (kinds.has('deadline') || kinds.has('blocked')) notes.push('The requester is blocked or has a deadline: offer a workaround first (a loan device, web access, a colleague’s printer) and fix the cause after.');
  const plain = !kinds.has('security') && !kinds.has('outage') && !kinds.has('impact') && !kinds.has('question') && !kinds.has('request');
  if (plain && skills.length > 0) {
    const area = input.catalog.get(skills[0] ?? '')?.area ?? category;
    for (const step of FIRST_STEPS[area] ?? FIRST_STEPS[category] ?? []) notes.push(`- ${step}`);
  }
  if (reading.reasons.length) notes.push(`Priority ${reading.priority} because of ${reading.reasons.join(', ')}.`);
  return notes;
}
