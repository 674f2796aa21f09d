import { describe, expect, it } from 'vitest';
import { consoleSay } from '../console-say.js';
import { LexicalSimilarIndex, LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { SkillCatalog, type Helpdesk } from '../../core/index.js';
import { currentAssignment } from '../../core/policies/sla.js';
import { RecordingChannel } from '../../core/testing/fakes.js';
import { testHelpdesk } from '../../core/testing/harness.js';

async function setup() {
  const channel = new RecordingChannel('console');
  const t = testHelpdesk({ triage: new LocalTriageEngine({ catalog: new SkillCatalog() }), similar: new LexicalSimilarIndex(), channels: [channel], settings: { adminIdentities: ['console:root'], filingLimitPerMinute: 0 } });
  const say = consoleSay(t);
  await say('root', '/skills set @net networking, vpn');
  await say('root', '/skills set @mail email, accounts');
  return { ...t, channel, say };
}

async function ticket(helpdesk: Helpdesk, ref: number) {
  const t = await helpdesk.ticketByRef(ref);
  if (!t.ok) throw new Error('no ticket');
  return t.value;
}

describe('/triage and /skills new|words', () => {
  it('lets the assignee correct a ticket; the history says who changed what, the requester hears of the new priority, and the SLA restarts', async () => {
    const { helpdesk, say, channel, store } = await setup();
    await say('ann', '/ticket VPN drops every hour | the tunnel disconnects');
    const before = await ticket(helpdesk, 1);
    expect(before.skills).toContain('vpn');
    const net = await store.findPersonByIdentity('console:net');
    expect(before.assigneeId).toBe(net?.id);
    const sent = channel.sent.length;
    expect(await say('net', '/triage #1 priority:high category:network')).toContain('#1 is now HIGH, network');
    const after = await ticket(helpdesk, 1);
    expect(after.history.at(-1)).toMatchObject({ type: 'triage-corrected', actorId: net?.id, changes: [{ field: 'priority', from: before.priority, to: 'HIGH' }] });
    // The start SLA now watches from the correction, with the HIGH window.
    expect(currentAssignment(after)?.index).toBe(after.history.length - 1);
    const ann = await store.findPersonByIdentity('console:ann');
    expect(channel.sent.slice(sent).some((m) => m.person.id === ann?.id && m.notification.kind === 'ticket.triaged')).toBe(true);
  });

  it('reassigns an unstarted ticket whose new skills its assignee holds none of', async () => {
    const { helpdesk, say, store } = await setup();
    await say('ann', '/ticket VPN drops every hour | the tunnel disconnects');
    expect(await say('net', '/triage #1 skills:email')).toContain('reassigned');
    const mail = await store.findPersonByIdentity('console:mail');
    expect((await ticket(helpdesk, 1)).assigneeId).toBe(mail?.id);
  });

  it('refuses a bad priority, an unknown skill and someone else\'s ticket with one message, changing nothing', async () => {
    const { helpdesk, say } = await setup();
    await say('ann', '/ticket VPN drops every hour | the tunnel disconnects');
    const before = await ticket(helpdesk, 1);
    expect(await say('net', '/triage #1 priority:soon')).toMatch(/^ERROR INPUT.INVALID: The priority must be low, medium or high/);
    expect(await say('net', '/triage #1 skills:vpn,teleportation')).toMatch(/^ERROR INPUT.UNKNOWN_SKILL: Unknown skill: "teleportation"/);
    expect(await say('mail', '/triage #1 priority:low')).toMatch(/^ERROR AUTH.NOT_ASSIGNEE/);
    expect(await say('net', '/triage #1 colour:red')).toMatch(/^ERROR INPUT.BAD_COMMAND/);
    expect((await ticket(helpdesk, 1)).version).toBe(before.version);
  });

  it('learns from a correction: the next similar ticket comes out right', async () => {
    const { helpdesk, say } = await setup();
    await say('root', '/skills new timesheets "Time tracking in Spring"');
    await say('root', '/skills set @pat timesheets');
    await say('ann', '/ticket Spring shows 0 hours for last week | Spring shows 0 hours although I entered 40');
    await say('root', '/triage #1 skills:timesheets category:hr');
    await say('bob', '/ticket Spring shows 0 hours this week | Spring shows 0 hours for me too');
    const next = await ticket(helpdesk, 2);
    expect(next.skills[0]).toBe('timesheets');
  });

  it('lets admins create skills and teach them words, used by triage and routing', async () => {
    const { helpdesk, say, store } = await setup();
    expect(await say('root', '/skills add @people hr')).toContain('hr');
    expect(await say('root', '/skills new payroll "Salary and payslips"')).toContain('Created the skill payroll');
    expect(await say('root', '/skills words payroll gehaltsabrechnung, lohnzettel')).toContain('payroll now also matches');
    expect(await say('mail', '/skills words vpn zscaler')).toMatch(/^ERROR AUTH.ADMIN_ONLY/);
    await say('root', '/skills add @pay payroll');
    await say('ann', '/ticket Lohnzettel fehlt | Mein Lohnzettel für März fehlt');
    const t = await ticket(helpdesk, 1);
    expect(t.skills).toContain('payroll');
    expect(t.assigneeId).toBe((await store.findPersonByIdentity('console:pay'))?.id);
    expect(await store.getValue('helpdesk', 'skills')).toContain('lohnzettel');
  });
});
