import { describe, expect, it } from 'vitest';
import { newTicketRecord, type SkillChoice, type Ticket, type TriageForm } from '../../../core/index.js';
import { buildModeratorCard, buildTriageModal, buildTriageNoticeModal, LIMITS, SELECT_OPTIONS_MAX } from './index.js';

function ticket(patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord({ id: 't1', title: 'VPN is down', description: 'cannot connect', requesterId: 'p1', origin: { platform: 'slack' }, priority: 'HIGH', createdAt: '2026-01-05T09:00:00.000Z' }, 12);
  return { ...base, category: 'network', skills: ['vpn', 'networking'], assigneeId: 'm1', ...patch };
}

const skills = (ids: readonly string[]): SkillChoice[] => ids.map((id) => ({ id, description: null }));

function form(patch: Partial<TriageForm> = {}): TriageForm {
  return { ticket: ticket(), requester: null, priorities: ['LOW', 'MEDIUM', 'HIGH'], categories: ['network', 'email', 'general'], skills: skills(['vpn', 'networking', 'email', 'printers']), ...patch };
}

interface Option { text: { text: string }; value: string }
interface Input { type: string; block_id: string; optional?: boolean; element: { type: string; options?: Option[]; initial_option?: Option; initial_options?: Option[] } }
const inputs = (blocks: readonly unknown[]) => Object.fromEntries((blocks as Input[]).filter((b) => b.type === 'input').map((b) => [b.block_id, b]));

describe('the Edit triage modal', () => {
  it('is prefilled with the ticket\'s priority, category and skills, and remembers the ticket', () => {
    const view = buildTriageModal(form());
    expect(view.callback_id).toBe('triage_modal');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ id: 't1', ref: 12 });
    const i = inputs(view.blocks);
    expect(Object.keys(i)).toEqual(['priority', 'category', 'skills', 'other_skills']);
    expect(i['priority']?.element).toMatchObject({ type: 'static_select', initial_option: { value: 'HIGH' } });
    expect(i['priority']?.element.options?.map((o) => o.value)).toEqual(['LOW', 'MEDIUM', 'HIGH']);
    expect(i['category']?.element).toMatchObject({ type: 'static_select', initial_option: { value: 'network' } });
    expect(i['skills']?.element.type).toBe('multi_static_select');
    expect(i['skills']?.element.options?.map((o) => o.value)).toEqual(['vpn', 'networking', 'email', 'printers']);
    expect(i['skills']?.element.initial_options?.map((o) => o.value)).toEqual(['vpn', 'networking']);
    expect(i['skills']?.optional).toBe(true);
    expect(i['other_skills']?.optional).toBe(true);
  });

  it('leaves initial_options out when the ticket has no skills (Slack rejects an empty list)', () => {
    const view = buildTriageModal(form({ ticket: ticket({ skills: [] }) }));
    expect(inputs(view.blocks)['skills']?.element.initial_options).toBeUndefined();
  });

  it('stays within Block Kit limits with many, long skills: 100 options of at most 75 characters, the most relevant kept', () => {
    const many = skills(Array.from({ length: 250 }, (_, i) => `skill-${i}-${'x'.repeat(100)}`));
    const view = buildTriageModal(form({ ticket: ticket({ ref: 123456789, skills: [many[0]!.id], title: 't'.repeat(5000) }), skills: many }));
    expect(view.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const el = inputs(view.blocks)['skills']!.element;
    expect(el.options).toHaveLength(SELECT_OPTIONS_MAX);
    for (const o of el.options ?? []) {
      expect(o.text.text.length).toBeLessThanOrEqual(LIMITS.optionText);
      expect(o.value.length).toBeLessThanOrEqual(150);
    }
    expect(el.initial_options?.map((o) => o.value)).toEqual([many[0]!.id]);
    expect(JSON.stringify(view.blocks)).toContain('The 100 most relevant of 250 skills; type others below.');
  });

  it('a notice modal has no submit button', () => {
    const view = buildTriageNoticeModal(12, 'Only the assignee of #12 or an admin can change its triage.');
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Only the assignee of #12');
  });

  it('the moderator card offers Edit triage while the ticket is open, not once it is resolved', () => {
    const ids = (t: Ticket) => (buildModeratorCard(t, null).blocks as { type: string; elements?: { action_id?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
    expect(ids(ticket())).toContain('ticket_edit_triage');
    expect(ids(ticket({ status: 'IN_PROGRESS' }))).toContain('ticket_edit_triage');
    expect(ids(ticket({ status: 'DONE', resolution: 'fixed' }))).toEqual(['ticket_reopen']);
  });
});
