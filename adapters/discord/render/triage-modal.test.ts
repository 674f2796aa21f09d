import { ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { newTicketRecord, type SkillChoice, type Ticket, type TriageForm } from '../../../core/index.js';
import { parseCustomId } from '../ids.js';
import { moderatorButtons } from './cards.js';
import { LIMITS } from './limits.js';
import { buildTriageModal, TRIAGE_FIELDS } from './triage-modal.js';

function ticket(patch: Partial<Ticket> = {}): Ticket {
  const base = newTicketRecord({ id: '0b6c8a52-2c4e-4a57-9d62-7f3f1c2b9e10', title: 'VPN is down', description: 'x', requesterId: 'p1', origin: { platform: 'discord' }, priority: 'MEDIUM', createdAt: '2026-01-05T09:00:00.000Z' }, 12);
  return { ...base, category: 'network', skills: ['vpn'], ...patch };
}
const skills = (ids: readonly string[]): SkillChoice[] => ids.map((id) => ({ id, description: `About ${id} ${'d'.repeat(200)}` }));
const form = (patch: Partial<TriageForm> = {}): TriageForm => ({ ticket: ticket(), requester: null, priorities: ['LOW', 'MEDIUM', 'HIGH'], categories: ['network', 'email', 'general'], skills: skills(['vpn', 'email', 'printers']), ...patch });

interface Select { type: number; custom_id: string; options?: { label: string; value: string; description?: string; default?: boolean }[]; max_values?: number; min_values?: number; value?: string }
const components = (data: ReturnType<typeof buildTriageModal>) => Object.fromEntries((data.components as unknown as { type: number; label: string; component: Select }[]).map((c) => [c.component.custom_id, c]));

describe('the Discord Edit triage modal', () => {
  it('uses selects in Labels, prefilled with the current priority, category and skills', () => {
    const data = buildTriageModal(form());
    expect(parseCustomId(data.custom_id)).toEqual({ action: 'triage', args: [ticket().id] });
    const c = components(data);
    expect(Object.keys(c)).toEqual([TRIAGE_FIELDS.priority, TRIAGE_FIELDS.category, TRIAGE_FIELDS.skills, TRIAGE_FIELDS.otherSkills]);
    for (const x of Object.values(c)) expect(x.type).toBe(ComponentType.Label);
    expect(c['priority']?.component.options?.filter((o) => o.default).map((o) => o.value)).toEqual(['MEDIUM']);
    expect(c['category']?.component.options?.filter((o) => o.default).map((o) => o.value)).toEqual(['network']);
    expect(c['skills']?.component).toMatchObject({ type: ComponentType.StringSelect, min_values: 0, max_values: 3 });
    expect(c['skills']?.component.options?.filter((o) => o.default).map((o) => o.value)).toEqual(['vpn']);
    expect(c['other_skills']?.component.type).toBe(ComponentType.TextInput);
  });

  it('stays within Discord limits: 25 options, 100-character labels and descriptions, a 45-character title', () => {
    const many = skills(Array.from({ length: 60 }, (_, i) => `s${i}-${'x'.repeat(150)}`));
    const data = buildTriageModal(form({ ticket: ticket({ title: 't'.repeat(500), skills: [many[0]!.id] }), skills: many }));
    expect(data.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const c = components(data);
    const options = c['skills']?.component.options ?? [];
    expect(options).toHaveLength(LIMITS.selectOptions);
    expect(c['skills']?.component.max_values).toBe(LIMITS.selectOptions);
    for (const o of options) {
      expect(o.label.length).toBeLessThanOrEqual(LIMITS.optionText);
      expect(o.value.length).toBeLessThanOrEqual(100);
      expect(o.description?.length ?? 0).toBeLessThanOrEqual(100);
    }
    expect(options[0]?.default).toBe(true);
    for (const x of Object.values(c)) expect(x.label.length).toBeLessThanOrEqual(LIMITS.inputLabel);
  });

  it('leaves the skills select out when there is nothing to pick (a select needs an option)', () => {
    const c = components(buildTriageModal(form({ ticket: ticket({ skills: [] }), skills: [] })));
    expect(Object.keys(c)).toEqual(['priority', 'category', 'other_skills']);
  });

  it('the moderator card offers Edit triage while the ticket is open', () => {
    const labels = (t: Ticket) => moderatorButtons(t).map((b) => ('label' in b ? b.label : ''));
    expect(labels(ticket())).toContain('Edit triage');
    expect(labels(ticket({ status: 'IN_PROGRESS' }))).toContain('Edit triage');
    expect(labels(ticket({ status: 'DONE' }))).toEqual(['Reopen']);
    const id = moderatorButtons(ticket()).map((b) => ('custom_id' in b ? b.custom_id : '')).find((x) => x.startsWith('hd:triage:'));
    expect(parseCustomId(id ?? '')?.args).toEqual([ticket().id, String(ticket().version)]);
  });
});
