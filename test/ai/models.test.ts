import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GEMINI_DEFAULT_MODEL } from '../../adapters/gemini/index.js';
import { OPENAI_DEFAULT_MODEL } from '../../adapters/openai/index.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** Shut down, or scheduled to shut down before 2027-03-03, per the providers' deprecation pages (docs/ai.md). */
const RETIRED = ['gpt-4.1-nano', 'gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-4o', 'o4-mini', 'o3-mini', 'gpt-5-mini', 'gpt-5-nano', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash'];

describe('model defaults', () => {
  it('are current models, the same in the adapters, the configuration and the docs', () => {
    const config = read('bot/config.ts');
    const env = read('.env.example');
    const doc = read('docs/ai.md');
    for (const model of [GEMINI_DEFAULT_MODEL, OPENAI_DEFAULT_MODEL]) {
      expect(config).toContain(`'${model}'`);
      expect(env).toContain(`=${model}`);
      expect(doc).toContain(`\`${model}\``);
    }
  });

  it('names no retired or soon-retired model in the docs or the example configuration', () => {
    for (const path of ['docs/ai.md', 'README.md', '.env.example', 'bot/config.ts']) {
      const text = read(path);
      for (const model of RETIRED) expect(text, `${path} names ${model}`).not.toMatch(new RegExp(`(?<![\\w.-])${model.replace(/\./g, '\\.')}(?![\\w.-])`));
    }
  });
});
