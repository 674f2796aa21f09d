import { SKILL_CATALOG, type SkillDefinition } from './skill-catalog.js';

/**
 * The helpdesk's skill catalog: the shipped definitions plus the skills an
 * admin created or taught words to (loaded from the store with
 * {@link SkillCatalog.define}). Every skill anywhere in the product is a
 * canonical id from here. Lookups are exact on a normalized key: no regex is
 * ever built from ticket, user or model text.
 */
export class SkillCatalog {
  private readonly byKey = new Map<string, string>();
  private readonly defs = new Map<string, SkillDefinition>();
  private revisionCount = 0;

  constructor(definitions: readonly SkillDefinition[] = SKILL_CATALOG) {
    for (const def of definitions) {
      this.defs.set(def.id, def);
      this.byKey.set(skillKey(def.id), def.id);
    }
    // Aliases never override a canonical id.
    for (const def of definitions) this.indexAliases(def);
  }

  /**
   * Adds a skill, or merges into a known one: a new description replaces
   * the old, words and aliases are added. Returns whether anything changed.
   */
  define(input: { readonly id: string; readonly description?: string; readonly words?: readonly string[]; readonly aliases?: readonly string[] }): boolean {
    const id = this.normalize(input.id) ?? skillKey(input.id);
    const had = this.defs.get(id);
    const merged: SkillDefinition = {
      ...(had ?? { id, group: 'custom', kind: 'helpdesk', area: id }),
      ...(input.description ? { description: input.description } : {}),
      words: union(had?.words, input.words),
      aliases: union(had?.aliases, input.aliases),
    };
    if (had && JSON.stringify(had) === JSON.stringify(merged)) return false;
    this.defs.set(id, merged);
    this.byKey.set(skillKey(id), id);
    this.indexAliases(merged);
    this.revisionCount++;
    return true;
  }

  /** Changes with every {@link define} that changed something, so matchers know to rebuild. */
  get revision(): number {
    return this.revisionCount;
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

  /** Programming, framework and platform skills: a ticket gets one only when it names it. */
  isProgramming(id: string): boolean {
    return this.defs.get(id)?.kind === 'technical';
  }

  /** The broader skill chain of `id` (`sql-server` → `database`), nearest first, without `id` itself. */
  broader(id: string): string[] {
    const out: string[] = [];
    let next = this.defs.get(id)?.broader;
    while (next && !out.includes(next) && next !== id) {
      out.push(next);
      next = this.defs.get(next)?.broader;
    }
    return out;
  }

  /** True when `skill` is `broad` or a narrower spelling of it (`sql-server` for `database`). */
  covers(broad: string, skill: string): boolean {
    return broad === skill || this.broader(skill).includes(broad);
  }

  /** The skills on the same desk as `id` (its group), `id` first; a custom skill is its own desk. */
  desk(id: string): string[] {
    const group = this.defs.get(id)?.group;
    if (!group || group === 'custom') return [id];
    return [id, ...[...this.defs.values()].filter((d) => d.group === group && d.id !== id).map((d) => d.id)];
  }

  ids(): string[] {
    return [...this.defs.keys()];
  }

  definitions(): SkillDefinition[] {
    return [...this.defs.values()];
  }

  /** Catalog ids that start with or contain the prefix, for autocomplete; helpdesk skills first. */
  suggest(prefix: string, limit = 25): string[] {
    const key = skillKey(prefix);
    const ordered = [...this.defs.values()].sort((a, b) => Number(a.kind === 'technical') - Number(b.kind === 'technical')).map((d) => d.id);
    if (key === '') return ordered.slice(0, limit);
    const starts: string[] = [];
    const contains: string[] = [];
    for (const id of ordered) {
      const k = skillKey(id);
      if (k.startsWith(key)) starts.push(id);
      else if (k.includes(key)) contains.push(id);
    }
    return [...starts, ...contains].slice(0, limit);
  }

  private indexAliases(def: SkillDefinition): void {
    for (const alias of def.aliases ?? []) {
      const key = skillKey(alias);
      if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, def.id);
    }
  }
}

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  const out = [...(a ?? [])];
  for (const x of b ?? []) if (!out.includes(x)) out.push(x);
  return out;
}

/** Case-insensitive key: lowercased, trimmed, inner whitespace and underscores folded to `-`. */
export function skillKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export type { SkillDefinition };
