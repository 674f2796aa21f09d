import { describe, expect, it } from 'vitest';
import { SkillCatalog } from '../../core/index.js';
import { ticketCommand, triageMetrics, type TriageDecision, type TriageLine } from './triage-eval.js';

const line = (id: string, skills: string[], priority: 'LOW' | 'MEDIUM' | 'HIGH' | null = null): TriageLine => ({ id, title: id, description: '', gold: { skills, priority } });
const decision = (id: string, skills: string[], priority: string, assignee: TriageDecision['assignee']): TriageDecision => ({ id, skills, priority, category: 'x', assignee, reason: null });

describe('triage metrics', () => {
  it('computes routed_ok, admin_fallback, invented, priority_acc and high_recall as defined', () => {
    const lines = [line('a', ['vpn'], 'HIGH'), line('b', ['hr'], 'LOW'), line('c', ['database'], 'HIGH'), line('d', [])];
    const decisions = [
      decision('a', ['vpn'], 'HIGH', { handle: 'net', role: 'moderator', skills: ['vpn', 'networking'] }),
      decision('b', ['hr', 'python'], 'MEDIUM', { handle: 'admin', role: 'admin', skills: [] }),
      decision('c', ['sql-server'], 'MEDIUM', { handle: 'admin', role: 'admin', skills: [] }),
      decision('d', ['java'], 'LOW', null),
    ];
    const m = triageMetrics(lines, decisions, new SkillCatalog(), new Set(['vpn', 'networking', 'hr']));
    expect(m.routedOk).toBeCloseTo(1 / 3);
    // b went to the admin while someone held hr; nobody held database for c.
    expect(m.adminFallback).toBeCloseTo(1 / 3);
    // python on b and java on d are invented; sql-server is a narrower spelling of database.
    expect(m.invented).toBeCloseTo(2 / 4);
    expect(m.priorityAcc).toBeCloseTo(1 / 3);
    expect(m.highRecall).toBeCloseTo(1 / 2);
  });

  it('types the acceptance run\'s /ticket line with whitespace collapsed', () => {
    expect(ticketCommand({ title: 'VPN  down', description: 'since\n\n9am' })).toBe('/ticket VPN down | since 9am');
    expect(ticketCommand({ title: 'hi', description: 'hi' })).toBe('/ticket hi');
  });
});
