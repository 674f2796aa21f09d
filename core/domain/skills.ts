import { SKILL_CATALOG, type SkillDefinition } from './skill-catalog.js';

/**
 * The shipped skill catalog. Every skill anywhere in the product is a
 * canonical id from here (Stack Overflow tag spelling where one exists).
 * Lookups are exact on a normalized key: no regex is ever built from
 * ticket, user or model text.
 */
export class SkillCatalog {
  private readonly byKey = new Map<string, string>();
  private readonly defs = new Map<string, SkillDefinition>();

  constructor(definitions: readonly SkillDefinition[] = SKILL_CATALOG) {
    for (const def of definitions) {
      this.defs.set(def.id, def);
      this.byKey.set(skillKey(def.id), def.id);
    }
    // Aliases never override a canonical id.
    for (const def of definitions) {
      for (const alias of def.aliases ?? []) {
        const key = skillKey(alias);
        if (!this.byKey.has(key)) this.byKey.set(key, def.id);
      }
    }
  }

  /** Canonical id for a raw skill name or alias, or null when unknown. */
  normalize(raw: string): string | null {
    const key = skillKey(raw);
    return key === '' ? null : (this.byKey.get(key) ?? null);
  }

  /** Normalizes a list, dropping unknown and duplicate entries, keeping order. */
  normalizeAll(raw: Iterable<string>): string[] {
    const out: string[] = [];
    for (const r of raw) {
      const id = this.normalize(r);
      if (id !== null && !out.includes(id)) out.push(id);
    }
    return out;
  }

  /** Splits the input into known ids and unknown raw names. */
  partition(raw: Iterable<string>): { known: string[]; unknown: string[] } {
    const known: string[] = [];
    const unknown: string[] = [];
    for (const r of raw) {
      const id = this.normalize(r);
      if (id === null) unknown.push(r.trim());
      else if (!known.includes(id)) known.push(id);
    }
    return { known, unknown };
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  get(id: string): SkillDefinition | undefined {
    return this.defs.get(id);
  }

  ids(): string[] {
    return [...this.defs.keys()];
  }

  definitions(): SkillDefinition[] {
    return [...this.defs.values()];
  }

  /** Catalog ids that start with or contain the prefix, for autocomplete. */
  suggest(prefix: string, limit = 25): string[] {
    const key = skillKey(prefix);
    if (key === '') return this.ids().slice(0, limit);
    const starts: string[] = [];
    const contains: string[] = [];
    for (const id of this.defs.keys()) {
      const k = skillKey(id);
      if (k.startsWith(key)) starts.push(id);
      else if (k.includes(key)) contains.push(id);
    }
    return [...starts, ...contains].slice(0, limit);
  }
}

/** Case-insensitive key: lowercased, trimmed, inner whitespace and underscores folded to `-`. */
export function skillKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export type { SkillDefinition };
