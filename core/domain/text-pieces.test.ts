import { describe, expect, it } from 'vitest';
import { codeAndUrlSplitter } from './text-pieces.js';

const split = codeAndUrlSplitter(/\b[a-z][a-z0-9+.-]*:\/\/[^\s`<>|]+/);

describe('codeAndUrlSplitter', () => {
  it('finds code spans and URLs; a URL leaves the sentence punctuation to the text after it', () => {
    expect(split('see `a b` at https://x.example/p). Done')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'code', text: '`a b`' },
      { kind: 'text', text: ' at ' },
      { kind: 'url', text: 'https://x.example/p' },
      { kind: 'text', text: '). Done' },
    ]);
  });

  it('keeps a parenthesis the URL opened, and a URL inside a code span stays code', () => {
    expect(split('https://x.example/a_(b)!').map((p) => p.text)).toEqual(['', 'https://x.example/a_(b)', '!']);
    expect(split('```https://x.example```')).toEqual([{ kind: 'text', text: '' }, { kind: 'code', text: '```https://x.example```' }, { kind: 'text', text: '' }]);
  });
});
