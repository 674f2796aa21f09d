import { describe, expect, it } from 'vitest';
import { SkillCatalog } from '../domain/skills.js';
import type { TriageProposal } from '../ports/triage.js';
import { sanitizeProposal } from './triage-safety.js';

const proposal = (over: Partial<TriageProposal>): TriageProposal => ({
  summary: 'VPN down for the finance team',
  category: 'network',
  priority: 'HIGH',
  skills: ['vpn'],
  notes: 'Check the gateway.',
  suggestedFix: null,
  confidence: 0.8,
  engine: 'gemini',
  ...over,
});

describe('sanitizeProposal', () => {
  it("cleans a provider's text of escape sequences, control characters and bidi controls, as people's text is", () => {
    const safe = sanitizeProposal(
      proposal({
        summary: 'VPN\u202e down\x1b[2J for\x07 the\nfinance team\u2066',
        category: 'net\u202ework\x00',
        skills: ['v\u202epn', 'net\x1b[31mworking'],
        notes: 'Line one\x1b]0;forged title\x07\r\nLine\u2067 two\x08',
        suggestedFix: 'Restart\u202d the gateway\x9b2J',
      }),
      new SkillCatalog(),
    );
    expect(safe.summary).toBe('VPN down for the finance team');
    expect(safe.category).toBe('network');
    expect(safe.skills).toEqual(['vpn', 'networking']);
    expect(safe.notes).toBe('Line one\nLine two');
    expect(safe.suggestedFix).toBe('Restart the gateway');
  });

  it('keeps the line breaks of notes, drops a summary that is only control characters, and tolerates missing fields', () => {
    const safe = sanitizeProposal(proposal({ summary: '\u202e\x1b[0m', notes: 'a\n\nb', skills: undefined as unknown as string[] }), new SkillCatalog());
    expect(safe.summary).toBe('');
    expect(safe.notes).toBe('a\n\nb');
    expect(safe.skills).toEqual([]);
  });
});
