import type { Face } from '../domain/asset.ts';

/** One face a mentor can pick for A or B: which version it belongs to, and which face it is. */
export interface PairChoice {
  id: string;
  version: number;
  face: Face;
  /** Order among its version's faces. */
  order: number;
}

export interface Pair {
  a: PairChoice;
  b: PairChoice;
}

const byVersionThenOrder = (x: PairChoice, y: PairChoice) => y.version - x.version || x.order - y.order;

/** The same kind of face in the closest version before (direction -1) or after (+1) `of`. */
function sameFaceNearby(choices: readonly PairChoice[], of: PairChoice, direction: -1 | 1): PairChoice | undefined {
  return choices
    .filter((c) => c.face === of.face && Math.sign(c.version - of.version) === direction)
    .sort((x, y) => direction * (x.version - y.version) || x.order - y.order)[0];
}

/** Another face of the same version, the next one in order first. */
function siblingOf(choices: readonly PairChoice[], of: PairChoice): PairChoice | undefined {
  const siblings = choices.filter((c) => c.version === of.version && c.id !== of.id).sort((x, y) => x.order - y.order);
  return siblings.find((c) => c.order > of.order) ?? siblings[0];
}

/** The face of a version a mentor means by default: its front, else its first. */
function leadFace(choices: readonly PairChoice[], version: number): PairChoice | undefined {
  const faces = choices.filter((c) => c.version === version).sort((x, y) => x.order - y.order);
  return faces.find((c) => c.face === 'front') ?? faces[0];
}

/**
 * What to compare when the address names A, B, both or neither. Without
 * either: B is the newest version's front, A the same face one version
 * earlier; with one version only, two of its faces. Ids that are not among
 * the choices are ignored. Null when there is nothing to compare.
 */
export function resolvePair(choices: readonly PairChoice[], wanted: { a?: string | null; b?: string | null }): Pair | null {
  const sorted = [...choices].sort(byVersionThenOrder);
  const newest = sorted[0];
  if (!newest) return null;
  const find = (id: string | null | undefined) => (id ? sorted.find((c) => c.id === id) : undefined);
  const givenA = find(wanted.a);
  const givenB = find(wanted.b);
  if (givenA && givenB) return { a: givenA, b: givenB };
  if (givenA) {
    const b = sameFaceNearby(sorted, givenA, 1) ?? siblingOf(sorted, givenA) ?? givenA;
    return { a: givenA, b };
  }
  const b = givenB ?? leadFace(sorted, newest.version) ?? newest;
  const earlier = sameFaceNearby(sorted, b, -1);
  if (earlier) return { a: earlier, b };
  if (givenB) {
    // The oldest version was asked for as B: show it against the next one instead.
    const later = sameFaceNearby(sorted, b, 1);
    if (later) return { a: b, b: later };
  }
  const previous = sorted.find((c) => c.version < b.version);
  const a = (previous && leadFace(sorted, previous.version)) ?? siblingOf(sorted, b) ?? b;
  return { a, b };
}
