import { describe, expect, it } from 'vitest';
import { counterpartIn, resolvePair, type PairChoice } from '#shared/compare/comparePair.ts';

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

describe('compare opened from the face being reviewed', () => {
  const all = [v1Front, v1Back, v2Back, v2Front, v3Front];

  it('shows that face in the version before the latest against the latest, whichever version is reviewed', () => {
    expect(ids(resolvePair([v1Front, v1Back, v2Back, v2Front], { from: 'v2-back' }))).toEqual(['v1-back', 'v2-back']);
    // Reviewing the first version opens on the same face, not on two faces of version 1.
    expect(ids(resolvePair([v1Front, v1Back, v2Back, v2Front], { from: 'v1-back' }))).toEqual(['v1-back', 'v2-back']);
    expect(ids(resolvePair(all, { from: 'v1-front' }))).toEqual(['v2-front', 'v3-front']);
  });

  it('finds the face by its place when the versions typed their faces differently (sorted from the tray as Lainnya)', () => {
    const old1 = choice('v1-a', 1, 'back', 0);
    const old2 = choice('v1-b', 1, 'other', 1);
    const new1 = choice('v2-a', 2, 'other', 0);
    const new2 = choice('v2-b', 2, 'other', 1);
    expect(ids(resolvePair([old1, old2, new1, new2], { from: 'v1-a' }))).toEqual(['v1-a', 'v2-a']);
    // Two faces of the same kind: the second is matched with the second.
    expect(ids(resolvePair([old1, old2, new1, new2], { from: 'v2-b' }))).toEqual(['v1-b', 'v2-b']);
  });

  it('with one version, still compares the face with another of its faces', () => {
    expect(ids(resolvePair([v1Front, v1Back], { from: 'v1-back' }))).toEqual(['v1-front', 'v1-back']);
  });

  it('an explicit A or B wins over the face it was opened from', () => {
    expect(ids(resolvePair(all, { a: 'v1-back', b: 'v3-front', from: 'v2-back' }))).toEqual(['v1-back', 'v3-front']);
  });

  it('a counterpart is the face itself in its own version, and nothing in a version without faces', () => {
    expect(counterpartIn(all, v2Back, 2)).toBe(v2Back);
    expect(counterpartIn(all, v2Back, 1)).toBe(v1Back);
    expect(counterpartIn(all, v2Back, 7)).toBeUndefined();
  });
});
