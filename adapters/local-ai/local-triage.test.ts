import { describe, expect, it } from 'vitest';
import { SkillCatalog, sanitizeProposal, type TriageRequest } from '../../core/index.js';
import { LocalTriageEngine, summarize } from './local-triage.js';

const catalog = new SkillCatalog();
const engine = new LocalTriageEngine({ catalog });

function request(title: string, description: string, extra: Partial<TriageRequest> = {}): TriageRequest {
  return { ticket: { id: 't-1', ref: 7, title, description }, similar: [], staffSkills: [], catalog: catalog.ids(), ...extra };
}

describe('LocalTriageEngine', () => {
  it('triages an IT-support ticket: skills, priority, category, notes', async () => {
    const p = await engine.triage(request('VPN is down for everyone in Berlin', 'Nobody can connect since 9am.'));
    expect(engine.name).toBe('local');
    expect(p.engine).toBe('local');
    expect(p.skills).toEqual(['vpn']);
    expect(p.priority).toBe('HIGH');
    expect(p.category).toBe('network');
    expect(p.notes).toContain('Possible outage: establish scope and status.');
    expect(p.suggestedFix).toBeNull();
    expect(p.confidence).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
  });

  it('reads a virus going round the team as an illness for HR, not malware', async () => {
    const p = await engine.triage(request('Half my team has a stomach virus', 'Five of us are off with a stomach virus. How do we report sick days, and do we need a note from the first day?'));
    expect(p.skills[0]).toBe('hr');
    expect(p.priority).not.toBe('HIGH');
    expect(p.category).toBe('hr');
  });

  it('gives a mail the ticket calls fraudulent to the security desk first, even when nothing was clicked', async () => {
    const p = await engine.triage(request('Strange email', 'We got an email pretending to be our CEO asking for a wire transfer'));
    expect(p.skills[0]).toBe('security');
    expect(p.category).toBe('security');
  });

  it('cites the best similar ticket as a fix, and leaves the list to the ticket (not repeated in the notes)', async () => {
    const similar = [
      { ticketId: 'a', ref: 3, title: 'VPN drops after sleep', resolution: 'Disabled power saving on the Wi-Fi adapter', score: 0.18 },
      { ticketId: 'b', ref: 12, title: 'VPN drops every hour', resolution: 'Reinstalled the VPN client profile', score: 0.42 },
    ];
    const p = await engine.triage(request('VPN keeps dropping', 'Disconnects every hour', { similar }));
    expect(p.notes).not.toContain('#12');
    expect(p.notes).not.toContain('#3');
    expect(p.suggestedFix).toContain('#12');
    expect(p.suggestedFix).toContain('Reinstalled the VPN client profile');
  });

  it('does not suggest a fix from a weak match', async () => {
    const similar = [{ ticketId: 'a', ref: 3, title: 'Printer slow', resolution: 'Cleared the queue', score: 0.13 }];
    const p = await engine.triage(request('Printer on floor 2 jams', '', { similar }));
    expect(p.suggestedFix).toBeNull();
  });

  it('reads questions as LOW and everything else without signals as MEDIUM', async () => {
    expect((await engine.triage(request('How do I add a shared calendar in Outlook?', ''))).priority).toBe('LOW');
    expect((await engine.triage(request('Printer on floor 3 jams', 'Every duplex job.'))).priority).toBe('MEDIUM');
  });

  it('flags security concerns in the category', async () => {
    const p = await engine.triage(request('Suspicious email', 'I think my account was hacked'));
    expect(p.category).toBe('security');
    expect(p.priority).toBe('HIGH');
  });

  it('only proposes skills the request allows, and its proposal survives sanitizing unchanged', async () => {
    const limited = await engine.triage(request('k8s pod keeps restarting', '', { catalog: ['vpn'], staffSkills: [] }));
    expect(limited.skills).toEqual([]);
    const p = await engine.triage(request('React app shows a blank page after the js upgrade', ''));
    expect(sanitizeProposal(p, catalog).skills).toEqual(p.skills);
  });

  it('puts a security incident on the security desk first, whatever mailbox or password it names', async () => {
    const p = await engine.triage(request('Mailbox full email', 'I clicked the link in the mailbox quota email and typed my password on the page, my account and inbox look normal'));
    expect(p.skills[0]).toBe('security');
    expect(p.skills.length).toBeLessThanOrEqual(2);
    expect(p.priority).toBe('HIGH');
  });

  it('is deterministic', async () => {
    const r = request('Outlook keeps asking for my password', 'Since the update this morning.');
    expect(await engine.triage(r)).toEqual(await engine.triage(r));
  });
});

describe('situation notes and bad input', () => {
  it('gives a security incident containment steps and a new-laptop request its approval, not a fixed checklist', async () => {
    const phished = await engine.triage(request('Sign-in alerts', 'I clicked a link, typed my password, now sign-in alerts from another country.'));
    expect(phished.priority).toBe('HIGH');
    expect(phished.notes).toContain('Security incident: contain first.');
    expect(phished.summary).toContain('another country');
    const laptop = await engine.triage(request('New laptop', 'Could I get a new laptop for the new starter next month?'));
    expect(laptop.notes).toContain('Request for something new');
    expect(laptop.notes).not.toContain('Roll back');
  });

  it.each([['help', 'help'], ['🔥🔥', '🔥🔥'], ['Hệ thống không hoạt động', 'Xin hãy giúp tôi'], ['urgent', 'urgent'], ['?', '?'], ['broken', 'its broken again'], ['プリンターが動きません', 'プリンターが動きません'], ['Toujours pareil', "Bonjour, c'est toujours pareil qu'hier, rien n'a changé."]])('triages "%s" with no skill and a needs-a-look note', async (title, description) => {
    const p = await engine.triage(request(title, description));
    expect(p.skills).toEqual([]);
    expect(p.category).toBe('general');
    expect(p.notes).toContain('Needs a look');
  });

  it('routes a ticket that only has context words to its best guess, and says it needs a look', async () => {
    const p = await engine.triage(request('Odd problem', 'pages come out with lines'));
    expect(p.skills).toEqual(['printers']);
    expect(p.notes).toContain('printers is a guess');
  });

  it('follows a similar ticket staff corrected', async () => {
    const p = await engine.triage(request('Spring shows no hours', 'Spring has no hours for last week', {
      precedents: [{ ref: 4, title: 'Spring shows 0 hours', skills: ['hr'], category: 'hr', priority: 'MEDIUM', score: 0.7, corrected: true }],
    }));
    expect(p.skills[0]).toBe('hr');
    expect(p.notes).toContain('#4');
  });
});

describe('summarize', () => {
  it('joins the title with the telling sentence of the description, and what was tried, on one line', () => {
    expect(summarize('VPN drops', 'It disconnects hourly.\nSecond line.')).toBe('VPN drops: It disconnects hourly.');
    expect(summarize('new starter', 'We have a new starter on Monday, can you set up her account and laptop?')).toBe('new starter: We have a new starter on Monday, can you set up her account and laptop?');
    expect(summarize('Paris office offline', 'Hello IT,\nThe whole Paris office has no network since 14:00. We restarted the router.\nThanks')).toBe(
      'Paris office offline: The whole Paris office has no network since 14:00; we restarted the router.',
    );
  });

  it('keeps to 300 characters', () => {
    const s = summarize('x'.repeat(250), 'y'.repeat(500));
    expect(s.length).toBeLessThanOrEqual(300);
    expect(s).not.toContain('\n');
  });

  it('uses the title alone when the description repeats it', () => {
    expect(summarize('Printer jams', 'Printer jams')).toBe('Printer jams');
  });
});
