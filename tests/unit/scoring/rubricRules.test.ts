import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantiateRubric, MJC_QUALITY_INNOVATION, RUBRIC_PRESETS } from '#shared/scoring/presets.ts';
import {
  addCriterion,
  addGroup,
  blankRubricContent,
  changeScale,
  descriptorsLostByScale,
  moveCriterion,
  moveGroup,
  publishProblems,
  removeCriterion,
  removeGroup,
  setCriterionScale,
  setDescriptor,
  setRubricName,
  updateCriterion,
  updateGroup,
  weightShares,
  type RubricContent,
  type RubricCriterion,
} from '#shared/scoring/rubricRules.ts';
import { scaleLevels } from '#shared/scoring/scale.ts';
import { reviewScore } from '#shared/scoring/score.ts';

const counter = () => {
  let i = 0;
  return () => `id-${(i += 1)}`;
};

const mjc = (): RubricContent => instantiateRubric(MJC_QUALITY_INNOVATION, counter(), 'tester', 0);

/** A blank rubric with every text filled in, so only what a test breaks is reported. */
function filled(): RubricContent {
  let r = blankRubricContent('g1', 'c1');
  r = setRubricName(r, 'id', 'Rubrik uji');
  r = setRubricName(r, 'en', 'Test rubric');
  r = updateGroup(r, 'g1', { name: { id: 'Kualitas', en: 'Quality' } });
  r = updateCriterion(r, 'c1', { name: { id: 'Label', en: 'Label' } });
  for (const score of [1, 2, 3, 4, 5]) {
    r = setDescriptor(r, 'c1', score, 'id', `Level ${score}`);
    r = setDescriptor(r, 'c1', score, 'en', `Level ${score}`);
  }
  return r;
}

describe('publishProblems', () => {
  it('finds nothing wrong with the shipped presets', () => {
    for (const preset of RUBRIC_PRESETS) {
      expect(publishProblems(instantiateRubric(preset, counter(), 'tester', 0)), preset.id).toEqual([]);
    }
    expect(publishProblems(filled())).toEqual([]);
  });

  it('lists every missing name and descriptor of a blank rubric, by language', () => {
    const problems = publishProblems(blankRubricContent('g1', 'c1'));
    expect(problems).toEqual([
      { code: 'rubric-name-empty', languages: ['id', 'en'] },
      { code: 'group-name-empty', groupId: 'g1', languages: ['id', 'en'] },
      { code: 'criterion-name-empty', groupId: 'g1', criterionId: 'c1', languages: ['id', 'en'] },
      { code: 'descriptors-empty', groupId: 'g1', criterionId: 'c1', value: 10 },
    ]);
  });

  it('treats a descriptor of spaces as empty, and one language missing as missing', () => {
    let r = setDescriptor(filled(), 'c1', 3, 'en', '   ');
    r = setRubricName(r, 'en', '');
    expect(publishProblems(r)).toEqual([
      { code: 'rubric-name-empty', languages: ['en'] },
      { code: 'descriptors-empty', groupId: 'g1', criterionId: 'c1', value: 1 },
    ]);
  });

  it('includes the weight checks: group weights must reach 100', () => {
    const r = updateGroup(mjc(), 'mjc-quality', { weight: 50 });
    expect(publishProblems(r)).toEqual([{ code: 'group-weights-sum', value: 90 }]);
  });

  it('wants at least one group with one criterion', () => {
    const r = removeCriterion(filled(), 'c1');
    expect(publishProblems(r).map((p) => p.code)).toEqual(['group-empty']);
    expect(publishProblems(removeGroup(filled(), 'g1')).map((p) => p.code)).toEqual(['no-groups']);
  });

  it('wants the levels to be exactly the scale steps', () => {
    const r = filled();
    const c = r.groups[0]?.criteria[0] as RubricCriterion;
    const shifted = { ...r, groups: [{ ...(r.groups[0] as RubricContent['groups'][number]), criteria: [{ ...c, scale: { min: 0, max: 4, step: 1 } }] }] };
    expect(publishProblems(shifted).map((p) => p.code)).toEqual(['levels-off-scale']);
  });
});

