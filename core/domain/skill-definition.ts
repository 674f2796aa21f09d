/** The shape of a skill in the catalog, shipped or created by an admin. */
export type SkillKind = 'helpdesk' | 'technical';

/**
 * The desk a skill belongs to: the fallback when no moderator holds a
 * ticket's skill is someone on the same desk.
 */
export type SkillGroup = 'network' | 'mail' | 'devices' | 'security' | 'apps' | 'data' | 'hr' | 'facilities' | 'finance' | 'travel' | 'legal' | 'dev' | 'infra' | 'custom';

export interface SkillDefinition {
  readonly id: string;
  readonly group: SkillGroup;
  /** `helpdesk` skills are read from what a ticket says; `technical` ones only when named (id or alias). */
  readonly kind: SkillKind;
  /** Other spellings, matched exactly (case-insensitive) when staff or engines name a skill. */
  readonly aliases?: readonly string[];
  /** The broader helpdesk skill this one narrows (`sql-server` → `database`): its holders can take the ticket. */
  readonly broader?: string;
  /** One line, shown to staff and given to AI engines. */
  readonly description?: string;
  /** Ticket category for tickets whose main skill this is. */
  readonly area?: string;
  /**
   * Words and phrases that name the skill's problems on their own, in any
   * language, lowercase (accents optional). A trailing `*` matches any word
   * starting so (`imprim*`), a leading `*` any word ending so (`*drucker`);
   * a trailing `!` marks an error text that names the skill's fault outright
   * (`ora!`, `transaction log!`), which counts double.
   */
  readonly words?: readonly string[];
  /** Weaker context words: they count together, or next to a word. */
  readonly hints?: readonly string[];
  /**
   * Words for what a problem shows on rather than what it is (a laptop, a
   * PC, a hot desk): they name the skill when the ticket names nothing else,
   * and count half next to another skill's own word ("Windows update stuck
   * on my laptop" is Windows').
   */
  readonly carriers?: readonly string[];
}
