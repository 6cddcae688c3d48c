import { describe, expect, it } from 'vitest';
import { resolvePair, type PairChoice } from '../../../shared/compare/comparePair.ts';

const choice = (id: string, version: number, face: PairChoice['face'], order: number): PairChoice => ({ id, version, face, order });

const v1Front = choice('v1-front', 1, 'front', 0);
const v1Back = choice('v1-back', 1, 'back', 1);
const v2Back = choice('v2-back', 2, 'back', 0);
const v2Front = choice('v2-front', 2, 'front', 1);
const v3Front = choice('v3-front', 3, 'front', 0);
const ids = (pair: ReturnType<typeof resolvePair>) => (pair ? [pair.a.id, pair.b.id] : null);

describe('which faces to compare', () => {
  it('defaults to the newest front against the front one version earlier', () => {
    expect(ids(resolvePair([v1Front, v1Back, v2Back, v2Front], {}))).toEqual(['v1-front', 'v2-front']);
    expect(ids(resolvePair([v1Front, v2Front, v3Front], {}))).toEqual(['v2-front', 'v3-front']);
  });

  it('with one version, compares two of its faces', () => {
    expect(ids(resolvePair([v1Back, v1Front], {}))).toEqual(['v1-back', 'v1-front']);
  });

  it('with one face only, compares it with itself, and with none gives nothing', () => {
    expect(ids(resolvePair([v1Front], {}))).toEqual(['v1-front', 'v1-front']);
    expect(resolvePair([], {})).toBeNull();
  });

  it('keeps what the address asks for, and fills in the other side', () => {
    const all = [v1Front, v1Back, v2Back, v2Front, v3Front];
    expect(ids(resolvePair(all, { a: 'v1-back', b: 'v3-front' }))).toEqual(['v1-back', 'v3-front']);
    expect(ids(resolvePair(all, { b: 'v2-back' }))).toEqual(['v1-back', 'v2-back']);
    expect(ids(resolvePair(all, { a: 'v1-front' }))).toEqual(['v1-front', 'v2-front']);
    // B asked for on the first version: it becomes A, against the next version.
    expect(ids(resolvePair(all, { b: 'v1-front' }))).toEqual(['v1-front', 'v2-front']);
  });

  it('ignores ids that are not this participant’s faces', () => {
    expect(ids(resolvePair([v1Front, v2Front], { a: 'elsewhere', b: 'nope' }))).toEqual(['v1-front', 'v2-front']);
  });
});