describe('changing a scale', () => {
  const criterion = (): RubricCriterion => {
    const r = filled();
    return r.groups[0]?.criteria[0] as RubricCriterion;
  };

  it('keeps the descriptors of levels that remain and adds empty ones for new steps', () => {
    const c = changeScale(criterion(), { min: 1, max: 7, step: 1 });
    expect(c.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(c.levels.map((l) => l.descriptor.id)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', '', '']);
  });

  it('drops the descriptors of levels that are gone, and says how many had text', () => {
    const before = criterion();
    expect(descriptorsLostByScale(before, { min: 1, max: 3, step: 1 })).toBe(2);
    expect(descriptorsLostByScale(before, { min: 1, max: 9, step: 1 })).toBe(0);
    const c = changeScale(before, { min: 1, max: 3, step: 1 });
    expect(c.levels.map((l) => l.descriptor.en)).toEqual(['Level 1', 'Level 2', 'Level 3']);
  });

  it('stores an insane scale as typed and leaves the levels alone, so nothing is lost mid-typing', () => {
    const before = criterion();
    const c = changeScale(before, { min: 1, max: 5, step: 3 });
    expect(c.scale).toEqual({ min: 1, max: 5, step: 3 });
    expect(c.levels).toEqual(before.levels);
    expect(descriptorsLostByScale(before, { min: 1, max: 5, step: 3 })).toBe(0);
  });

  it('always leaves exactly one level per scale step, lowest first, keeping every surviving descriptor (property)', () => {
    // A run of scale changes, one after another on the same criterion; shrinking finds the shortest run that breaks.
    const scaleChange = fc
      .record({ step: fc.constantFrom(0.5, 1, 2, 0.25, 0.1), from: fc.integer({ min: 0, max: 4 }), levels: fc.integer({ min: 1, max: 12 }) })
      .map(({ step, from, levels }) => ({ min: from * step, max: from * step + levels * step, step }));
    fc.assert(
      fc.property(fc.array(scaleChange, { minLength: 1, maxLength: 25 }), (changes) => {
        let c = criterion();
        for (const scale of changes) {
          const before = c;
          c = changeScale(c, scale);
          const expected = scaleLevels(scale);
          expect(expected).not.toBeNull();
          expect(c.levels.map((l) => l.score)).toEqual(expected);
          for (const old of before.levels) {
            const kept = c.levels.find((l) => Math.abs(l.score - old.score) < 1e-9);
            if (kept) expect(kept.descriptor).toEqual(old.descriptor);
          }
          // Give the new steps text, so later rounds check that it survives too.
          c = { ...c, levels: c.levels.map((l) => (l.descriptor.id ? l : { ...l, descriptor: { id: `d${l.score}`, en: `d${l.score}` } })) };
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('editing helpers', () => {
  it('a new group takes the weight still missing from 100', () => {
    const r = updateGroup(filled(), 'g1', { weight: 70 });
    const added = addGroup(r, 'g2', 'c2');
    expect(added.groups.map((g) => g.weight)).toEqual([70, 30]);
    expect(addGroup(filled(), 'g2', 'c2').groups[1]?.weight).toBe(0);
    expect(added.groups[1]?.criteria.map((c) => c.levels.length)).toEqual([5]);
  });

  it('moves groups and stops at the ends', () => {
    let r = addGroup(addGroup(filled(), 'g2', 'c2'), 'g3', 'c3');
    r = moveGroup(r, 'g3', -1);
    expect(r.groups.map((g) => g.id)).toEqual(['g1', 'g3', 'g2']);
    expect(moveGroup(r, 'g1', -1).groups.map((g) => g.id)).toEqual(['g1', 'g3', 'g2']);
    expect(moveGroup(r, 'g2', 1).groups.map((g) => g.id)).toEqual(['g1', 'g3', 'g2']);
  });

  it('moves a criterion within its group, then across into the neighbouring group', () => {
    let r = addCriterion(filled(), 'g1', 'c1b');
    r = addGroup(r, 'g2', 'c2');
    const order = (x: RubricContent) => x.groups.map((g) => g.criteria.map((c) => c.id));
    expect(order(moveCriterion(r, 'c1b', -1))).toEqual([['c1b', 'c1'], ['c2']]);
    r = moveCriterion(r, 'c1b', 1);
    expect(order(r)).toEqual([['c1'], ['c1b', 'c2']]);
    r = moveCriterion(r, 'c1b', -1);
    expect(order(r)).toEqual([['c1', 'c1b'], ['c2']]);
    expect(order(moveCriterion(r, 'c1', -1))).toEqual([['c1', 'c1b'], ['c2']]);
    expect(order(moveCriterion(r, 'c2', 1))).toEqual([['c1', 'c1b'], ['c2']]);
  });

  it('any run of moves keeps every criterion exactly once and every group in place (property)', () => {
    const move = fc.record({
      criterion: fc.nat(),
      direction: fc.constantFrom(-1 as const, 1 as const),
      group: fc.option(fc.tuple(fc.nat(), fc.constantFrom(-1 as const, 1 as const)), { freq: 9 }),
    });
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 40 }), (moves) => {
        let r = mjc();
        const all = () => r.groups.flatMap((g) => g.criteria.map((c) => c.id)).sort();
        const before = all();
        for (const m of moves) {
          const ids = r.groups.flatMap((g) => g.criteria.map((c) => c.id));
          r = moveCriterion(r, ids[m.criterion % ids.length]!, m.direction);
          if (m.group) r = moveGroup(r, r.groups[m.group[0] % r.groups.length]?.id ?? '', m.group[1]);
          expect(all()).toEqual(before);
          expect(r.groups).toHaveLength(2);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('changes only what it is asked to and shares the rest', () => {
    const r = mjc();
    const next = updateCriterion(r, 'mjc-quality-print', { weight: 10 });
    expect(next.groups[0]?.criteria[2]?.weight).toBe(10);
    expect(next.groups[1]).toBe(r.groups[1]);
    expect(next.groups[0]?.criteria[0]).toBe(r.groups[0]?.criteria[0]);
    expect(r.groups[0]?.criteria[2]?.weight).toBe(15);
  });

  it('sets a scale through the rubric', () => {
    const r = setCriterionScale(filled(), 'c1', { min: 0, max: 10, step: 2 });
    expect(r.groups[0]?.criteria[0]?.levels.map((l) => l.score)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describe('weightShares', () => {
  it('gives MJC 60/40 and each criterion its share of the 0–100 total', () => {
    const shares = weightShares(mjc());
    expect(shares.groups.map((g) => g.share)).toEqual([60, 40]);
    expect(shares.groups[0]?.criteria[0]?.share).toBeCloseTo(18); // label: 30 of 100 within Kualitas
    const total = shares.groups.flatMap((g) => g.criteria).reduce((s, c) => s + c.share, 0);
    expect(total).toBeCloseTo(100);
  });

  it('matches what scoring does: a criterion at the top and the rest at the bottom scores its share', () => {
    const r = mjc();
    const shares = weightShares(r);
    const criteria = r.groups.flatMap((g) => g.criteria);
    for (const target of criteria) {
      const scores = Object.fromEntries(criteria.map((c) => [c.id, c.id === target.id ? c.scale.max : c.scale.min]));
      const share = shares.groups.flatMap((g) => g.criteria).find((c) => c.criterionId === target.id)?.share;
      expect(reviewScore(r, scores).overall0to100).toBeCloseTo(share ?? Number.NaN);
    }
  });

  it('gives zero shares, not NaN, when weights are zero', () => {
    const r = updateGroup(filled(), 'g1', { weight: 0 });
    expect(weightShares(r).groups[0]).toEqual({ groupId: 'g1', share: 0, criteria: [{ criterionId: 'c1', share: 0 }] });
  });
});
