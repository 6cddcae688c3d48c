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

/** `of` in the version just before its own, when faces of that kind were typed differently there. */
function previousCounterpart(sorted: readonly PairChoice[], of: PairChoice): PairChoice | undefined {
  const previous = sorted.find((c) => c.version < of.version)?.version;
  return previous === undefined ? undefined : counterpartIn(sorted, of, previous);
}

/** The face of a version a mentor means by default: its front, else its first. */
function leadFace(choices: readonly PairChoice[], version: number): PairChoice | undefined {
  const faces = choices.filter((c) => c.version === version).sort((x, y) => x.order - y.order);
  return faces.find((c) => c.face === 'front') ?? faces[0];
}

/**
 * The face of `version` that stands where `of` stands in its own version:
 * the same kind of face (the n-th of that kind when a version has several,
 * e.g. faces still typed "Lainnya"), else the face at the same place in order.
 */
export function counterpartIn(choices: readonly PairChoice[], of: PairChoice, version: number): PairChoice | undefined {
  if (of.version === version) return of;
  const inOrder = (v: number) => choices.filter((c) => c.version === v).sort((x, y) => x.order - y.order);
  const mine = inOrder(of.version);
  const theirs = inOrder(version);
  const sameKind = theirs.filter((c) => c.face === of.face);
  const rank = mine.filter((c) => c.face === of.face).findIndex((c) => c.id === of.id);
  if (sameKind.length > 0) return sameKind[Math.min(Math.max(rank, 0), sameKind.length - 1)];
  return theirs[Math.min(Math.max(mine.findIndex((c) => c.id === of.id), 0), theirs.length - 1)];
}

/**
 * Compare opened from a face on the review screen: that face in the latest
 * version (B) against it in the version before the latest (A), whichever
 * version was being reviewed. With one version only, the face against
 * another face of it.
 */
function pairFrom(sorted: readonly PairChoice[], from: PairChoice): Pair {
  const latest = sorted[0]?.version ?? from.version;
  const b = counterpartIn(sorted, from, latest) ?? from;
  const previous = sorted.find((c) => c.version < latest)?.version;
  const a = previous === undefined ? undefined : counterpartIn(sorted, from, previous);
  return a ? { a, b } : { a: siblingOf(sorted, b) ?? b, b };
}

/**
 * What to compare when the address names A, B, both or neither, or `from`:
 * the face being reviewed (see pairFrom). Without
 * either: B is the newest version's front, A the same face one version
 * earlier; with one version only, two of its faces. Ids that are not among
 * the choices are ignored. Null when there is nothing to compare.
 */
export function resolvePair(
  choices: readonly PairChoice[],
  wanted: { a?: string | null; b?: string | null; from?: string | null },
): Pair | null {
  const sorted = [...choices].sort(byVersionThenOrder);
  const newest = sorted[0];
  if (!newest) return null;
  const find = (id: string | null | undefined) => (id ? sorted.find((c) => c.id === id) : undefined);
  const givenA = find(wanted.a);
  const givenB = find(wanted.b);
  if (givenA && givenB) return { a: givenA, b: givenB };
  const from = !givenA && !givenB ? find(wanted.from) : undefined;
  if (from) return pairFrom(sorted, from);
  if (givenA) {
    const b = sameFaceNearby(sorted, givenA, 1) ?? siblingOf(sorted, givenA) ?? givenA;
    return { a: givenA, b };
  }
  const b = givenB ?? leadFace(sorted, newest.version) ?? newest;
  const earlier = sameFaceNearby(sorted, b, -1) ?? (givenB ? undefined : previousCounterpart(sorted, b));
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
