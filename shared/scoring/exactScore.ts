/**
 * Exact review scores. A review's overall 0–100 is a rational number: each
 * criterion contributes 100 × (group weight ÷ group weights) × (criterion
 * weight ÷ criterion weights in its group) × (score − min) ÷ (max − min).
 * Adding those in floating point gives one score two forms (on the MJC rubric,
 * levels 4143251511 gave 44.49999999999999 and 1335125215 gave 44.5), and a
 * tie became two ranks. Here every weight and level is read as the decimal it
 * was typed as, the rubric gets one common denominator D, and a review's score
 * is an integer numerator over D: equal scores are equal integers.
 */

/** A rational number p/q with q > 0 (not necessarily in lowest terms). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const lcm = (a: bigint, b: bigint) => (a === 0n || b === 0n ? 0n : abs(a * b) / gcd(a, b));

/** p/q in lowest terms with q > 0; 0 is 0/1. */
export function reduce(f: Fraction): Fraction {
  if (f.den === 0n) throw new RangeError('fraction with denominator 0');
  const g = gcd(f.num, f.den) || 1n;
  const sign = f.den < 0n ? -1n : 1n;
  return { num: (sign * f.num) / g, den: (sign * f.den) / g };
}

/**
 * The decimal a person typed, exactly: 0.1 is 1/10, not the binary double
 * nearest to it. Uses the shortest decimal that reads back as the same double
 * (what `String(x)` prints), so any finite number is accepted.
 */
export function fromDecimal(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = '0', exponentText] = String(x).toLowerCase().split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  let num = BigInt(whole + fraction);
  let den = 10n ** BigInt(fraction.length);
  if (exponent > 0) num *= 10n ** BigInt(exponent);
  if (exponent < 0) den *= 10n ** BigInt(-exponent);
  return reduce({ num: negative ? -num : num, den });
}

/**
 * A fraction as a double: the same reduced fraction always gives the same
 * double, so equal scores compare equal as numbers too. Exact to the double
 * nearest the value when numerator and denominator are below 2^53 (the case
 * for every real rubric); otherwise scaled down first, still deterministic.
 */
export function toNumber(f: Fraction): number {
  const r = reduce(f);
  const limit = 2n ** 53n;
  if (abs(r.num) < limit && r.den < limit) return Number(r.num) / Number(r.den);
  // Keep 60 significant bits of the quotient: integer part and fraction.
  const shift = 60n;
  return Number((r.num << shift) / r.den) / 2 ** Number(shift);
}

/**
 * round(value × 10^decimals) with halves rounded away from zero, done on the
 * exact fraction: the single rounding of a score to the precision people see.
 */
export function roundFraction(f: Fraction, decimals: number): bigint {
  const r = reduce(f);
  const scaled = r.num * 10n ** BigInt(decimals);
  const q = (2n * abs(scaled) + r.den) / (2n * r.den);
  return scaled < 0n ? -q : q;
}

/** Compares two fractions exactly: negative, zero or positive. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const d = a.num * b.den - b.num * a.den;
  const sign = (a.den > 0n ? 1n : -1n) * (b.den > 0n ? 1n : -1n);
  const s = d * sign;
  return s < 0n ? -1 : s > 0n ? 1 : 0;
}

/** The rubric shape the exact scorer reads. */
export interface ExactRubric {
  groups: readonly {
    weight: number;
    criteria: readonly { id: string; weight: number; scale: { min: number; max: number; step: number } }[];
  }[];
}

/**
 * A rubric compiled for exact scoring: `overall(scores)` is the integer
 * numerator of the overall 0–100 over `denominator`, or null unless every
 * criterion has a score (the caller checks scores are on their scales).
 */
export interface ExactScorer {
  /** The rubric's common denominator D (> 0). */
  denominator: bigint;
  /** Numerator over D of the overall 0–100; null when a criterion is unscored or the rubric has no weight. */
  overall(scores: Readonly<Record<string, number | null | undefined>>): bigint | null;
  /** Per group: numerator over `groupDenominators[g]` of the group's subtotal 0–100, or null when a criterion of it is unscored. */
  group(index: number, scores: Readonly<Record<string, number | null | undefined>>): bigint | null;
  groupDenominators: bigint[];
}

