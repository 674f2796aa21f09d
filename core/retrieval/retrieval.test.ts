import { describe, expect, it } from 'vitest';
import { maxFusedScore, reciprocalRankFusion } from './rrf.js';
import { base64ToBytes, bytesToBase64, decodeFloat32, dot, encodeFloat32, normalize } from './vector-codec.js';

describe('vector codec', () => {
  it('round-trips float32 vectors through little-endian base64 like OpenAI sends them', () => {
    const v = Float32Array.from([0.5, -1.25, 3, 1e-7]);
    expect([...decodeFloat32(encodeFloat32(v))]).toEqual([...v]);
    expect(encodeFloat32([1])).toBe('AACAPw==');
    expect([...decodeFloat32('AACAPw==')]).toEqual([1]);
  });

  it('encodes bytes like standard base64', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
      expect(bytesToBase64(bytes)).toBe(Buffer.from(s).toString('base64'));
      expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
    }
    expect(() => base64ToBytes('**')).toThrow();
  });

  it('normalizes so that a dot product is the cosine', () => {
    const a = normalize([3, 4]);
    expect(dot(a, a)).toBeCloseTo(1);
    expect(dot(normalize([1, 0]), normalize([0, 2]))).toBe(0);
    expect([...normalize([0, 0])]).toEqual([0, 0]);
  });
});

describe('reciprocal-rank fusion', () => {
  it('rewards agreement between rankings', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'd'],
    ]);
    const order = [...fused].sort((x, y) => y[1] - x[1]).map(([id]) => id);
    expect(order[0]).toBe('b');
    expect(fused.get('b')).toBeCloseTo(1 / 62 + 1 / 61);
    expect(fused.get('b')! / maxFusedScore(2)).toBeLessThanOrEqual(1);
  });
});
