import { describe, expect, it } from 'vitest';
import { IdTable, TextColumn } from './text-column.js';

describe('text column', () => {
  it('gives back every text, Unicode included, and keeps the selected slots in order', () => {
    const c = new TextColumn();
    const texts = ['VPN drops', '', 'Drucker läuft nicht 🖨️', 'x'.repeat(5000)];
    for (const t of texts) c.push(t);
    expect(texts.map((_, slot) => c.get(slot))).toEqual(texts);
    const kept = c.select((slot) => slot !== 1);
    expect([0, 1, 2].map((slot) => kept.get(slot))).toEqual([texts[0], texts[2], texts[3]]);
    expect(TextColumn.restore(kept.state()).get(2)).toBe(texts[3]);
  });

  it('refuses offsets that do not fit its bytes', () => {
    expect(() => TextColumn.restore({ bytes: new Uint8Array(4), ends: Uint32Array.of(2, 9) })).toThrow(/offsets/);
    expect(() => TextColumn.restore({ bytes: new Uint8Array(4), ends: Uint32Array.of(3, 2) })).toThrow(/offsets/);
  });
});

describe('id table', () => {
  it('finds every id added and none removed, through growth and re-adds', () => {
    const t = new IdTable();
    const slots = new Map<string, number>();
    for (let i = 0; i < 5000; i++) slots.set(`t-${i}`, t.add(`t-${i}`));
    for (let i = 0; i < 5000; i += 3) {
      t.remove(`t-${i}`);
      slots.delete(`t-${i}`);
    }
    for (let i = 0; i < 5000; i += 6) slots.set(`t-${i}`, t.add(`t-${i}`));
    for (let i = 0; i < 5000; i++) expect(t.slotOf(`t-${i}`)).toBe(slots.get(`t-${i}`));
    expect(t.slotOf('t-5000')).toBeUndefined();
    expect(t.id(slots.get('t-7') ?? -1)).toBe('t-7');
  });

  it('indexes only the live slots of a column read back, and renumbers on select', () => {
    const c = new TextColumn();
    for (const id of ['a', 'b', 'ü-1']) c.push(id);
    const t = new IdTable(c, (slot) => slot !== 1);
    expect([t.slotOf('a'), t.slotOf('b'), t.slotOf('ü-1')]).toEqual([0, undefined, 2]);
    const dense = t.select((slot) => slot !== 1);
    expect([dense.slotOf('a'), dense.slotOf('ü-1'), dense.id(1)]).toEqual([0, 1, 'ü-1']);
  });
});
