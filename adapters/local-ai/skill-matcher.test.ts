import { describe, expect, it } from 'vitest';
import { SkillCatalog } from '../../core/index.js';
import { SkillMatcher } from './skill-matcher.js';

const catalog = new SkillCatalog();
const matcher = new SkillMatcher(catalog);

describe('SkillMatcher', () => {
  it('matches every shipped word, hint and carrier when a ticket says just that', () => {
    const missed: string[] = [];
    for (const def of catalog.definitions().filter((d) => d.kind === 'helpdesk')) {
      for (const raw of [...(def.words ?? []), ...(def.hints ?? []), ...(def.carriers ?? [])]) {
        const text = raw.replace(/^\*|[*!]$/g, '');
        if (!matcher.score(text, text).some((s) => s.skill === def.id)) missed.push(`${def.id}: ${raw}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
