import { describe, expect, it } from 'vitest';
import { scaleLevels } from '#shared/scoring/scale.ts';
import { checkWeights } from '#shared/scoring/weights.ts';

const levels = (scores: number[]) => scores.map((score) => ({ score, descriptor: { id: `d${score}`, en: `d${score}` } }));
const crit = (id: string, weight = 1, scale = { min: 1, max: 5, step: 1 }, scores = [1, 2, 3, 4, 5]) => ({
  id,
  name: { id, en: id },
  weight,
  scale,
  levels: levels(scores),
});
const group = (id: string, weight: number, criteria = [crit(`${id}-c`)]) => ({ id, name: { id, en: id }, weight, criteria });

describe('scale levels', () => {
  it('lists the levels and rejects insane scales', () => {
    expect(scaleLevels({ min: 1, max: 5, step: 1 })).toEqual([1, 2, 3, 4, 5]);
    expect(scaleLevels({ min: 0, max: 1, step: 0.1 })?.[3]).toBe(0.3);
    expect(scaleLevels({ min: 0, max: 10, step: 2.5 })).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(scaleLevels({ min: 1, max: 5, step: 3 })).toBeNull();
    expect(scaleLevels({ min: 5, max: 5, step: 1 })).toBeNull();
    expect(scaleLevels({ min: 1, max: 5, step: 0 })).toBeNull();
    expect(scaleLevels({ min: 0, max: 1000, step: 1 })).toBeNull();
  });
});

describe('checkWeights', () => {
  it('accepts group weights summing to 100, with criterion weights in any positive units', () => {
    expect(checkWeights({ groups: [group('a', 60, [crit('x', 3), crit('y', 7)]), group('b', 40)] })).toEqual([]);
    expect(checkWeights({ groups: [group('a', 33.3), group('b', 33.3), group('c', 33.4)] })).toEqual([]);
  });

  it('reports each problem with a code and where it is', () => {
    expect(checkWeights({ groups: [] })).toEqual([{ code: 'no-groups' }]);
    expect(checkWeights({ groups: [group('a', 50), group('b', 40)] })).toEqual([{ code: 'group-weights-sum', value: 90 }]);
    expect(checkWeights({ groups: [group('a', 100, [crit('x', 0)])] })).toEqual([
      { code: 'criterion-weight-not-positive', groupId: 'a', criterionId: 'x', value: 0 },
    ]);
    expect(checkWeights({ groups: [group('a', 100, [])] })).toEqual([{ code: 'group-empty', groupId: 'a' }]);
    expect(checkWeights({ groups: [group('a', 110), group('b', -10)] })).toContainEqual({ code: 'group-weight-negative', groupId: 'b', value: -10 });
    expect(checkWeights({ groups: [group('a', 100, [crit('x', 1, { min: 1, max: 5, step: 3 })])] })[0]?.code).toBe('scale-invalid');
    expect(checkWeights({ groups: [group('a', 100, [crit('x', 1, undefined, [1, 2, 3, 4])])] })).toEqual([
      { code: 'levels-count', groupId: 'a', criterionId: 'x', value: 4 },
    ]);
    expect(checkWeights({ groups: [group('a', 100, [crit('x', 1, undefined, [1, 2, 3, 4, 6])])] })[0]?.code).toBe('levels-off-scale');
    expect(checkWeights({ groups: [group('a', 100, [crit('x'), crit('x')])] })[0]?.code).toBe('duplicate-id');
  });

  it('accepts levels listed in any order', () => {
    expect(checkWeights({ groups: [group('a', 100, [crit('x', 1, undefined, [5, 4, 3, 2, 1])])] })).toEqual([]);
  });
});
