import { describe, expect, it } from 'vitest';
import { newTicketRecord, type Notification, type Ticket } from '../../core/index.js';
import { composeEmail, emailSubject, messageIdDomain } from '../../adapters/email/index.js';

function ticket(patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord(
    { id: 't-1', title: 'VPN <script>alert(1)</script> drops', description: 'Since Monday & only on "Wi-Fi"', requesterId: 'p-ann', origin: { platform: 'console' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' },
    12,
  );
  return {
    ...base,
    category: 'network',
    skills: ['vpn'],
    summary: 'VPN disconnects hourly',
    notes: 'Internal: check <b>client</b> 5.1 bug',
    suggestedFix: 'Update the client (see #3)',
    similar: [{ ticketId: 't-3', ref: 3, title: 'VPN flaps', resolution: 'Updated client', score: 0.8 }],
    ...patch,
  };
}

const ann = { id: 'p-ann', displayName: 'Ann', identities: ['console:ann'] };

describe('email composition', () => {
  it('puts the ticket first and what happened last in the subject', () => {
    const n: Notification = { kind: 'ticket.assignment', audience: 'moderator', ticket: ticket(), requester: ann, reason: 'matches vpn' };
    expect(emailSubject(n)).toBe('[#12] VPN <script>alert(1)</script> drops — assigned to you');
    expect(emailSubject({ kind: 'ticket.resolved', audience: 'requester', ticket: ticket({ status: 'DONE', resolution: 'Updated' }), by: ann })).toBe(
      '[#12] VPN <script>alert(1)</script> drops — resolved',
    );
  });

  it('escapes ticket text in the HTML part and keeps it readable in the text part', () => {
    const mail = composeEmail({ kind: 'ticket.triaged', audience: 'requester', ticket: ticket() }, 'Ann <admin>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('VPN &lt;script&gt;alert(1)&lt;/script&gt; drops');
    expect(mail.html).toContain('Since Monday &amp; only on &quot;Wi-Fi&quot;');
    expect(mail.html).toContain('Hi Ann &lt;admin&gt;,');
    expect(mail.text).toContain('Description:\n  Since Monday & only on "Wi-Fi"');
  });

  it('never shows moderator notes or similar tickets to a requester', () => {
    const mail = composeEmail({ kind: 'ticket.assigned', audience: 'requester', ticket: ticket(), assignee: { id: 'p-mo', displayName: 'Mo', identities: [] } }, 'Ann');
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('Internal: check');
      expect(part).not.toContain('VPN flaps');
      expect(part).not.toContain('Update the client');
    }
    expect(mail.text).toContain('Summary: VPN disconnects hourly');
  });

  it('gives moderators the notes, the suggested fix and similar tickets', () => {
    const reminder = composeEmail({ kind: 'sla.reminder', audience: 'moderator', ticket: ticket(), dueAt: '2026-01-05T09:30:00.000Z' }, 'Mo');
    expect(reminder.subject).toBe('[#12] VPN <script>alert(1)</script> drops — not started yet');
    expect(reminder.text).toContain('Internal: check <b>client</b> 5.1 bug');
    expect(reminder.html).toContain('Internal: check &lt;b&gt;client&lt;/b&gt; 5.1 bug');
    expect(reminder.text).toContain('#3 VPN flaps — Updated client');
    expect(reminder.text).toContain('Suggested fix:\n  Update the client (see #3)');
    const assignment = composeEmail({ kind: 'ticket.assignment', audience: 'moderator', ticket: ticket(), requester: ann, reason: 'matches vpn' }, 'Mo');
    expect(assignment.text).toContain('Notes:');
    expect(assignment.text.match(/Similar resolved tickets/g)).toHaveLength(1);
  });

  it('names Message-IDs after the MAIL_FROM domain', () => {
    expect(messageIdDomain('Helpdesk <help@Example.COM>')).toBe('example.com');
    expect(messageIdDomain('desk@corp.example')).toBe('corp.example');
    expect(messageIdDomain('Helpdesk')).toBe('helpdesk.invalid');
  });
});
