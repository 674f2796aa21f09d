import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** Everything outside core that drives the helpdesk: surfaces, wiring, Inngest, benchmarks. */
const DIRS = ['adapters', 'bot', 'inngest', 'bench'];
/** Reaching past the facade into its ports: `helpdesk.deps`, `ctx.helpdesk.deps.store`, `app.helpdesk.deps`. */
const REACH_IN = /\bhelpdesk\s*\??\.\s*deps\b/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

describe('the Helpdesk facade stays closed', () => {
  it('no adapter, wiring, Inngest function or benchmark reaches helpdesk.deps: they call use cases and the read queries', () => {
    const offenders: string[] = [];
    for (const dir of DIRS) {
      for (const file of sources(join(ROOT, dir))) {
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (REACH_IN.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself recognises a reach past the facade', () => {
    expect(REACH_IN.test('const p = await ctx.helpdesk.deps.store.getPerson(id);')).toBe(true);
    expect(REACH_IN.test('const p = await ctx.helpdesk.personById(id);')).toBe(false);
  });
});
