import { describe, expect, it } from 'vitest';
import { SkillCatalog } from '../domain/skills.js';
import { chooseAssignee, type Candidate } from './assignment.js';

const mod = (id: string, skills: string[], extra: Partial<Candidate> = {}): Candidate => ({
  id, displayName: id, role: 'moderator', skills, availability: 'available', openTickets: 0, lastAssignedAt: null, ...extra,
});

describe('chooseAssignee', () => {
  it('prefers the moderator covering the most required skills', () => {
    const d = chooseAssignee(['vpn', 'networking'], [mod('a', ['vpn']), mod('b', ['vpn', 'networking'], { openTickets: 5 })]);
    expect(d).toMatchObject({ kind: 'assign', personId: 'b', reason: { rule: 'skills', matchedSkills: ['vpn', 'networking'] } });
  });
  it('breaks ties by load, then by least recent assignment', () => {
    const d1 = chooseAssignee(['vpn'], [mod('a', ['vpn'], { openTickets: 2 }), mod('b', ['vpn'], { openTickets: 1 })]);
    expect(d1).toMatchObject({ personId: 'b' });
    const d2 = chooseAssignee(['vpn'], [mod('a', ['vpn'], { lastAssignedAt: '2026-01-02T00:00:00Z' }), mod('b', ['vpn'], { lastAssignedAt: '2026-01-01T00:00:00Z' })]);
    expect(d2).toMatchObject({ personId: 'b' });
  });
  it('skips away moderators and excluded people', () => {
    const d = chooseAssignee(['vpn'], [mod('a', ['vpn'], { availability: 'away' }), mod('b', ['vpn']), mod('c', ['vpn'], { openTickets: 3 })], ['b']);
    expect(d).toMatchObject({ personId: 'c' });
  });
  it('falls back to the least-loaded available admin', () => {
    const d = chooseAssignee(['kubernetes'], [mod('a', ['vpn']), mod('root', [], { role: 'admin', openTickets: 4 }), mod('r2', [], { role: 'admin', openTickets: 1 })]);
    expect(d).toMatchObject({ kind: 'assign', personId: 'r2', reason: { rule: 'admin-fallback' } });
  });
  it('leaves the ticket unassigned with a reason when nobody is available', () => {
    const d = chooseAssignee(['vpn'], [mod('a', ['vpn'], { availability: 'away' })]);
    expect(d.kind).toBe('none');
    expect(d.kind === 'none' && d.reason).toContain('vpn');
  });
  const catalog = new SkillCatalog();
  it('matches a skill by what it means: a sql-server ticket reaches the database moderator', () => {
    const d = chooseAssignee(['sql-server'], [mod('db', ['database']), mod('root', [], { role: 'admin' })], [], catalog);
    expect(d).toMatchObject({ personId: 'db', reason: { rule: 'skills' } });
  });
  it('prefers the moderator holding the most confident skill over a less loaded one holding a weaker one', () => {
    const d = chooseAssignee(['networking', 'software-install'], [mod('net', ['networking'], { openTickets: 5 }), mod('apps', ['software-install'])], [], catalog);
    expect(d).toMatchObject({ personId: 'net' });
  });
  it('gives the ticket to the holder of its most confident skill, not to someone holding two weaker ones', () => {
    const d = chooseAssignee(['security', 'accounts', 'email'], [mod('mail', ['email', 'accounts']), mod('sec', ['security'], { openTickets: 3 })]);
    expect(d).toMatchObject({ personId: 'sec', reason: { rule: 'skills', matchedSkills: ['security'] } });
  });
  it('falls back to the least-loaded moderator of the same desk before any admin, and says why', () => {
    const d = chooseAssignee(['vpn'], [mod('n1', ['networking'], { openTickets: 3 }), mod('n2', ['networking'], { openTickets: 1 }), mod('mail', ['email']), mod('root', [], { role: 'admin' })], [], catalog);
    expect(d).toMatchObject({ personId: 'n2', reason: { rule: 'desk-fallback' } });
    expect(d.kind === 'assign' && d.reason.text).toContain('same desk');
  });
  it('sends a ticket needing no skill to the least-loaded moderator, not to an admin', () => {
    const d = chooseAssignee([], [mod('a', ['vpn'], { openTickets: 2 }), mod('b', ['email']), mod('root', [], { role: 'admin' })], [], catalog);
    expect(d).toMatchObject({ personId: 'b', reason: { rule: 'load-fallback' } });
  });
});