interface CompiledCriterion {
  id: string;
  /** Integer coefficient: the criterion's share × 100 ÷ (max − min), over D, per unit of 10^-scale. */
  coefficient: bigint;
  groupCoefficient: bigint;
  min: Fraction;
  /** 10^decimals of the score offsets of this criterion (enough for min and step). */
  unit: bigint;
}

/** Compiles a rubric into integer coefficients over one common denominator (see the file's note). */
export function exactScorer(rubric: ExactRubric): ExactScorer {
  // Groups whose criteria carry no weight drop out and the others share 100 (as in `reviewScore`).
  const weightSumOf = (criteria: ExactRubric['groups'][number]['criteria']) =>
    criteria.reduce((s, c) => addFractions(s, fromDecimal(c.weight)), { num: 0n, den: 1n } as Fraction);
  const groupWeightSum = rubric.groups
    .filter((g) => weightSumOf(g.criteria).num !== 0n)
    .reduce((s, g) => addFractions(s, fromDecimal(g.weight)), { num: 0n, den: 1n } as Fraction);
  // Each criterion's exact share of 100 per unit of score offset, before the common denominator.
  const shares: { id: string; share: Fraction; groupShare: Fraction; group: number; min: Fraction; unit: bigint }[] = [];
  rubric.groups.forEach((group, g) => {
    const criterionWeightSum = weightSumOf(group.criteria);
    for (const c of group.criteria) {
      const min = fromDecimal(c.scale.min);
      const range = subtractFractions(fromDecimal(c.scale.max), min);
      const unit = lcm(min.den, fromDecimal(c.scale.step).den);
      const w = fromDecimal(c.weight);
      const gw = fromDecimal(group.weight);
      const valid = groupWeightSum.num !== 0n && criterionWeightSum.num !== 0n && range.num > 0n;
      // 100 × gw/GW × w/CW ÷ range ÷ unit, per integer offset step of 1/unit.
      const share: Fraction = valid
        ? reduce({ num: 100n * gw.num * groupWeightSum.den * w.num * criterionWeightSum.den * range.den, den: gw.den * groupWeightSum.num * w.den * criterionWeightSum.num * range.num * unit })
        : { num: 0n, den: 1n };
      const groupShare: Fraction =
        criterionWeightSum.num !== 0n && range.num > 0n
          ? reduce({ num: 100n * w.num * criterionWeightSum.den * range.den, den: w.den * criterionWeightSum.num * range.num * unit })
          : { num: 0n, den: 1n };
      shares.push({ id: c.id, share, groupShare, group: g, min, unit });
    }
  });
  const denominator = shares.reduce((d, s) => lcm(d, s.share.den), 1n);
  const groupDenominators = rubric.groups.map((_, g) => shares.filter((s) => s.group === g).reduce((d, s) => lcm(d, s.groupShare.den), 1n));
  const compiled: (CompiledCriterion & { group: number })[] = shares.map((s) => ({
    id: s.id,
    group: s.group,
    coefficient: (s.share.num * denominator) / s.share.den,
    groupCoefficient: (s.groupShare.num * (groupDenominators[s.group] as bigint)) / s.groupShare.den,
    min: s.min,
    unit: s.unit,
  }));
  const weighted = groupWeightSum.num !== 0n && rubric.groups.some((g) => g.criteria.some((c) => c.weight > 0));
  const offset = (c: CompiledCriterion, score: number): bigint => {
    // (score − min) × unit is a whole number for a score on the scale.
    const s = fromDecimal(score);
    const num = (s.num * c.min.den - c.min.num * s.den) * c.unit;
    const den = s.den * c.min.den;
    return num / den;
  };
  const sum = (list: typeof compiled, pick: (c: (typeof compiled)[number]) => bigint, scores: Readonly<Record<string, number | null | undefined>>) => {
    let total = 0n;
    for (const c of list) {
      const score = scores[c.id];
      if (score === null || score === undefined) return null;
      total += pick(c) * offset(c, score);
    }
    return total;
  };
  const byGroup = rubric.groups.map((_, g) => compiled.filter((c) => c.group === g));
  return {
    denominator,
    groupDenominators,
    overall: (scores) => (weighted && compiled.length > 0 ? sum(compiled, (c) => c.coefficient, scores) : null),
    group: (index, scores) => {
      const list = byGroup[index] ?? [];
      return list.length > 0 ? sum(list, (c) => c.groupCoefficient, scores) : null;
    },
  };
}

function addFractions(a: Fraction, b: Fraction): Fraction {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return reduce({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
}
